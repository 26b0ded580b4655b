import type { CampaignConfig } from '../../../protocol/index.ts';
import { SignServerGate } from './sign-server-gate.ts';
import { StreamBoard } from './stream-board.ts';
import { TikTokSource, type TikTokSourceOptions } from './tiktok-source.ts';

export { StreamBoard } from './stream-board.ts';
export { TikTokSource, type TikTokSourceOptions } from './tiktok-source.ts';

export interface TikTokStreamsOptions extends Omit<TikTokSourceOptions, 'gate' | 'startDelayMs'> {
  /** The streams' first attempts are this far apart, so they do not hit the sign server at once. Default 2 s. */
  staggerMs?: number;
}

export interface TikTokStreams {
  readonly sources: readonly TikTokSource[];
  readonly board: StreamBoard;
}

/** One TikTok source per stream of the campaign (`streams` in the campaign file), sharing one sign-server gate. */
export function createTikTokStreams(campaign: CampaignConfig, options: TikTokStreamsOptions = {}): TikTokStreams {
  const { staggerMs = 2_000, ...sourceOptions } = options;
  const gate = new SignServerGate();
  const sources = campaign.streams.map((stream, index) => new TikTokSource(stream, { ...sourceOptions, gate, startDelayMs: index * staggerMs }));
  return { sources, board: new StreamBoard(sources) };
}
