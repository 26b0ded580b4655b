import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveCampaignPath, takeCampaignArg } from '../setup/start-settings.ts';
import { loadCampaignFile } from '../setup/campaign-file.ts';
import { journalReport } from './report-sources.ts';
import { reportToCsv } from './report-csv.ts';

const USAGE = `usage: local-love-overlay report [--campaign FILE] [--out DIR]   (in the repository: npm run report [-- ...])
Reads the journal in DATA_DIR (.data) with the campaign in --campaign or CAMPAIGN (the sample campaign) and writes
<campaign>-report.json and <campaign>-report.csv into DIR (default: reports/). Safe while the feed runs.`;

/**
 * `local-love-overlay report`: the audit report from the journal alone — the totals per region and market, the
 * rates and the donation they compute — as JSON and CSV files.
 */
export async function report(allArgs: readonly string[]): Promise<void> {
  if (allArgs.includes('--help')) return console.log(USAGE);
  const { campaignArg, rest: args } = takeCampaignArg(allArgs);
  const outIndex = args.indexOf('--out');
  const unknown = args.filter((arg, index) => arg !== '--out' && index !== outIndex + 1);
  if (unknown.length > 0 || (outIndex !== -1 && args[outIndex + 1] === undefined)) throw new Error(`unknown or incomplete argument ${unknown.join(' ') || '--out'}\n${USAGE}`);
  const outDir = resolve(outIndex === -1 ? 'reports' : args[outIndex + 1]!);
  const dataDir = resolve(process.env['DATA_DIR'] || '.data');
  const campaign = loadCampaignFile(resolveCampaignPath(campaignArg ?? (process.env['CAMPAIGN'] || undefined)));

  const report = await journalReport(campaign, dataDir, (line) => console.error(line));
  await mkdir(outDir, { recursive: true });
  const jsonPath = join(outDir, `${campaign.id}-report.json`);
  const csvPath = join(outDir, `${campaign.id}-report.csv`);
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(csvPath, reportToCsv(report));
  const { donation, totals } = report;
  console.log(
    [
      `${campaign.name.en}: ${donation.raisedMinor} minor units of ${campaign.currency} raised (cap ${donation.capMinor}, goal ${donation.goalMinor})`,
      `  from ${totals.likes} likes, ${totals.comments} comments, ${totals.gifts} gifts (${totals.giftDiamonds} diamonds), ${totals.shares} shares`,
      `  read from ${dataDir}`,
      `  wrote ${jsonPath}`,
      `  wrote ${csvPath}`,
    ].join('\n'),
  );
}
