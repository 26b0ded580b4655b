import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveCampaignPath, takeCampaignArg } from '../cli/settings.ts';
import { loadCampaignFile } from '../config.ts';
import { readShowReport } from '../report/read-show.ts';
import { RECAP_SIZES, RecapLanguage, recapCard } from './recap-card.ts';
import { renderRecapPngs } from './render-recap.ts';

const USAGE = `usage: local-love-overlay recap [--campaign FILE] [--out DIR] [--lang ja|en]   (in the repository: npm run recap [-- ...])
Renders the results card of the show in three sizes (1920x1080, 1080x1350, 1080x1920) as PNG files
<campaign>-recap-<lang>-<size>.png in DIR (default: reports/), in Japanese and English, or in the one
language --lang names. Reads the journal in DATA_DIR (.data), or Redis when REDIS_URL is set, with the
campaign in --campaign or CAMPAIGN (the sample campaign). Needs Chromium (or CHROME_PATH). Safe while the feed runs.`;

function parseArgs(args: readonly string[]): { outDir: string; langs: RecapLanguage[] } | null {
  let outDir = 'reports';
  let langs: RecapLanguage[] = ['ja', 'en'];
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === '--out') outDir = value;
    else if (flag === '--lang') {
      const lang = RecapLanguage.safeParse(value);
      if (!lang.success) throw new Error(`--lang must be ja or en (the card's languages so far), got "${value}"`);
      langs = [lang.data];
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return { outDir: resolve(outDir), langs };
}

/** `local-love-overlay recap` (`npm run recap` in the repository): the PR team's results cards, from the store alone. */
export async function recap(allArgs: readonly string[]): Promise<void> {
  if (allArgs.includes('--help')) return console.log(USAGE);
  const { campaignArg, rest: args } = takeCampaignArg(allArgs);
  const { outDir, langs } = parseArgs(args)!;
  const campaign = loadCampaignFile(resolveCampaignPath(campaignArg ?? (process.env['CAMPAIGN'] || undefined)));
  const { report, from } = await readShowReport(campaign, process.env, (line) => console.error(line));
  const jobs = langs.flatMap((lang) => RECAP_SIZES.map((size) => ({ lang, size, card: recapCard(report, campaign, lang) })));
  const pngs = await renderRecapPngs(jobs);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [index, job] of jobs.entries()) {
    const path = join(outDir, `${campaign.id}-recap-${job.lang}-${job.size}.png`);
    await writeFile(path, pngs[index]!);
    written.push(`  wrote ${path}`);
  }
  console.log([`${campaign.name.en}: recap of ${report.donation.raisedMinor} minor units of ${campaign.currency}, read from ${from}`, ...written].join('\n'));
}
