/**
 * `npm run sample-show -- DIR`: writes a whole sample show (90 minutes, adjustments and a void) into the
 * data directory DIR, to try `DATA_DIR=DIR npm run report` and `npm run recap` without a live audience.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../src/feed/config.ts';
import { writeSampleShow } from '../src/feed/dev/sample-show.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run sample-show -- DIR   (DIR must be a new or empty directory)');
  process.exit(1);
}
const target = resolve(dir);
if (existsSync(target) && readdirSync(target).length > 0) {
  console.error(`npm run sample-show: ${target} is not empty; give a new directory so no real show is mixed with the sample`);
  process.exit(1);
}
await writeSampleShow(target, loadCampaignFile(SAMPLE_CAMPAIGN_PATH));
console.log(`wrote a 90-minute sample show into ${target}\n  try: DATA_DIR=${dir} npm run report   and   DATA_DIR=${dir} npm run recap`);
