/**
 * The `local-love-overlay` command: one subcommand per line below. Each is loaded only when run, so
 * `check` or `init` do not pay for the feed server's start.
 */
interface Command {
  summary: string;
  run: (args: readonly string[]) => Promise<void>;
}

export const COMMANDS: Record<string, Command> = {
  start: { summary: 'run the overlay and its feed for OBS (start --help lists the settings)', run: async (args) => (await import('./cli.ts')).start(args) },
  init: { summary: 'write a campaign of your own to edit: init [DIR]', run: async (args) => (await import('./init/init-command.ts')).init(args) },
  check: { summary: 'rehearsal check: is the show ready to go live? check [--campaign FILE]', run: async (args) => (await import('./check/check-command.ts')).check(args) },
  report: { summary: 'write the audit report from the journal or Redis: report [--campaign FILE] [--out DIR]', run: async (args) => (await import('./report/cli.ts')).report(args) },
  recap: { summary: 'render the results cards (PNG) of the show: recap [--campaign FILE] [--out DIR] [--lang ja|en]', run: async (args) => (await import('./recap/cli.ts')).recap(args) },
  replay: { summary: 'count TikTok LIVE recordings again: replay FILE... [--campaign FILE] [--redact]', run: async (args) => (await import('./sources/tiktok/replay-cli.ts')).replay(args) },
};

export function commandsHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'usage: local-love-overlay <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Start here: local-love-overlay init my-show, then local-love-overlay start --campaign my-show/campaign.json',
  ].join('\n');
}

/**
 * Runs `argv` (without node and the script): the command's failure is printed on one line naming the
 * command, and the exit code set to 1. A command's own result code (check) is its business.
 */
export async function runCommand(argv: readonly string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return console.log(commandsHelp());
  if (name === '--version') return console.log(await packageVersion());
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command "${name}"\n${commandsHelp()}`);
    process.exitCode = 1;
    return;
  }
  try {
    await command.run(args);
  } catch (error) {
    console.error(`local-love-overlay ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { packageRoot } = await import('./package-root.ts');
  return (JSON.parse(await readFile(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
