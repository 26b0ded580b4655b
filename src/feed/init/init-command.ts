import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadCampaignFile } from '../config.ts';
import { campaignReadme } from './campaign-readme.ts';
import { campaignTemplate } from './campaign-template.ts';

const USAGE = `usage: local-love-overlay init [DIR]
Writes DIR/campaign.json, DIR/roster.csv and DIR/README.md (what each field means) to edit, made from
the sample campaign. DIR defaults to my-campaign; files already there are never overwritten.`;

/** `local-love-overlay init [DIR]`: a campaign of one's own, ready to edit and to run. */
export async function init(args: readonly string[], cwd = process.cwd()): Promise<void> {
  if (args.includes('--help')) return console.log(USAGE);
  if (args.length > 1 || args[0]?.startsWith('-')) throw new Error(`unexpected argument ${args.join(' ')}\n${USAGE}`);
  const dir = resolve(cwd, args[0] ?? 'my-campaign');
  const files = { campaign: join(dir, 'campaign.json'), roster: join(dir, 'roster.csv'), readme: join(dir, 'README.md') };
  const taken = Object.values(files).filter((path) => existsSync(path));
  if (taken.length > 0) throw new Error(`${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}: nothing was written (choose another DIR, or move them away)`);

  const shown = (path: string) => relative(cwd, path) || '.';
  const { campaignJson, rosterCsv } = campaignTemplate(dir);
  await mkdir(dir, { recursive: true });
  await writeFile(files.roster, rosterCsv, { flag: 'wx' });
  await writeFile(files.campaign, campaignJson, { flag: 'wx' });
  await writeFile(files.readme, campaignReadme(shown(files.campaign), 'roster.csv'), { flag: 'wx' });
  // What was written must run: a template that fails its own validation would be a poor first minute.
  const campaign = loadCampaignFile(files.campaign);

  console.log(
    [
      `Wrote a campaign to edit (${campaign.regions.length} regions, ${campaign.roster.length} people, ${campaign.streams.length} TikTok streams):`,
      `  ${shown(files.campaign)}  the campaign: goal, rates, regions, markets, milestones, streams`,
      `  ${shown(files.roster)}     the people for lower thirds (opens in a spreadsheet)`,
      `  ${shown(files.readme)}      what every field means`,
      'Then:',
      `  npx local-love-overlay check --campaign ${shown(files.campaign)}`,
      `  npx local-love-overlay start --campaign ${shown(files.campaign)}`,
    ].join('\n'),
  );
}
