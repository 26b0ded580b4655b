import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { START_TABLE_MARKERS, startHelp, startSettingsTable, startVariables } from '../../../../src/feed/setup/start-help.ts';
import { StartEnv } from '../../../../src/feed/setup/start-settings.ts';
import { tableInReadme } from '../../../../src/theme/params-table.ts';

const README = new URL('../../../../README.md', import.meta.url);

describe("start's settings, documented from their one schema", () => {
  it('is what README.md shows between its markers (run `npm run docs:settings` to update it)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(tableInReadme(readme, START_TABLE_MARKERS), `README.md lacks ${START_TABLE_MARKERS.start} ... ${START_TABLE_MARKERS.end}`).toBe(startSettingsTable());
  });

  it('lists every variable of the schema, with its default, in the table and in start --help', () => {
    const names = Object.keys(StartEnv.shape);
    expect(startVariables().map(({ name }) => name)).toEqual(names);
    const help = startHelp();
    for (const { name, meaning } of startVariables()) {
      expect(startSettingsTable()).toContain(`| \`${name}\` |`);
      expect(help).toMatch(new RegExp(`^  ${name} +${meaning.replaceAll('`', '').slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
    expect(help).toContain('unset: 8080');
    expect(help).toContain('--campaign');
  });
});
