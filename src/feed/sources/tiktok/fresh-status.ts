import type { StreamConfig, StreamConnectionStatus } from '../../../protocol/index.ts';

/** A stream nothing has happened to yet: a source just made, or one no node has reported on. `since`: server clock. */
export function freshStreamStatus(stream: StreamConfig, since: number): StreamConnectionStatus {
  return {
    uniqueId: stream.uniqueId,
    region: stream.region,
    market: stream.market,
    ...(stream.label === undefined ? {} : { label: stream.label }),
    state: 'connecting',
    since,
    lastError: null,
    failures: 0,
    nextAttemptAt: null,
    roomId: null,
    viewers: null,
    stalls: 0,
    counted: 0,
    backlog: 0,
    duplicates: 0,
    malformed: 0,
    giftsValueUnknown: 0,
    likeTotal: null,
    lastEventAt: null,
    lastEventAgeMs: null,
    stateAgeMs: 0,
    clockOffsetMs: null,
  };
}
