/**
 * Prints README's table of overlay URL parameters, generated from the one schema
 * (src/theme/params-schema.ts). With --write, puts it into README.md between its markers:
 *   npm run docs:params
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paramsTable, withTable } from '../src/theme/params-table.ts';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

if (process.argv.includes('--write')) {
  const before = readFileSync(README, 'utf8');
  const after = withTable(before);
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README.md: parameter table already up to date' : 'README.md: parameter table rewritten');
} else {
  console.log(paramsTable());
}
