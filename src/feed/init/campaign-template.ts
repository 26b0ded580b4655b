import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SAMPLE_CAMPAIGN_PATH } from '../config.ts';
import { csvField } from '../report/report-csv.ts';
import { ROSTER_CSV_COLUMNS } from '../roster-csv.ts';

interface SampleRosterEntry {
  id: string;
  nameJa: string;
  nameLatin: string;
  title: { ja: string; en: string };
  region: string;
  photo?: string;
}

/** A campaign id (a slug) from the directory's name, so two campaigns made with init do not share one. */
export function campaignIdFor(dir: string): string {
  const slug = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'my-campaign';
}

/**
 * The files `init` writes, made from the sample campaign: the same regions, markets, rates and
 * milestones to edit, its roster moved to a CSV a spreadsheet opens, and its own id.
 */
export function campaignTemplate(dir: string): { campaignJson: string; rosterCsv: string } {
  const sample = JSON.parse(readFileSync(SAMPLE_CAMPAIGN_PATH, 'utf8')) as Record<string, unknown> & { roster: SampleRosterEntry[] };
  const { roster, ...campaign } = sample;
  const ordered = { ...campaign, id: campaignIdFor(dir), rosterCsv: 'roster.csv' };
  const rows = roster.map((person) => [person.id, person.nameJa, person.nameLatin, person.title.ja, person.title.en, person.region, person.photo ?? '']);
  const rosterCsv = [[...ROSTER_CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return { campaignJson: `${JSON.stringify(ordered, null, 2)}\n`, rosterCsv };
}
