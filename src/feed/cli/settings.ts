import { resolve } from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../protocol/index.ts';
import { SAMPLE_CAMPAIGN_PATH } from '../config.ts';
import { SECURITY_USAGE } from './security-settings.ts';

/** Everything `npm start` can be told, from the environment and the command line. */
export interface CliSettings {
  host: string;
  port: number;
  campaignPath: string;
  tickMs: number;
  simulator: boolean;
  /** Follow the TikTok LIVE streams listed in the campaign file (TIKTOK=on). */
  tiktok: boolean;
  /** TikTok, when on: where to record every event the library emits (TIKTOK_RECORD), and whether redacted. */
  tiktokRecordDir: string | null;
  tiktokRecordRedacted: boolean;
  /** TikTok: a connection silent this long while the LIVE is on is reconnected (TIKTOK_STALL_SECONDS). */
  tiktokStallMs: number;
  /** TikTok: load each room's gift list at join (TIKTOK_GIFT_LIST), a signed request. */
  tiktokGiftList: boolean;
  /** A directory to serve as it is, skipping the build; null serves dist/ (built when stale). */
  overlayDir: string | null;
}

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));

const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });

const Env = z.object({
  HOST: nonEmpty.default('127.0.0.1'),
  PORT: wholeNumber(0, 65535).default(8080),
  CAMPAIGN: nonEmpty.optional(),
  TICK_MS: wholeNumber(10, 60_000).default(100),
  SIMULATOR: z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('on'),
  TIKTOK: z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('off'),
  TIKTOK_RECORD: nonEmpty.optional(),
  TIKTOK_RECORD_REDACT: z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('off'),
  TIKTOK_STALL_SECONDS: wholeNumber(10, 3_600).default(60),
  TIKTOK_GIFT_LIST: z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('off'),
  OVERLAY_DIR: nonEmpty.optional(),
});

export const CLI_USAGE = `usage: local-love-overlay start [--campaign FILE] [--no-simulator]   (in the repository: npm start [-- ...])
environment: HOST (127.0.0.1), PORT (8080, 0 = any free port), CAMPAIGN (campaign file; --campaign wins),
             TICK_MS (100), SIMULATOR (on|off), OVERLAY_DIR (serve this directory instead of the built overlay),
             TIKTOK (off|on: follow the campaign's TikTok LIVE streams; SIGN_API_KEY is the sign server's key, if any),
             TIKTOK_RECORD (a directory: record every TikTok event there), TIKTOK_RECORD_REDACT (off|on: pseudonyms
             for viewers' ids, names and comments), TIKTOK_STALL_SECONDS (60: reconnect a LIVE silent this long),
             TIKTOK_GIFT_LIST (off|on: load each room's gift list when joining; one more sign-server call)`;

/** `start --help`: every setting the command reads. */
export const START_HELP = `${CLI_USAGE}
             ${SECURITY_USAGE}
             REDIS_URL (redis://host:port: keep the totals in a Redis shared by several feed nodes, instead of DATA_DIR)
             CHROME_PATH (the Chromium, Chrome or Edge that draws the results card; default: the first one found)
Without --campaign or CAMPAIGN, the sample campaign runs. Make your own with: local-love-overlay init DIR
Before a show: local-love-overlay check [--campaign FILE] with the same environment.`;

/** Reads the settings; throws an Error naming each bad variable or argument and what is wrong. */
export function readCliSettings(env: NodeJS.ProcessEnv, args: readonly string[], cwd = process.cwd()): CliSettings {
  const { campaignArg, rest } = takeCampaignArg(args);
  const unknownArgs = rest.filter((arg) => arg !== '--no-simulator');
  if (unknownArgs.length > 0) throw new Error(`unknown argument ${unknownArgs.join(' ')}\n${CLI_USAGE}`);
  // An empty variable (`PORT= npm start`) means "not set", as shells and .env files usually intend.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) throw new Error(`bad environment:\n${describeZodError(parsed.error)}\n${CLI_USAGE}`);
  const vars = parsed.data;
  return {
    host: vars.HOST,
    port: vars.PORT,
    campaignPath: resolveCampaignPath(campaignArg ?? vars.CAMPAIGN, cwd),
    tickMs: vars.TICK_MS,
    simulator: vars.SIMULATOR === 'on' && !args.includes('--no-simulator'),
    tiktok: vars.TIKTOK === 'on',
    tiktokRecordDir: vars.TIKTOK_RECORD ? resolve(cwd, vars.TIKTOK_RECORD) : null,
    tiktokRecordRedacted: vars.TIKTOK_RECORD_REDACT === 'on',
    tiktokStallMs: vars.TIKTOK_STALL_SECONDS * 1000,
    tiktokGiftList: vars.TIKTOK_GIFT_LIST === 'on',
    overlayDir: vars.OVERLAY_DIR ? resolve(cwd, vars.OVERLAY_DIR) : null,
  };
}

/** `--campaign FILE` or `--campaign=FILE`, taken out of the arguments; throws when FILE is missing. */
export function takeCampaignArg(args: readonly string[]): { campaignArg: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let campaignArg: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--campaign' || arg.startsWith('--campaign=')) {
      const value = arg === '--campaign' ? args[++index] : arg.slice('--campaign='.length);
      if (value === undefined || value.trim() === '' || value.startsWith('--')) throw new Error('--campaign needs the path of a campaign file, like --campaign my-show/campaign.json');
      campaignArg = value;
    } else {
      rest.push(arg);
    }
  }
  return { campaignArg, rest };
}

/** The campaign file to run: the one named, relative to the working directory, or the sample campaign. */
export function resolveCampaignPath(named: string | undefined, cwd = process.cwd()): string {
  return named ? resolve(cwd, named) : SAMPLE_CAMPAIGN_PATH;
}
