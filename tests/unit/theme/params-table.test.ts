import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../../../src/theme/params-schema.ts';
import { TABLE_END, TABLE_START, paramsTable, tableInReadme, withTable } from '../../../src/theme/params-table.ts';

const README = new URL('../../../README.md', import.meta.url);

describe('README parameter table', () => {
  it('lists every parameter of the schema, one row each', () => {
    const rows = paramsTable().split('\n').slice(2);
    expect(rows.map((row) => row.match(/^\| `([^`]+)`/)?.[1])).toEqual(PARAM_NAMES);
  });

  it('is what README.md shows between its markers (run `npm run docs:params` to update it)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(tableInReadme(readme), `README.md lacks ${TABLE_START} ... ${TABLE_END}`).not.toBeNull();
    expect(tableInReadme(readme)).toBe(paramsTable());
  });

  it('is replaced between the markers and nowhere else', () => {
    const readme = `# Title\n\nintro\n${TABLE_START}\nold table\n${TABLE_END}\n\nafter\n`;
    const updated = withTable(readme, '| new |');
    expect(updated).toBe(`# Title\n\nintro\n${TABLE_START}\n| new |\n${TABLE_END}\n\nafter\n`);
    expect(withTable(updated, '| new |')).toBe(updated);
    expect(() => withTable('# no markers')).toThrow(/needs the lines/);
  });
});
