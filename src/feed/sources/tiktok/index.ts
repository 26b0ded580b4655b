import type { CampaignConfig, StreamConfig } from '../../../protocol/index.ts';
import { SignServerGate } from './sign-server-gate.ts';
import type { StreamBoard } from './stream-board.ts';
import { TikTokSource, type TikTokSourceOptions } from './tiktok-source.ts';

export { StreamBoard } from './stream-board.ts';
export { TikTokSource, type TikTokSourceOptions } from './tiktok-source.ts';

export interface TikTokStreamsOptions extends Omit<TikTokSourceOptions, 'gate' | 'startDelayMs' | 'countedLikes'> {
  /** Streams starting together make their first attempts this far apart, so they do not hit the sign server at once. Default 2 s. */
  staggerMs?: number;
}

/** One stream of the campaign, ready to be followed by this node: `makeSource` makes a fresh one (at the feed's start, or at a take-over). */
export interface TikTokStream {
  readonly config: StreamConfig;
  /** `countedLikes`: each room's highest like total the store kept, to go on from (likes-total.ts). */
  makeSource(countedLikes: (roomId: string) => number | undefined): TikTokSource;
}

/**
 * The campaign's TikTok streams (`streams` in the campaign file) for one node: each makes its source when
 * this node is to follow it, all of them sharing one sign-server gate, their first attempts staggered.
 * Every source made is shown on the board (made with the campaign's streams) while it runs.
 */
export function createTikTokStreams(campaign: CampaignConfig, board: StreamBoard, options: TikTokStreamsOptions = {}): readonly TikTokStream[] {
  const { staggerMs = 2_000, ...sourceOptions } = options;
  const now = options.now ?? Date.now;
  const gate = new SignServerGate();
  let nextSlotAt = Number.NEGATIVE_INFINITY;
  return campaign.streams.map(
    (config): TikTokStream => ({
      config,
      makeSource(countedLikes) {
        const at = now();
        const startDelayMs = Math.max(0, nextSlotAt - at);
        nextSlotAt = at + startDelayMs + staggerMs;
        const source = new TikTokSource(config, { ...sourceOptions, countedLikes, gate, startDelayMs });
        board.run(config.uniqueId, source);
        return source;
      },
    }),
  );
}
