import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveCampaignPath, takeCampaignArg } from '../cli/settings.ts';
import { loadCampaignFile } from '../config.ts';
import { readShowReport } from './read-show.ts';
import { reportToCsv } from './report-csv.ts';
import { timelineToCsv } from './timeline.ts';

const USAGE = `usage: local-love-overlay report [--campaign FILE] [--out DIR]   (in the repository: npm run report [-- ...])
Reads the journal in DATA_DIR (.data), or Redis when REDIS_URL is set, with the campaign in --campaign or
CAMPAIGN (the sample campaign) and writes <campaign>-report.json, <campaign>-report.csv and
<campaign>-timeline.csv (per minute) into DIR (default: reports/). Safe while the feed runs.`;

/**
 * `local-love-overlay report`: the audit report from the store alone — the totals per region and market, the
 * rates and what they earn, the cap, every adjustment and void, the total, and the show minute by minute — as
 * JSON and CSV files.
 */
export async function report(allArgs: readonly string[]): Promise<void> {
  if (allArgs.includes('--help')) return console.log(USAGE);
  const { campaignArg, rest: args } = takeCampaignArg(allArgs);
  const outIndex = args.indexOf('--out');
  const unknown = args.filter((arg, index) => arg !== '--out' && index !== outIndex + 1);
  if (unknown.length > 0 || (outIndex !== -1 && args[outIndex + 1] === undefined)) throw new Error(`unknown or incomplete argument ${unknown.join(' ') || '--out'}\n${USAGE}`);
  const outDir = resolve(outIndex === -1 ? 'reports' : args[outIndex + 1]!);
  const campaign = loadCampaignFile(resolveCampaignPath(campaignArg ?? (process.env['CAMPAIGN'] || undefined)));

  const { report, from } = await readShowReport(campaign, process.env, (line) => console.error(line));
  await mkdir(outDir, { recursive: true });
  const jsonPath = join(outDir, `${campaign.id}-report.json`);
  const csvPath = join(outDir, `${campaign.id}-report.csv`);
  const timelinePath = join(outDir, `${campaign.id}-timeline.csv`);
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(csvPath, reportToCsv(report));
  await writeFile(timelinePath, timelineToCsv(report.timeline));
  const { donation, totals } = report;
  const voided = report.adjustments.filter((adjustment) => adjustment.voided).length;
  console.log(
    [
      `${campaign.name.en}: ${donation.raisedMinor} minor units of ${campaign.currency} raised (goal ${donation.goalMinor})`,
      `  reactions earned ${donation.reactionsMinor} (cap ${donation.capMinor}): ${totals.likes} likes, ${totals.comments} comments, ${totals.gifts} gifts (${totals.giftDiamonds} diamonds), ${totals.shares} shares`,
      `  adjustments ${donation.adjustmentsMinor}: ${report.adjustments.length} made, ${voided} of them voided`,
      ...report.adjustments.map(
        (a) => `    ${a.atIso} ${a.id} ${a.kind} ${a.amountMinor} ${a.region ?? 'campaign'} "${a.reason}"${a.voided ? ` VOIDED ${a.voidedAtIso} "${a.voided.reason}"` : ''}`,
      ),
      `  ${report.timeline.length} minutes in the timeline`,
      `  read from ${from}`,
      `  wrote ${jsonPath}`,
      `  wrote ${csvPath}`,
      `  wrote ${timelinePath}`,
    ].join('\n'),
  );
}
