import { z } from 'zod';
import { describeZodError, type CampaignConfig, type ReactionDelta } from '../../protocol/index.ts';
import { mulberry32, type Random } from '../../random/mulberry32.ts';
import { cumulative, pickWeighted, samplePoisson } from './sampling.ts';
import type { ReactionSource } from './source.ts';

const PerSecond = z.number().finite().nonnegative().max(1_000_000);

/** The simulator's knobs, with lively but plausible defaults for a designer's `npm run dev`. */
export const SimulatorOptionsSchema = z.strictObject({
  seed: z.number().int().default(20240101).describe('same seed and same elapsed times give the same totals'),
  likesPerSecond: PerSecond.default(300),
  commentsPerSecond: PerSecond.default(6),
  giftsPerSecond: PerSecond.default(2),
  sharesPerSecond: PerSecond.default(0.3),
  giftDiamondSizes: z
    .array(z.number().int().positive().max(100_000))
    .min(1)
    .default([1, 1, 1, 1, 5, 5, 10, 10, 30, 99, 199, 299, 1000])
    .describe('diamond value of one gift, picked uniformly: repeat a size to make it likelier'),
  surges: z
    .union([
      z.literal(false),
      z.strictObject({
        meanIntervalSeconds: z.number().finite().positive().default(20),
        durationSeconds: z.number().finite().positive().default(3),
        multiplier: z.number().finite().min(1).max(1000).default(8),
      }),
    ])
    .default({ meanIntervalSeconds: 20, durationSeconds: 3, multiplier: 8 }),
  intervalMs: z.number().int().min(10).max(60_000).default(100).describe('how often the simulator emits'),
});
export type SimulatorOptions = z.input<typeof SimulatorOptionsSchema>;
type ResolvedOptions = z.output<typeof SimulatorOptionsSchema>;

/** The options with their defaults; throws an Error naming each bad one. */
export function checkSimulatorOptions(options: SimulatorOptions): ResolvedOptions {
  const parsed = SimulatorOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`simulator options are invalid:\n${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** A suspended laptop must not dump hours of reactions at once when it wakes. */
const MAX_STEP_MS = 5_000;
/** Reactions of one kind in one step land in at most this many region × market cells. */
const CHUNKS_PER_KIND = 8;

interface Cell {
  readonly region: string;
  readonly market: string;
}

/**
 * A seeded, deterministic audience. `advance(elapsedMs)` is pure given the seed and the sequence of
 * elapsed times, so tests drive it directly; `start()` only feeds it the real elapsed time at an interval.
 * Counts are drawn as integers (Poisson), spread over the campaign's regions and markets with fixed
 * weights (the first market, the home market, is the busiest), and occasionally surge.
 */
export class SimulatorSource implements ReactionSource {
  readonly name = 'simulator';
  readonly options: ResolvedOptions;
  private readonly random: Random;
  private readonly cells: Cell[] = [];
  private readonly cellWeights: number[];
  private clockMs = 0;
  private surgeUntilMs = 0;
  private nextSurgeAtMs: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(campaign: CampaignConfig, options: SimulatorOptions = {}) {
    this.options = checkSimulatorOptions(options);
    this.random = mulberry32(this.options.seed);
    const regionWeights = campaign.regions.map(() => 0.5 + this.random());
    const marketWeights = campaign.markets.map((_, index) => (index === 0 ? 4 : 0.5 + this.random()));
    const weights: number[] = [];
    campaign.regions.forEach((region, r) =>
      campaign.markets.forEach((market, m) => {
        this.cells.push({ region: region.id, market: market.id });
        weights.push(regionWeights[r]! * marketWeights[m]!);
      }),
    );
    this.cellWeights = cumulative(weights);
    this.nextSurgeAtMs = this.nextSurgeGap();
  }

  /** Whether the simulated audience is surging at the current simulated time. */
  get surging(): boolean {
    return this.clockMs < this.surgeUntilMs;
  }

  /** Simulates `elapsedMs` more of the show and returns one delta per region × market cell that reacted. */
  advance(elapsedMs: number): ReactionDelta[] {
    const stepMs = Math.min(Math.max(0, Number.isFinite(elapsedMs) ? elapsedMs : 0), MAX_STEP_MS);
    this.clockMs += stepMs;
    const surges = this.options.surges;
    if (surges && !this.surging && this.clockMs >= this.nextSurgeAtMs) {
      this.surgeUntilMs = this.clockMs + surges.durationSeconds * 1000;
      this.nextSurgeAtMs = this.surgeUntilMs + this.nextSurgeGap();
    }
    const factor = surges && this.surging ? surges.multiplier : 1;
    const seconds = (stepMs / 1000) * factor;
    const { likesPerSecond, commentsPerSecond, giftsPerSecond, sharesPerSecond, giftDiamondSizes } = this.options;

    const byCell = new Map<number, ReactionDelta>();
    const deltaAt = (index: number): ReactionDelta => {
      let delta = byCell.get(index);
      if (!delta) {
        const cell = this.cells[index]!;
        delta = { region: cell.region, market: cell.market, likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };
        byCell.set(index, delta);
      }
      return delta;
    };
    const spread = (kind: 'likes' | 'comments' | 'shares', count: number) => {
      const chunks = Math.min(count, CHUNKS_PER_KIND);
      for (let chunk = 0; chunk < chunks; chunk++) {
        const share = Math.floor(count / chunks) + (chunk < count % chunks ? 1 : 0);
        deltaAt(pickWeighted(this.random, this.cellWeights))[kind] += share;
      }
    };

    spread('likes', samplePoisson(this.random, likesPerSecond * seconds));
    spread('comments', samplePoisson(this.random, commentsPerSecond * seconds));
    spread('shares', samplePoisson(this.random, sharesPerSecond * seconds));
    const gifts = samplePoisson(this.random, giftsPerSecond * seconds);
    for (let gift = 0; gift < gifts; gift++) {
      const delta = deltaAt(pickWeighted(this.random, this.cellWeights));
      delta.gifts += 1;
      delta.giftDiamonds += giftDiamondSizes[Math.floor(this.random() * giftDiamondSizes.length)]!;
    }
    return [...byCell.values()];
  }

  start(sink: (delta: ReactionDelta) => void): void {
    if (this.timer) return;
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const deltas = this.advance(now - last);
      last = now;
      for (const delta of deltas) sink(delta);
    }, this.options.intervalMs);
    // The simulator alone never keeps the process alive: the server it feeds does.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Exponentially distributed wait until the next surge (a memoryless "now and then"). */
  private nextSurgeGap(): number {
    const surges = this.options.surges;
    if (!surges) return Number.POSITIVE_INFINITY;
    return -Math.log(1 - this.random()) * surges.meanIntervalSeconds * 1000;
  }
}
