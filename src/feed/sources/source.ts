import type { ReactionDelta } from '../../protocol/index.ts';

/**
 * Anything that produces reactions: the simulator, the HTTP ingest API, TikTok LIVE.
 * A source turns its raw events into deltas and hands them to `sink`; the server validates and adds them.
 * `stop()` releases every timer and connection the source holds, and may be called more than once.
 */
export interface ReactionSource {
  readonly name: string;
  start(sink: (delta: ReactionDelta) => void): void;
  stop(): Promise<void> | void;
}
