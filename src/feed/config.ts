import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CampaignConfig, describeZodError } from '../protocol/index.ts';
import { packageRoot } from './package-root.ts';
import { loadRosterCsv } from './roster-csv.ts';

/** The sample "Local Love" campaign shipped with the package. */
export const SAMPLE_CAMPAIGN_PATH: string = join(packageRoot(), 'assets/campaigns/local-love.json');

/**
 * Reads and validates a campaign file. Refuses a bad one with an Error that names the file, then one line
 * per problem naming the field and what is wrong (`campaign file x.json is invalid:\ngoalMinor: ...`).
 *
 * The roster may live in a spreadsheet export instead of the file: `"rosterCsv": "roster.csv"` (a path
 * relative to the campaign file; see roster-csv.ts for its columns) in place of `"roster"`.
 */
export function loadCampaignFile(path: string): CampaignConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`campaign file ${path} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`campaign file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = CampaignConfig.safeParse(withRosterFromCsv(json, path));
  if (!result.success) {
    throw new Error(`campaign file ${path} is invalid:\n${describeZodError(result.error)}`);
  }
  return result.data;
}

/** Replaces `rosterCsv` by the roster it names, validated row by row against the campaign's regions. */
function withRosterFromCsv(json: unknown, campaignPath: string): unknown {
  if (typeof json !== 'object' || json === null || !('rosterCsv' in json)) return json;
  const { rosterCsv, ...campaign } = json as Record<string, unknown>;
  const problem = (message: string) => new Error(`campaign file ${campaignPath} is invalid:\nrosterCsv: ${message}`);
  if (typeof rosterCsv !== 'string' || rosterCsv.trim() === '') throw problem('must be the path of a CSV file');
  if ('roster' in campaign) throw problem('give the roster either in "roster" or in "rosterCsv", not both');
  const regions = CampaignConfig.shape.regions.safeParse(campaign['regions']);
  if (!regions.success) return campaign; // the campaign's own errors are reported first
  return { ...campaign, roster: loadRosterCsv(resolve(dirname(campaignPath), rosterCsv), { regions: regions.data }) };
}
