import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CampaignConfig, describeZodError } from '../protocol/index.ts';

/** The sample "Local Love" campaign shipped with the package. */
export const SAMPLE_CAMPAIGN_PATH: string = fileURLToPath(new URL('../../assets/campaigns/local-love.json', import.meta.url));

/**
 * Reads and validates a campaign file. Refuses a bad one with an Error that names the file, then one line
 * per problem naming the field and what is wrong (`campaign file x.json is invalid:\ngoalMinor: ...`).
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
  const result = CampaignConfig.safeParse(json);
  if (!result.success) {
    throw new Error(`campaign file ${path} is invalid:\n${describeZodError(result.error)}`);
  }
  return result.data;
}
