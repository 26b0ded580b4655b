import type { CampaignConfig } from '../../protocol/index.ts';
import type { CheckResult } from './check-result.ts';
import { probeTikTok, type TikTokProbeOptions } from './tiktok-probe.ts';

/** Beyond this, TikTok's times (createTime) and ours disagree enough to mislead anyone comparing them. */
const CLOCK_WARN_MS = 5_000;

/**
 * One line per stream of the campaign (found, live now), then the clock offset to TikTok. With TIKTOK=on
 * a user that is not found, or TikTok out of reach, would fail on air; with it off, they are warnings.
 * A user not live yet is a warning either way: the feed waits for the LIVE to begin.
 */
export async function checkTikTok(campaign: CampaignConfig, tiktokOn: boolean, options: TikTokProbeOptions = {}): Promise<CheckResult[]> {
  if (campaign.streams.length === 0) {
    return [{ status: tiktokOn ? 'fail' : 'ok', item: 'tiktok', detail: tiktokOn ? 'TIKTOK=on, but the campaign lists no streams' : 'no streams listed (TIKTOK off: reactions come from the ingest API)', fix: 'add "streams" to the campaign file' }];
  }
  const severe = tiktokOn ? 'fail' : 'warn';
  const probe = await probeTikTok(campaign.streams.map((stream) => stream.uniqueId), options);
  const results: CheckResult[] = campaign.streams.map((stream) => {
    const item = `tiktok @${stream.uniqueId}`;
    const user = probe.users.get(stream.uniqueId)!;
    switch (user.kind) {
      case 'live':
        return { status: 'ok', item, detail: `found, LIVE now (room ${user.roomId})` };
      case 'offline':
        return { status: 'warn', item, detail: 'found, not live now', fix: tiktokOn ? 'the feed follows the LIVE as soon as it starts' : 'set TIKTOK=on to follow it' };
      case 'not-found':
        return { status: severe, item, detail: `not found on TikTok: ${user.reason}`, fix: `check the spelling of "${stream.uniqueId}" in the campaign's streams` };
      case 'unreachable':
        return { status: severe, item, detail: `TikTok cannot be reached: ${user.reason}`, fix: 'check this machine\'s internet connection (and a proxy or firewall)' };
    }
  });
  const offset = probe.clockOffsetMs;
  if (offset === null) {
    results.push({ status: 'warn', item: 'clock', detail: 'offset to TikTok unknown: no answer from TikTok', fix: 'run check again once TikTok is reachable' });
  } else {
    const seconds = `${offset >= 0 ? '+' : '-'}${(Math.abs(offset) / 1000).toFixed(1)} s`;
    results.push(
      Math.abs(offset) <= CLOCK_WARN_MS
        ? { status: 'ok', item: 'clock', detail: `TikTok's clock is ${seconds} from this machine's (±1 s)` }
        : { status: 'warn', item: 'clock', detail: `TikTok's clock is ${seconds} from this machine's: times in logs will not match TikTok's`, fix: 'turn on network time (NTP) on this machine' },
    );
  }
  return results;
}
