import type { StreamStatus } from '../protocol/index.ts';

/** A connected stream quiet this long is worth a look (the feed itself reconnects one silent for TIKTOK_STALL_SECONDS). */
export const QUIET_WARNING_MS = 30_000;
/** A clock this far off is worth fixing, though counting does not depend on it. */
export const CLOCK_NOTE_MS = 60_000;
/** Give a fresh connection this long before "everything is dropped" is a finding (the backlog comes first). */
const DROP_WARNING_AFTER_MS = 10_000;

export interface StreamNotice {
  level: 'warning' | 'note';
  text: string;
}

/** "45 s", "3 min 5 s", "2 h 10 min": how long, as a producer reads it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * What in a stream's status signals trouble, in words a producer understands. `ageMs` is how long ago
 * the last event came as of now (the status's lastEventAgeMs plus the time since it was received);
 * `inStateMs` is how long the stream has been in its state, counted the same way.
 */
export function streamNotices(status: StreamStatus, ageMs: number | null, inStateMs: number): StreamNotice[] {
  const notices: StreamNotice[] = [];
  const dropped = status.backlog + status.duplicates;
  if (status.owner.lease === 'waiting') {
    const gone = status.owner.node === null ? 'No feed node follows this stream right now' : `Feed node ${status.owner.node} stopped answering`;
    notices.push({ level: 'warning', text: `${gone}: another node takes it over within seconds. The figures below are the last reported.` });
  }
  if (status.state === 'stalled') {
    notices.push({ level: 'warning', text: 'TikTok says the LIVE is on, but nothing arrived: the connection is being replaced.' });
  } else if (status.state === 'connected' && ageMs !== null && ageMs >= QUIET_WARNING_MS) {
    notices.push({ level: 'warning', text: `Connected, but nothing from TikTok for ${formatDuration(ageMs)}. Is the LIVE still on?` });
  } else if (status.state === 'connected' && ageMs === null && inStateMs >= QUIET_WARNING_MS) {
    notices.push({ level: 'warning', text: `Connected for ${formatDuration(inStateMs)}, but TikTok has sent nothing yet.` });
  }
  if (status.counted === 0 && dropped > 0 && (status.state !== 'connected' || inStateMs >= DROP_WARNING_AFTER_MS)) {
    notices.push({
      level: 'warning',
      text: `Nothing is being counted: all ${dropped} messages were dropped (${status.backlog} as old history, ${status.duplicates} as repeats). Check the feed log.`,
    });
  }
  if (status.giftsValueUnknown > 0) {
    notices.push({ level: 'warning', text: `${status.giftsValueUnknown} gift${status.giftsValueUnknown === 1 ? '' : 's'} came without a price and ${status.giftsValueUnknown === 1 ? 'is' : 'are'} not in the totals (see the feed log).` });
  }
  if (status.malformed > 0) {
    notices.push({ level: 'warning', text: `${status.malformed} event${status.malformed === 1 ? '' : 's'} from TikTok could not be read and were skipped (see the feed log).` });
  }
  if (status.clockOffsetMs !== null && Math.abs(status.clockOffsetMs) >= CLOCK_NOTE_MS) {
    const direction = status.clockOffsetMs > 0 ? 'ahead of' : 'behind';
    notices.push({ level: 'note', text: `The feed computer's clock is ${formatDuration(Math.abs(status.clockOffsetMs))} ${direction} TikTok's. Counting is not affected; setting the clock right (NTP) is still wise.` });
  }
  return notices;
}
