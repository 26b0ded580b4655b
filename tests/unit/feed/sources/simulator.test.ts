import { describe, expect, it, vi } from 'vitest';
import { Aggregator } from '../../../../src/feed/reactions/aggregator.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';
import { mulberry32 } from '../../../../src/random/mulberry32.ts';
import { samplePoisson } from '../../../../src/feed/sources/sampling.ts';
import { SimulatorSource, type SimulatorOptions } from '../../../../src/feed/sources/simulator.ts';
import { REACTION_KINDS, type ReactionDelta } from '../../../../src/protocol/index.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);

/** Runs a simulator over a sequence of elapsed times and returns every delta it produced. */
function run(options: SimulatorOptions, elapsed: readonly number[]): ReactionDelta[] {
  const simulator = new SimulatorSource(campaign, options);
  return elapsed.flatMap((ms) => simulator.advance(ms));
}

function totalsOf(deltas: ReactionDelta[]) {
  const aggregator = new Aggregator(campaign);
  for (const delta of deltas) aggregator.apply(delta);
  return aggregator.state(null);
}

/** Irregular steps, like a real timer's: 60 simulated seconds. */
const jitteryMinute = Array.from({ length: 600 }, (_, i) => 100 + ((i * 37) % 11) - 5);

describe('mulberry32', () => {
  it('repeats its sequence for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const fromA = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(fromA);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(fromA);
    expect(fromA.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(fromA).size).toBeGreaterThan(990);
  });
});

describe('samplePoisson', () => {
  it('returns whole numbers whose average is the mean, for small and large means', () => {
    for (const mean of [0.3, 4, 250]) {
      const random = mulberry32(7);
      const draws = Array.from({ length: 4000 }, () => samplePoisson(random, mean));
      expect(draws.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      const average = draws.reduce((a, n) => a + n, 0) / draws.length;
      expect(Math.abs(average - mean)).toBeLessThan(mean * 0.05 + 0.02);
    }
  });
  it('returns 0 for a mean of 0', () => {
    expect(samplePoisson(mulberry32(1), 0)).toBe(0);
  });
});

describe('SimulatorSource', () => {
  it('is deterministic: same seed and same elapsed times give the same deltas and totals', () => {
    const first = run({ seed: 99 }, jitteryMinute);
    const second = run({ seed: 99 }, jitteryMinute);
    expect(second).toEqual(first);
    expect(totalsOf(second).totals).toEqual(totalsOf(first).totals);
    expect(totalsOf(run({ seed: 100 }, jitteryMinute)).totals).not.toEqual(totalsOf(first).totals);
  });

  it('emits only whole counts, in known regions and markets, each delta accepted by the aggregator', () => {
    const deltas = run({ seed: 5, likesPerSecond: 1234.5678, commentsPerSecond: 3.3, giftsPerSecond: 0.7, sharesPerSecond: 0.1 }, jitteryMinute);
    expect(deltas.length).toBeGreaterThan(100);
    for (const delta of deltas) {
      for (const kind of REACTION_KINDS) expect(Number.isInteger(delta[kind])).toBe(true);
    }
    const regions = new Set(deltas.map((d) => d.region));
    const markets = new Set(deltas.map((d) => d.market));
    expect([...regions].sort()).toEqual(campaign.regions.map((r) => r.id).sort());
    expect(markets.size).toBe(campaign.markets.length);
    expect(() => totalsOf(deltas)).not.toThrow();
  });

  it('produces about the configured rates over a minute without surges', () => {
    const rates = { likesPerSecond: 500, commentsPerSecond: 20, giftsPerSecond: 5, sharesPerSecond: 2 };
    const { totals } = totalsOf(run({ seed: 3, surges: false, giftDiamondSizes: [10], ...rates }, jitteryMinute));
    const seconds = jitteryMinute.reduce((a, ms) => a + ms, 0) / 1000;
    expect(totals.likes / seconds).toBeGreaterThan(500 * 0.95);
    expect(totals.likes / seconds).toBeLessThan(500 * 1.05);
    expect(totals.comments / seconds).toBeGreaterThan(20 * 0.85);
    expect(totals.comments / seconds).toBeLessThan(20 * 1.15);
    expect(totals.gifts / seconds).toBeGreaterThan(5 * 0.75);
    expect(totals.gifts / seconds).toBeLessThan(5 * 1.25);
    expect(totals.giftDiamonds).toBe(totals.gifts * 10);
  });

  it('surges now and then, multiplying the rate while it lasts', () => {
    const simulator = new SimulatorSource(campaign, { seed: 11, likesPerSecond: 100, surges: { meanIntervalSeconds: 5, durationSeconds: 1, multiplier: 20 } });
    let calm = 0;
    let calmSteps = 0;
    let surge = 0;
    let surgeSteps = 0;
    for (let step = 0; step < 1200; step++) {
      const likes = simulator.advance(100).reduce((a, d) => a + d.likes, 0);
      if (simulator.surging) [surge, surgeSteps] = [surge + likes, surgeSteps + 1];
      else [calm, calmSteps] = [calm + likes, calmSteps + 1];
    }
    expect(surgeSteps).toBeGreaterThan(60);
    expect(calmSteps).toBeGreaterThan(600);
    expect(surge / surgeSteps).toBeGreaterThan((calm / calmSteps) * 10);
  });

  it('emits nothing when every rate is zero, and nothing for no elapsed time', () => {
    expect(run({ likesPerSecond: 0, commentsPerSecond: 0, giftsPerSecond: 0, sharesPerSecond: 0 }, jitteryMinute)).toEqual([]);
    expect(run({}, [0, 0, -50, Number.NaN])).toEqual([]);
  });

  it('caps one step at five seconds, so a sleeping laptop does not dump hours of reactions', () => {
    const options = { seed: 1, surges: false as const, likesPerSecond: 1000 };
    expect(totalsOf(run(options, [3_600_000])).totals).toEqual(totalsOf(run(options, [5_000])).totals);
  });

  it('refuses bad options, naming the option', () => {
    expect(() => new SimulatorSource(campaign, { likesPerSecond: -1 })).toThrow(/simulator options are invalid:\nlikesPerSecond: /);
    expect(() => new SimulatorSource(campaign, { giftDiamondSizes: [1.5] })).toThrow(/giftDiamondSizes\.0: /);
    expect(() => new SimulatorSource(campaign, { intervalMs: 0 })).toThrow(/intervalMs: /);
  });

  it('feeds a sink on its own timer once started, and stops', async () => {
    const simulator = new SimulatorSource(campaign, { intervalMs: 10, likesPerSecond: 10_000 });
    const received: ReactionDelta[] = [];
    simulator.start((delta) => received.push(delta));
    await vi.waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 5000 });
    simulator.stop();
    const count = received.length;
    expect(count).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.length).toBe(count);
  });
});
