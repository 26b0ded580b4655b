import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignAmount } from '../../../../src/donation/index.ts';
import { Aggregator } from '../../../../src/feed/reactions/aggregator.ts';
import { DurableTotals } from '../../../../src/feed/reactions/durable-totals.ts';
import { MemoryStore } from '../../../../src/feed/store/memory-store.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';
import { FeedState, REACTION_KINDS, emptyTotals, type CampaignConfig, type ReactionTotals } from '../../../../src/protocol/index.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const regionIds = campaign.regions.map((region) => region.id);
const marketIds = campaign.markets.map((market) => market.id);

function sum(list: ReactionTotals[]): ReactionTotals {
  const total = emptyTotals();
  for (const totals of list) for (const kind of REACTION_KINDS) total[kind] += totals[kind];
  return total;
}

/** Everything but the clock, to compare "before" and "after" a refused delta. */
function content(aggregator: Aggregator) {
  return [null, ...regionIds].map((scope) => ({ ...aggregator.state(scope), serverTime: 0 }));
}

describe('Aggregator', () => {
  it('adds a delta to its cell, region, market and the campaign, and nowhere else', () => {
    const aggregator = new Aggregator(campaign);
    aggregator.apply({ region: 'noto', market: 'tw', likes: 25, comments: 2, gifts: 1, giftDiamonds: 99, shares: 3 });
    aggregator.apply({ region: 'noto', market: 'jp', likes: 5 });
    const whole = aggregator.state(null);
    expect(whole.totals).toEqual({ likes: 30, comments: 2, gifts: 1, giftDiamonds: 99, shares: 3 });
    expect(whole.byRegion['noto']).toEqual(whole.totals);
    expect(whole.byRegion['tohoku']).toEqual(emptyTotals());
    expect(whole.byMarket['tw']).toEqual({ likes: 25, comments: 2, gifts: 1, giftDiamonds: 99, shares: 3 });
    expect(whole.byMarket['jp']).toEqual({ ...emptyTotals(), likes: 5 });
    expect(aggregator.cell('noto', 'tw').likes).toBe(25);
    expect(aggregator.cell('tohoku', 'tw')).toEqual(emptyTotals());
    const noto = aggregator.state('noto');
    expect(noto.region).toBe('noto');
    expect(noto.totals).toEqual(whole.totals);
    expect(noto.byMarket['tw']?.giftDiamonds).toBe(99);
    expect(aggregator.state('kumamoto').totals).toEqual(emptyTotals());
  });

  it('computes the donation with the campaign rates: 1 yen per 10 likes, 5 per comment, 10 per share, 1 per diamond', () => {
    const aggregator = new Aggregator(campaign);
    aggregator.apply({ region: 'tohoku', market: 'jp', likes: 29, comments: 3, shares: 2, giftDiamonds: 100 });
    expect(aggregator.state(null).donation).toEqual({
      currency: 'JPY',
      raisedMinor: 2 + 15 + 20 + 100,
      reactionsMinor: 2 + 15 + 20 + 100,
      adjustmentsMinor: 0,
      goalMinor: campaign.goalMinor,
      capMinor: campaign.capMinor,
      milestonesReached: 0,
      goalLabel: null,
      passedGoalMinor: null,
      goalsPassed: 0,
    });
  });

  it('moves the campaign goal on past a stretch goal, and regions without a goal of their own follow it', () => {
    const stretched: CampaignConfig = { ...campaign, stretchGoals: [{ atMinor: 22_000_000, label: { ja: '港', en: 'Harbour' } }] };
    const aggregator = new Aggregator(stretched);
    const hokkaidoBefore = aggregator.state('hokkaido');
    aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 20_000_000 });
    expect(aggregator.state(null).donation).toMatchObject({ goalMinor: 22_000_000, passedGoalMinor: 20_000_000, goalsPassed: 1, goalLabel: { en: 'Harbour' } });
    // Hokkaido's totals did not change, but its goal did: its state is rebuilt, not served from the cache.
    expect(aggregator.state('hokkaido').donation.goalMinor).toBe(22_000_000);
    expect(aggregator.lastChangeSeq('hokkaido')).toBeGreaterThan(hokkaidoBefore.seq);
    expect(() => aggregator.setGoalPlan({ goalMinor: 20_000_000, stretchGoals: [{ atMinor: 19_000_000 }] })).toThrow(/stretchGoals\.0\.atMinor: must be a whole number above 20000000/);
    expect(aggregator.state(null).donation.goalMinor).toBe(22_000_000);
  });

  it("gives a region its own goal when it has one, the campaign's otherwise, and the same cap", () => {
    const withGoal: CampaignConfig = { ...campaign, stretchGoals: [], regions: campaign.regions.map((r) => (r.id === 'noto' ? { ...r, goalMinor: 1_000_000 } : r)) };
    const aggregator = new Aggregator(withGoal);
    aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 30_000_000 });
    aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 7 });
    expect(aggregator.state('noto').donation).toMatchObject({ raisedMinor: campaign.capMinor, goalMinor: 1_000_000, capMinor: campaign.capMinor, milestonesReached: 4 });
    expect(aggregator.state('tohoku').donation).toMatchObject({ raisedMinor: 7, goalMinor: campaign.goalMinor });
    expect(aggregator.state(null).donation.raisedMinor).toBe(campaign.capMinor);
  });

  it('changes the goal on air: every scope without its own goal follows, seq moves, a bad goal changes nothing', () => {
    const withGoal: CampaignConfig = { ...campaign, stretchGoals: [], regions: campaign.regions.map((r) => (r.id === 'noto' ? { ...r, goalMinor: 1_000_000 } : r)) };
    const aggregator = new Aggregator(withGoal);
    aggregator.setGoal(12_345_678);
    expect(aggregator.goalMinor).toBe(12_345_678);
    expect(aggregator.seq).toBe(1);
    expect(aggregator.lastChangeSeq('tohoku')).toBe(1);
    expect(aggregator.state(null).donation.goalMinor).toBe(12_345_678);
    expect(aggregator.state('tohoku').donation.goalMinor).toBe(12_345_678);
    expect(aggregator.state('noto').donation.goalMinor).toBe(1_000_000);
    aggregator.setGoal(12_345_678);
    expect(aggregator.seq).toBe(1);
    for (const bad of [0, -1, 1.5, campaign.capMinor + 1, Number.NaN]) {
      expect(() => aggregator.setGoal(bad)).toThrow(/goalMinor: must (be a whole number of minor units from 1 to|not exceed) the cap/);
    }
    expect(aggregator.goalMinor).toBe(12_345_678);
    expect(aggregator.seq).toBe(1);
  });

  it('increases seq on every change, and only on a change', () => {
    const aggregator = new Aggregator(campaign);
    expect(aggregator.seq).toBe(0);
    aggregator.apply({ region: 'noto', market: 'jp', likes: 1 });
    aggregator.apply({ region: 'noto', market: 'jp', comments: 1 });
    expect(aggregator.seq).toBe(2);
    aggregator.apply({ region: 'noto', market: 'jp' });
    expect(aggregator.seq).toBe(2);
    expect(aggregator.lastChangeSeq('noto')).toBe(2);
    expect(aggregator.lastChangeSeq('tohoku')).toBe(0);
    expect(aggregator.state('tohoku').seq).toBe(2);
  });

  const badDeltas: [string, unknown, RegExp][] = [
    ['an unknown region', { region: 'atlantis', market: 'jp', likes: 1 }, /region: unknown region "atlantis" \(known: tohoku,/],
    ['an unknown market', { region: 'noto', market: 'mars', likes: 1 }, /market: unknown market "mars"/],
    ['a negative count', { region: 'noto', market: 'jp', likes: -5 }, /likes: must not be negative/],
    ['a fractional count', { region: 'noto', market: 'jp', likes: 1.5 }, /likes: must be a whole number/],
    ['a count as a string', { region: 'noto', market: 'jp', likes: '5' }, /likes: must be a number/],
    ['an unknown field', { region: 'noto', market: 'jp', hearts: 5 }, /hearts/],
    ['null', null, /reaction delta is invalid/],
    ['a string', 'likes', /reaction delta is invalid/],
  ];
  it.each(badDeltas)('refuses %s with a clear error and changes nothing', (_, delta, message) => {
    const aggregator = new Aggregator(campaign);
    aggregator.apply({ region: 'noto', market: 'jp', likes: 10 });
    const before = content(aggregator);
    expect(() => aggregator.apply(delta as never)).toThrow(message);
    expect(content(aggregator)).toEqual(before);
    expect(aggregator.seq).toBe(1);
  });

  it('refuses a delta that would take a total beyond exact integers, without touching any total', async () => {
    // The store guards (it alone sees the commits in flight): the feed's path refuses the batch before counting.
    const aggregator = new Aggregator(campaign);
    const { totals } = await DurableTotals.open(new MemoryStore(), aggregator, () => {});
    await totals.commit({ source: 'test', cells: aggregator.check.cells([{ region: 'noto', market: 'jp', likes: Number.MAX_SAFE_INTEGER - 1, comments: 1 }]) });
    const before = content(aggregator);
    await expect(totals.commit({ source: 'test', cells: aggregator.check.cells([{ region: 'tohoku', market: 'kr', comments: 1, likes: 2 }]) })).rejects.toThrow(/likes: would take the campaign total beyond/);
    expect(content(aggregator)).toEqual(before);
  });

  it('hands out state that no reader can use to corrupt another', () => {
    const aggregator = new Aggregator(campaign);
    aggregator.apply({ region: 'noto', market: 'jp', likes: 10 });
    const first = aggregator.state(null);
    expect(() => {
      (first.totals as { likes: number }).likes = 999;
    }).toThrow(TypeError);
    expect(aggregator.state(null).totals.likes).toBe(10);
  });

  it('throws for the state of an unknown region', () => {
    expect(() => new Aggregator(campaign).state('atlantis')).toThrow(/unknown region "atlantis"/);
  });

  it('keeps every scope consistent over any sequence of deltas: campaign = sum of regions = sum of markets = sum of cells', () => {
    const delta = fc.record({
      region: fc.constantFrom(...regionIds),
      market: fc.constantFrom(...marketIds),
      likes: fc.nat(1_000_000),
      comments: fc.nat(1000),
      gifts: fc.nat(100),
      giftDiamonds: fc.nat(100_000),
      shares: fc.nat(100),
    });
    fc.assert(
      fc.property(fc.array(delta, { maxLength: 60 }), (deltas) => {
        const aggregator = new Aggregator(campaign);
        let previousSeq = 0;
        let previousRaised = 0;
        for (const d of deltas) {
          aggregator.apply(d);
          expect(aggregator.seq).toBeGreaterThanOrEqual(previousSeq);
          const raised = aggregator.state(null).donation.raisedMinor;
          expect(raised).toBeGreaterThanOrEqual(previousRaised);
          previousSeq = aggregator.seq;
          previousRaised = raised;
        }
        const whole = aggregator.state(null);
        expect(FeedState.parse(whole)).toEqual(whole);
        expect(whole.totals).toEqual(sum(deltas.map((d) => ({ likes: d.likes, comments: d.comments, gifts: d.gifts, giftDiamonds: d.giftDiamonds, shares: d.shares }))));
        expect(sum(Object.values(whole.byRegion))).toEqual(whole.totals);
        expect(sum(Object.values(whole.byMarket))).toEqual(whole.totals);
        expect(sum(regionIds.flatMap((r) => marketIds.map((m) => aggregator.cell(r, m))))).toEqual(whole.totals);
        for (const region of regionIds) {
          const scoped = aggregator.state(region);
          expect(scoped.totals).toEqual(whole.byRegion[region]);
          expect(sum(Object.values(scoped.byMarket))).toEqual(scoped.totals);
        }
        expect(whole.donation.raisedMinor).toBe(campaignAmount(campaign, whole.totals));
      }),
      { numRuns: 200 },
    );
  });
});
