import { resolve } from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../protocol/index.ts';
import { MIN_TOKEN_LENGTH } from '../http/auth.ts';
import { parseAllowedOrigins } from '../http/origin.ts';
import { redactRedisUrl } from '../scale-out/redis-connection.ts';
import { SAMPLE_CAMPAIGN_PATH } from './campaign-file.ts';
import { newToken } from './tokens.ts';

/**
 * `start`'s environment as one schema: each variable's parser, its default and its meaning
 * (`.describe()`), from which `start --help` and README's table are generated (start-help.ts).
 * `unset` is what the table shows in its Default column.
 */

/** A variable with a default, parsed as if it were set to it; the table shows the default as code. */
function withDefault<T extends z.ZodType<unknown, string>>(schema: T, value: string) {
  return schema.prefault(value as never).meta({ unset: `\`${value}\`` });
}

/** A variable without a default, and what happens when it is unset. */
function withoutDefault<T extends z.ZodType>(schema: T, unset: string) {
  return schema.optional().meta({ unset });
}

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));

const text = z.string().trim().min(1, { error: 'must not be empty' });
const onOff = z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).transform((value) => value === 'on');
const token = text.refine((value) => value.length >= MIN_TOKEN_LENGTH, { error: (issue) => `must be at least ${MIN_TOKEN_LENGTH} characters (got ${String(issue.input).length})` });
const tokenList = text.transform((value, ctx) => {
  const tokens = value.split(',').map((entry) => entry.trim());
  tokens.forEach((entry, index) => {
    if (entry.length < MIN_TOKEN_LENGTH) ctx.addIssue({ code: 'custom', message: `${tokens.length > 1 ? `entry ${index + 1} ` : ''}must be at least ${MIN_TOKEN_LENGTH} characters (got ${entry.length})` });
  });
  return tokens;
});
const origins = text.transform((value, ctx) => {
  try {
    return parseAllowedOrigins(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
const redisUrl = text.refine(
  (value) => {
    try {
      return ['redis:', 'rediss:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  // Never echo the URL itself: it may hold a password.
  { error: (issue) => `must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379 (got ${redactRedisUrl(String(issue.input))})` },
);

const StartVariables = z.object({
  HOST: withDefault(text, '127.0.0.1').describe('address to listen on (`0.0.0.0` to reach it from another machine)'),
  PORT: withDefault(wholeNumber(0, 65535), '8080').describe('port (`0`: any free port)'),
  CAMPAIGN: withoutDefault(text, 'the sample').describe('path of the campaign file (JSON; refused at start with the field named when bad); `--campaign` wins'),
  SIMULATOR: withDefault(onOff, 'on').describe('`off` for a real show (or `--no-simulator`)'),
  TIKTOK: withDefault(onOff, 'off').describe("`on` follows the campaign's TikTok LIVE `streams` (`SIGN_API_KEY` for the sign server, if any)"),
  TIKTOK_STALL_SECONDS: withDefault(wholeNumber(10, 3_600), '60').describe('a TikTok connection silent this long while the LIVE is on is replaced (10–3600)'),
  TIKTOK_RECORD: withoutDefault(text, 'none').describe('a directory: record every event the TikTok library emits there (`replay` plays them again)'),
  TIKTOK_RECORD_REDACT: withDefault(onOff, 'off').describe("`on` records viewers' ids, names and comments as pseudonyms"),
  TIKTOK_GIFT_LIST: withDefault(onOff, 'off').describe(
    "`on` loads each room's gift list at join (a signed request: one more sign-server call), to price gifts that come without details; a sign server that refuses it stops the stream with its error",
  ),
  TICK_MS: withDefault(wholeNumber(10, 60_000), '100').describe('overlays get at most one update per tick; the first change after a quiet tick goes at once'),
  DATA_DIR: withDefault(text, '.data').describe('the journal of totals, settings and the current lower third'),
  CONTROL_TOKEN: withoutDefault(token, 'generated').describe(`the producer's token for the control page and API (${MIN_TOKEN_LENGTH} characters or more)`),
  INGEST_TOKEN: withoutDefault(tokenList, 'generated').describe('token(s) of the systems that send reactions, comma-separated'),
  ALLOWED_ORIGINS: withoutDefault(origins, 'none').describe('other origins whose pages may call control and ingest, comma-separated'),
  INGEST_RATE: withDefault(wholeNumber(1, 100_000), '50').describe('ingest requests per second per token (bursts of twice that)'),
  REDIS_URL: withoutDefault(redisUrl, 'none').describe('a `redis://` or `rediss://` URL: keep totals in Redis and share them between feed nodes'),
  NODE_ID: withoutDefault(text.max(100, { error: 'must be at most 100 characters' }), 'host:pid').describe(
    'this feed node\'s name in `/api/streams`, the control page and the log, where they say which node runs each source',
  ),
  LEASE_TTL_MS: withDefault(wholeNumber(1_000, 60_000), '5000').describe(
    'with `REDIS_URL`: how long a source\'s lease (simulator, each TikTok stream) outlives its node; renewed every fifth of it, so a dead node\'s sources move within about 1.2× this',
  ),
  OVERLAY_DIR: withoutDefault(text, '`dist/`').describe('serve this folder as the overlay instead of the built one'),
  CHROME_PATH: withoutDefault(text, 'found').describe(
    'the Chromium, Chrome or Edge that draws the results card (`/api/recap.png`, `recap`); by default the first found in the usual places and on `PATH`',
  ),
});

export const StartEnv = StartVariables.superRefine((env, ctx) => {
  if (env.CONTROL_TOKEN !== undefined && env.INGEST_TOKEN?.includes(env.CONTROL_TOKEN)) {
    ctx.addIssue({ code: 'custom', path: ['INGEST_TOKEN'], message: 'must differ from CONTROL_TOKEN: a sender of reactions should not control the show' });
  }
});

type StartVariableName = keyof typeof StartVariables.shape;

/** An empty variable (`PORT= npm start`, or only spaces) means "not set", as shells and .env files usually intend. */
function setVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));
}

/**
 * Some of start's variables, read by the same schema, for the commands that need only those (`report`,
 * `recap`: DATA_DIR, REDIS_URL, CAMPAIGN); throws an Error naming each bad one.
 */
export function readStartVariables<K extends StartVariableName>(env: NodeJS.ProcessEnv, names: readonly K[]): Pick<z.output<typeof StartVariables>, K> {
  const picked = StartVariables.pick(Object.fromEntries(names.map((name) => [name, true])) as never);
  const parsed = picked.safeParse(setVariables(env));
  if (!parsed.success) throw new Error(`bad environment:\n${describeZodError(parsed.error)}`);
  return parsed.data as unknown as Pick<z.output<typeof StartVariables>, K>;
}

/** Everything `start` (and `check`) can be told, from the environment and the command line. */
export interface StartSettings {
  host: string;
  port: number;
  campaignPath: string;
  tickMs: number;
  simulator: boolean;
  /** Follow the TikTok LIVE streams listed in the campaign file. */
  tiktok: boolean;
  /** TikTok, when on: where to record every event the library emits, and whether redacted. */
  tiktokRecordDir: string | null;
  tiktokRecordRedacted: boolean;
  /** TikTok: a connection silent this long while the LIVE is on is reconnected. */
  tiktokStallMs: number;
  /** TikTok: load each room's gift list at join, a signed request. */
  tiktokGiftList: boolean;
  /** A directory to serve as it is, skipping the build; null serves dist/ (built when stale). */
  overlayDir: string | null;
  dataDir: string;
  controlToken: string;
  /** One token, or several (one per sending system). */
  ingestTokens: string[];
  /** Pages from these origins may call control and ingest, besides the feed's own. */
  allowedOrigins: string[];
  ingestRequestsPerSecond: number;
  /** Which tokens were generated because their variable was unset: printed once, never logged. */
  generated: ('CONTROL_TOKEN' | 'INGEST_TOKEN')[];
  /** The Redis several feed nodes share, or null to keep the totals in the embedded journal. */
  redisUrl: string | null;
  /** This node's name where it says who runs each source; null: host:pid. */
  nodeId: string | null;
  /** Scaled out: how long a source's lease lives unrenewed. */
  leaseTtlMs: number;
}

export const START_ARGS = '[--campaign FILE] [--no-simulator]';

/** Reads the settings; throws an Error naming each bad variable or argument and what is wrong. */
export function readStartSettings(env: NodeJS.ProcessEnv, args: readonly string[], cwd = process.cwd()): StartSettings {
  const { campaignArg, rest } = takeCampaignArg(args);
  const unknownArgs = rest.filter((arg) => arg !== '--no-simulator');
  if (unknownArgs.length > 0) throw new Error(`unknown argument ${unknownArgs.join(' ')}\n${startUsage()}`);
  const parsed = StartEnv.safeParse(setVariables(env));
  if (!parsed.success) throw new Error(`bad environment:\n${describeZodError(parsed.error)}\n${startUsage()}`);
  const vars = parsed.data;
  const generated: StartSettings['generated'] = [];
  const controlToken = vars.CONTROL_TOKEN ?? (generated.push('CONTROL_TOKEN'), newToken());
  const ingestTokens = vars.INGEST_TOKEN ?? (generated.push('INGEST_TOKEN'), [newToken()]);
  return {
    host: vars.HOST,
    port: vars.PORT,
    campaignPath: resolveCampaignPath(campaignArg ?? vars.CAMPAIGN, cwd),
    tickMs: vars.TICK_MS,
    simulator: vars.SIMULATOR && !args.includes('--no-simulator'),
    tiktok: vars.TIKTOK,
    tiktokRecordDir: vars.TIKTOK_RECORD ? resolve(cwd, vars.TIKTOK_RECORD) : null,
    tiktokRecordRedacted: vars.TIKTOK_RECORD_REDACT,
    tiktokStallMs: vars.TIKTOK_STALL_SECONDS * 1000,
    tiktokGiftList: vars.TIKTOK_GIFT_LIST,
    overlayDir: vars.OVERLAY_DIR ? resolve(cwd, vars.OVERLAY_DIR) : null,
    dataDir: resolve(cwd, vars.DATA_DIR),
    controlToken,
    ingestTokens,
    allowedOrigins: vars.ALLOWED_ORIGINS ?? [],
    ingestRequestsPerSecond: vars.INGEST_RATE,
    generated,
    redisUrl: vars.REDIS_URL ?? null,
    nodeId: vars.NODE_ID ?? null,
    leaseTtlMs: vars.LEASE_TTL_MS,
  };
}

/** The first line of `start --help`, also printed under a refusal. */
export function startUsage(): string {
  return `usage: local-love-overlay start ${START_ARGS}   (in the repository: npm start [-- ...]); start --help lists the settings`;
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
