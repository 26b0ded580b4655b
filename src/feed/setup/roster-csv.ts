import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { RosterEntry, unknownPlace, type CampaignConfig } from '../../protocol/index.ts';

/**
 * Imports a campaign's roster from a spreadsheet export. One person per row, under this header:
 *
 *   id,nameJa,nameLatin,titleJa,titleEn,region,photo
 *
 * `photo` may be empty. Every row is validated like the campaign file's roster; a bad file is refused
 * whole (a half-imported roster is worse than none), with one line per problem naming the row and field:
 * `roster.csv row 3 (line 4): nameJa: must not be empty`.
 */
export const ROSTER_CSV_COLUMNS = ['id', 'nameJa', 'nameLatin', 'titleJa', 'titleEn', 'region', 'photo'] as const;
const REQUIRED_COLUMNS = ROSTER_CSV_COLUMNS.filter((column) => column !== 'photo');

type CsvRow = { record: Record<string, string>; info: { lines: number } };

export function parseRosterCsv(text: string, campaign: Pick<CampaignConfig, 'regions'>, source = 'roster CSV'): RosterEntry[] {
  const rows = readRows(text, source);
  const regionIds = new Set(campaign.regions.map((region) => region.id));
  const problems: string[] = [];
  const entries: RosterEntry[] = [];
  const seenIds = new Map<string, number>();

  rows.forEach(({ record, info }, index) => {
    const where = `${source} row ${index + 1} (line ${info.lines})`;
    const result = RosterEntry.safeParse(toEntry(record));
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${where}: ${columnOf(issue.path)}: ${issue.message}`);
      return;
    }
    const entry = result.data;
    if (!regionIds.has(entry.region)) {
      problems.push(`${where}: region: ${unknownPlace('region', entry.region, regionIds)}`);
    }
    const firstRow = seenIds.get(entry.id);
    if (firstRow !== undefined) problems.push(`${where}: id: "${entry.id}" already used by row ${firstRow}`);
    seenIds.set(entry.id, index + 1);
    entries.push(entry);
  });

  if (problems.length > 0) throw new Error(`${source} is invalid:\n${problems.join('\n')}`);
  return entries;
}

export function loadRosterCsv(path: string, campaign: Pick<CampaignConfig, 'regions'>): RosterEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`roster CSV ${path} cannot be read: ${(error as Error).message}`);
  }
  return parseRosterCsv(text, campaign, path);
}

function readRows(text: string, source: string): CsvRow[] {
  let header: string[] = [];
  let rows: CsvRow[];
  try {
    rows = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => (header = names),
    }) as CsvRow[];
  } catch (error) {
    throw new Error(`${source} cannot be parsed: ${(error as Error).message}`);
  }
  const unknown = header.filter((name) => !(ROSTER_CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    const details = [
      ...missing.map((name) => `missing column "${name}"`),
      ...unknown.map((name) => `unknown column "${name}"`),
    ];
    throw new Error(`${source} header is invalid: ${details.join(', ')} (expected: ${ROSTER_CSV_COLUMNS.join(',')})`);
  }
  return rows;
}

/** Spreadsheet columns to the nested entry shape; an empty photo cell means no photo. */
function toEntry(record: Record<string, string>): unknown {
  return {
    id: record.id,
    nameJa: record.nameJa,
    nameLatin: record.nameLatin,
    title: { ja: record.titleJa, en: record.titleEn },
    region: record.region,
    ...(record.photo ? { photo: record.photo } : {}),
  };
}

/** Names the CSV column a schema path comes from: `title.ja` was the `titleJa` column. */
function columnOf(path: PropertyKey[]): string {
  if (path[0] === 'title') return path[1] === 'en' ? 'titleEn' : 'titleJa';
  return String(path[0] ?? '(row)');
}
