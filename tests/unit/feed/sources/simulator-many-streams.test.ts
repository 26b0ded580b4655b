import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../../../src/feed/reactions/aggregator.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';
import { SimulatorSource } from '../../../../src/feed/sources/simulator.ts';
import { REACTION_KINDS, emptyTotals, type ReactionDelta, type ReactionTotals } from '../../../../src/protocol/index.ts';

/*
 * Many streams at once: the 2024 campaign ran five regions, broadcast in nine markets. The simulator
 * drives every region × market cell of the campaign; these tests prove that what it emits adds up
 * exactly, per cell, per region, per market and for the whole campaign.
 */

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);

function add(into: ReactionTotals, delta: ReactionTotals): void {
  for (const kind of REACTION_KINDS) into[kind] += delta[kind];
}

function sumOf(list: ReactionTotals[]): ReactionTotals {
  const sum = emptyTotals();
  for (const totals of list) add(sum, totals);
  return sum;
}

describe('the simulator across every region and market', () => {
  // Two simulated minutes in 100 ms steps, surges included: about 40,000 likes over 45 cells.
  const simulator = new SimulatorSource(campaign, { seed: 2024 });
  const deltas: ReactionDelta[] = Array.from({ length: 1200 }, () => simulator.advance(100)).flat();
  const aggregator = new Aggregator(campaign);
  for (const delta of deltas) aggregator.apply(delta);
  const whole = aggregator.state(null);

  it('reaches all five regions and all nine markets, in every one of the 45 cells', () => {
    expect(campaign.regions).toHaveLength(5);
    expect(campaign.markets).toHaveLength(9);
    const cells = new Set(deltas.map((delta) => `${delta.region}/${delta.market}`));
    expect(cells.size).toBe(45);
    for (const region of campaign.regions) expect(whole.byRegion[region.id]!.likes).toBeGreaterThan(0);
    for (const market of campaign.markets) expect(whole.byMarket[market.id]!.likes).toBeGreaterThan(0);
  });

  it('keeps each cell equal to the sum of the deltas sent to it', () => {
    const expected = new Map<string, ReactionTotals>();
    for (const delta of deltas) {
      const key = `${delta.region}/${delta.market}`;
      const cell = expected.get(key) ?? emptyTotals();
      add(cell, delta);
      expected.set(key, cell);
    }
    for (const [key, totals] of expected) {
      const [region, market] = key.split('/') as [string, string];
      expect(aggregator.cell(region, market)).toEqual(totals);
    }
  });

  it('makes the regions, the markets and the campaign add up to the same totals', () => {
    const fromDeltas = sumOf(deltas);
    expect(whole.totals).toEqual(fromDeltas);
    expect(sumOf(Object.values(whole.byRegion))).toEqual(fromDeltas);
    expect(sumOf(Object.values(whole.byMarket))).toEqual(fromDeltas);
    for (const region of campaign.regions) {
      const scoped = aggregator.state(region.id);
      expect(scoped.totals).toEqual(whole.byRegion[region.id]);
      // A region's own view splits it by market; those parts add up to the region.
      expect(sumOf(Object.values(scoped.byMarket))).toEqual(scoped.totals);
      const cells = campaign.markets.map((market) => aggregator.cell(region.id, market.id));
      expect(sumOf(cells)).toEqual(scoped.totals);
    }
    for (const market of campaign.markets) {
      expect(sumOf(campaign.regions.map((region) => aggregator.cell(region.id, market.id)))).toEqual(whole.byMarket[market.id]);
    }
    expect(fromDeltas.likes).toBeGreaterThan(10_000);
  });

  it('gives the donation of the campaign as the money of its totals, and of each region as its own', () => {
    const regionsRaised = campaign.regions.map((region) => aggregator.state(region.id).donation.raisedMinor);
    expect(regionsRaised.every((raised) => raised > 0)).toBe(true);
    // Each region rounds its own minor units down, so the regions never add up to more than the campaign.
    const sum = regionsRaised.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(whole.donation.raisedMinor);
    expect(whole.donation.raisedMinor - sum).toBeLessThan(campaign.regions.length * 4);
  });
});
