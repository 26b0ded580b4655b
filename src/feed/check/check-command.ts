import { join } from 'node:path';
import { readRedisUrl } from '../cli/redis-settings.ts';
import { readSecuritySettings, type SecuritySettings } from '../cli/security-settings.ts';
import { readCliSettings, type CliSettings } from '../cli/settings.ts';
import { isSourceCheckout, packageRoot } from '../package-root.ts';
import { formatCheck, isReady, type CheckResult } from './check-result.ts';
import { checkCampaign, checkDataDir, checkFonts, checkPort, checkTokens } from './local-checks.ts';
import { checkRedis } from './redis-check.ts';
import { checkTikTok } from './tiktok-checks.ts';
import type { TikTokProbeOptions } from './tiktok-probe.ts';

const USAGE = `usage: local-love-overlay check [--campaign FILE]
With the environment start will have (the same PORT, DATA_DIR, tokens, REDIS_URL, TIKTOK...), says whether
the show is ready: each line ok, WARN (worth a look) or FAIL (would fail on air), and what to do.
Exits 1 when something would fail on air. Changes nothing.`;

export interface CheckOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  tiktok?: TikTokProbeOptions;
}

/** Every check, in the order a producer fixes things: settings, campaign, secrets, storage, network, screen. */
export async function runChecks(args: readonly string[], options: CheckOptions = {}): Promise<{ title: string; results: CheckResult[] }> {
  const env = options.env ?? process.env;
  const results: CheckResult[] = [];
  let settings: CliSettings;
  let security: SecuritySettings;
  let redisUrl: string | null;
  try {
    settings = readCliSettings(env, args, options.cwd);
    security = readSecuritySettings(env, options.cwd);
    redisUrl = readRedisUrl(env);
  } catch (error) {
    const detail = (error as Error).message.split('\nusage:')[0]!.replaceAll('\n', '; ');
    return { title: 'Rehearsal check', results: [{ status: 'fail', item: 'settings', detail, fix: 'correct the variable or argument named' }] };
  }
  const { result, campaign } = checkCampaign(settings.campaignPath);
  results.push(result, checkTokens(security));
  results.push(redisUrl ? await checkRedis(redisUrl) : await checkDataDir(security.dataDir));
  if (campaign) results.push(...(await checkTikTok(campaign, settings.tiktok, options.tiktok)));
  results.push(await checkPort(settings.host, settings.port));
  const root = packageRoot();
  results.push(await checkFonts(settings.overlayDir ?? join(root, 'dist'), settings.overlayDir === null && isSourceCheckout(root)));
  const title = `Rehearsal check${campaign ? ` of ${campaign.name.en} (${campaign.id})` : ''}:`;
  return { title, results };
}

/** `local-love-overlay check`: the rehearsal check, printed; exit code 1 when the show is not ready. */
export async function check(args: readonly string[]): Promise<void> {
  if (args.includes('--help')) return console.log(USAGE);
  const { title, results } = await runChecks(args);
  console.log(formatCheck(title, results));
  if (!isReady(results)) process.exitCode = 1;
}
