import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, startAndTime } from '../package/packed-install.ts';
import { summary } from './feed-start.ts';

const WRITER = fileURLToPath(new URL('./journal-writer.ts', import.meta.url));
const NPM_START = fileURLToPath(new URL('../feed-command.mjs', import.meta.url));
const BIN_SOURCE = fileURLToPath(new URL('../../src/feed/bin.ts', import.meta.url));
const JOURNAL_MIB = 64;


/** Writes 64 MiB of journal in a child process, then SIGKILLs it: the directory a crashed feed leaves. */
async function crashedDataDir(dir: string): Promise<string> {
  const writer = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(JOURNAL_MIB)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const written = await new Promise<string>((resolve, reject) => {
    createInterface({ input: writer.stdout! }).on('line', (line) => line.startsWith('WRITTEN') && resolve(line));
    writer.once('exit', (code) => reject(new Error(`the journal writer exited (${code}) before writing ${JOURNAL_MIB} MiB`)));
  });
  const exited = new Promise((resolve) => writer.once('exit', resolve));
  writer.kill('SIGKILL');
  await exited;
  const [, batches] = written.split(' ');
  const files = await Promise.all((await readdir(dir)).filter((name) => /^(journal|snapshot)-/.test(name)).map(async (name) => `${name} ${((await stat(join(dir, name))).size / 2 ** 20).toFixed(1)}`));
  return `${Number(batches).toLocaleString('en')} batches; left: ${files.join(', ')} MiB`;
}

/** `runs` times: start `command` on the crashed directory, time its first /api/state, SIGKILL it. */
async function timeRestarts(command: readonly string[], runs: number, env: Record<string, string>): Promise<{ times: number[]; recovery: string }> {
  const times: number[] = [];
  let recovery = '';
  for (let run = 0; run < runs; run++) {
    const started = await startAndTime(command, await freePort(), env);
    times.push(started.firstStateMs);
    recovery = /recovered .*\((.*)\)/.exec(started.output())?.[1] ?? recovery;
    const exited = new Promise((resolve) => started.child.once('exit', resolve));
    started.child.kill('SIGKILL');
    await exited;
  }
  return { times, recovery };
}

/**
 * Restart after SIGKILL with a 64 MiB journal to recover (goal: the first /api/state within 1 s): what
 * `npm start` runs (the bundled feed) beside the same start through tsx, as `npm start` ran before.
 */
export async function benchRestartTime(runs = 5): Promise<{ measure: string; value: string }[]> {
  const work = await mkdtemp(join(tmpdir(), 'bench-restart-'));
  try {
    await writeFile(join(work, 'index.html'), '<!doctype html><title>bench</title>');
    const dataDir = join(work, 'data');
    const written = await crashedDataDir(dataDir);
    const env = { SIMULATOR: 'off', DATA_DIR: dataDir, OVERLAY_DIR: work };
    const bundled = await timeRestarts([process.execPath, NPM_START, 'start'], runs, env);
    const tsx = await timeRestarts([process.execPath, '--import', 'tsx', BIN_SOURCE, 'start'], runs, env);
    return [
      { measure: `restart after SIGKILL, ${JOURNAL_MIB} MiB journal -> first /api/state (ms, goal < 1000): npm start, median`, value: summary(bundled.times) },
      { measure: '  the same start through tsx (npm start before), median', value: summary(tsx.times) },
      { measure: '  journal written before the kill', value: written },
      { measure: '  recovery (from the feed log)', value: bundled.recovery },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
