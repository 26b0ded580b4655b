/**
 * Prints README's table of `start`'s environment variables, generated from the one schema
 * (src/feed/setup/start-settings.ts). With --write, puts it into README.md between its markers:
 *   npm run docs:settings
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { START_TABLE_MARKERS, startSettingsTable } from '../src/feed/setup/start-help.ts';
import { withTable } from '../src/theme/params-table.ts';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

if (process.argv.includes('--write')) {
  const before = readFileSync(README, 'utf8');
  const after = withTable(before, startSettingsTable(), START_TABLE_MARKERS);
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README.md: settings table already up to date' : 'README.md: settings table rewritten');
} else {
  console.log(startSettingsTable());
}
