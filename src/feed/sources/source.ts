import type { ReactionDelta } from '../../protocol/index.ts';
import type { RoomLikeTotal } from '../store/store.ts';

/**
 * Where a source hands its reactions. TikTok also passes the room's like total they were counted up to,
 * which the store keeps in the same commit (a zero delta may carry only that: a room's first total).
 */
export type ReactionSink = (delta: ReactionDelta, roomLikeTotal?: RoomLikeTotal) => void;

/**
 * Anything that produces reactions: the simulator, the HTTP ingest API, TikTok LIVE.
 * A source turns its raw events into deltas and hands them to `sink`; the server validates and adds them.
 * `stop()` releases every timer and connection the source holds, and may be called more than once.
 */
export interface ReactionSource {
  readonly name: string;
  start(sink: ReactionSink): void;
  stop(): Promise<void> | void;
}
