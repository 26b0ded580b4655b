import { emptyTotals, REACTION_KINDS, type CampaignConfig, type ReactionDelta, type ReactionTotals } from '../../../protocol/index.ts';
import type { RecordedEvent } from './recording.ts';
import { TikTokStreamCounter, type StreamCounterOptions, type StreamCounterStats, type StreamTarget } from './stream-counter.ts';
import { TIKTOK_EVENT_TYPES, type TikTokEvent } from './tiktok-event.ts';

/** How often the live source sweeps for silent streaks (TikTokSource `sweepEveryMs`, default 1 s): the replay does the same. */
const SWEEP_EVERY_MS = 1_000;
const COUNTED_EVENTS: ReadonlySet<string> = new Set(TIKTOK_EVENT_TYPES);

export interface StreamReplayReport {
  region: string;
  market: string;
  totals: ReactionTotals;
  /** What the counter made of the events: counted, dropped as backlog / duplicates / malformed, and why. */
  stats: StreamCounterStats;
  /** Events the library emitted that are not reactions (member, emote, ...): recorded, not counted. */
  notReactions: number;
}

export interface ReplayReport {
  totals: ReactionTotals;
  streams: Record<string, StreamReplayReport>;
}

export type ReplayOptions = Omit<StreamCounterOptions, 'now'>;

/**
 * Plays recorded events through the counting core the live source uses (TikTokStreamCounter), one counter
 * per stream, on a clock that follows each event's `at`, sweeping every second between events as the
 * live source does. `finish()` lets the clock run on until held messages and open streaks are counted,
 * as they would be live once the stream went quiet.
 */
export class Replay {
  private now = 0;
  private nextSweepAt: number | null = null;
  private readonly counters = new Map<string, { counter: TikTokStreamCounter; totals: ReactionTotals; notReactions: number }>();
  readonly totals = emptyTotals();
  /** Every delta, in order, with the clock when it was counted. */
  readonly deltas: { at: number; delta: ReactionDelta }[] = [];

  constructor(
    private readonly targetOf: (uniqueId: string) => StreamTarget,
    private readonly options: ReplayOptions = {},
  ) {}

  /** Region and market of each stream from the campaign; a stream not in it counts as unknown/unknown. */
  static forCampaign(campaign: CampaignConfig, options: ReplayOptions = {}): Replay {
    return new Replay((uniqueId) => campaign.streams.find((stream) => stream.uniqueId === uniqueId) ?? { region: 'unknown', market: 'unknown' }, options);
  }

  /** Plays events in the order of their `at` (a recording of several streams, or several recordings). */
  play(events: readonly RecordedEvent[]): this {
    for (const event of [...events].sort((a, b) => a.at - b.at)) this.feed(event);
    return this;
  }

  feed(event: RecordedEvent): void {
    this.advanceTo(Math.max(this.now, event.at));
    const stream = this.streamFor(event.stream);
    if (!COUNTED_EVENTS.has(event.event)) {
      stream.notReactions += 1;
      return;
    }
    this.add(stream, stream.counter.handle({ type: event.event, data: event.data } as TikTokEvent));
  }

  /** Runs the clock on past every settle window and streak timeout, so nothing held is left uncounted. */
  finish(): ReplayReport {
    const settleMs = this.options.settleMs ?? 2_000;
    const streakTimeoutMs = this.options.streakTimeoutMs ?? 15_000;
    this.advanceTo(this.now + Math.max(settleMs, streakTimeoutMs) + SWEEP_EVERY_MS);
    for (const stream of this.counters.values()) this.add(stream, stream.counter.flush());
    return this.report();
  }

  report(): ReplayReport {
    const streams: Record<string, StreamReplayReport> = {};
    for (const [uniqueId, { counter, totals, notReactions }] of this.counters) {
      streams[uniqueId] = { region: counter.target.region, market: counter.target.market, totals: { ...totals }, stats: counter.stats, notReactions };
    }
    return { totals: { ...this.totals }, streams };
  }

  counterOf(uniqueId: string): TikTokStreamCounter | undefined {
    return this.counters.get(uniqueId)?.counter;
  }

  private advanceTo(time: number): void {
    this.nextSweepAt ??= time + SWEEP_EVERY_MS;
    while (this.nextSweepAt <= time) {
      this.now = this.nextSweepAt;
      for (const stream of this.counters.values()) this.add(stream, stream.counter.sweep());
      this.nextSweepAt += SWEEP_EVERY_MS;
    }
    this.now = time;
  }

  private streamFor(uniqueId: string) {
    let stream = this.counters.get(uniqueId);
    if (!stream) {
      const counter = new TikTokStreamCounter(this.targetOf(uniqueId), { ...this.options, now: () => this.now });
      stream = { counter, totals: emptyTotals(), notReactions: 0 };
      this.counters.set(uniqueId, stream);
    }
    return stream;
  }

  private add(stream: { totals: ReactionTotals }, delta: ReactionDelta | null): void {
    if (!delta) return;
    this.deltas.push({ at: this.now, delta });
    for (const kind of REACTION_KINDS) {
      stream.totals[kind] += delta[kind];
      this.totals[kind] += delta[kind];
    }
  }
}
