import { START_ARGS, StartEnv, startUsage } from './start-settings.ts';

/** One row per variable of `start`, from the schema: its name, what applies when unset, and its meaning. */
export interface StartVariable {
  name: string;
  unset: string;
  meaning: string;
}

export function startVariables(): StartVariable[] {
  return Object.entries(StartEnv.shape).map(([name, schema]) => {
    const meta = schema.meta() as { unset?: string; description?: string } | undefined;
    if (!meta?.unset || !meta.description) throw new Error(`StartEnv.${name} needs .describe() and a default (withDefault or withoutDefault)`);
    return { name, unset: meta.unset, meaning: meta.description };
  });
}

/** README.md holds the generated table between these two lines; `npm run docs:settings` rewrites it. */
export const START_TABLE_MARKERS = { start: '<!-- start-settings:start -->', end: '<!-- start-settings:end -->' } as const;

/** README's table of `start`'s variables. */
export function startSettingsTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = startVariables().map(({ name, unset, meaning }) => `| \`${name}\` | ${cell(unset)} | ${cell(meaning)} |`);
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `start --help`: the same variables as README's table, for a terminal. */
export function startHelp(): string {
  const plain = (text: string) => text.replaceAll('`', '');
  const width = Math.max(...startVariables().map(({ name }) => name.length));
  const lines = startVariables().map(({ name, unset, meaning }) => `  ${name.padEnd(width)}  ${plain(meaning)} (unset: ${plain(unset)})`);
  return [
    startUsage().replace(/; start --help lists the settings$/, ''),
    `  ${START_ARGS}: --campaign wins over CAMPAIGN; --no-simulator is SIMULATOR=off`,
    'environment:',
    ...lines,
    'Without --campaign or CAMPAIGN, the sample campaign runs. Make your own with: local-love-overlay init DIR',
    'Before a show: local-love-overlay check [--campaign FILE] with the same environment.',
  ].join('\n');
}
