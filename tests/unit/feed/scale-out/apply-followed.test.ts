import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../../../src/feed/reactions/aggregator.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';
import { applyFollowedChange } from '../../../../src/feed/scale-out/apply-followed.ts';
import type { FollowedChange } from '../../../../src/feed/scale-out/commit-follower.ts';
import { emptyTotals } from '../../../../src/protocol/index.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);

function setUp() {
  const aggregator = new Aggregator(campaign);
  const logs: string[] = [];
  const apply = (change: FollowedChange) => applyFollowedChange(aggregator, change, (line) => logs.push(line));
  return { aggregator, logs, apply };
}

const cell = (region: string, market: string, counts: Partial<ReturnType<typeof emptyTotals>>) => ({ region, market, totals: { ...emptyTotals(), ...counts } });

describe('applyFollowedChange', () => {
  it('adds a followed batch under the seq Redis gave it', () => {
    const { aggregator, apply } = setUp();
    apply({ kind: 'reactions', seq: 7, cells: [cell('noto', 'jp', { likes: 10 }), cell('tohoku', 'us', { gifts: 1, giftDiamonds: 99 })] });
    expect(aggregator.seq).toBe(7);
    expect(aggregator.cell('tohoku', 'us')).toEqual({ ...emptyTotals(), gifts: 1, giftDiamonds: 99 });
  });

  it('shows the cells this campaign knows and names those it leaves out', () => {
    const { aggregator, logs, apply } = setUp();
    apply({ kind: 'reactions', seq: 3, cells: [cell('noto', 'jp', { likes: 10 }), cell('atlantis', 'jp', { likes: 4 })] });
    expect(aggregator.state(null).totals.likes).toBe(10);
    expect(aggregator.seq).toBe(3);
    expect(logs).toEqual([expect.stringContaining('4 likes, 0 comments, 0 gifts, 0 giftDiamonds, 0 shares for atlantis/jp are counted in Redis but not shown')]);
  });

  it('resyncs by growth only: what Redis gained is added, a cell Redis holds lower never goes backward', () => {
    const { aggregator, logs, apply } = setUp();
    apply({ kind: 'reactions', seq: 2, cells: [cell('noto', 'jp', { likes: 10 }), cell('hokkaido', 'kr', { shares: 5 })] });
    apply({
      kind: 'resync',
      reason: 'the connection to Redis was lost',
      snapshot: { seq: 9, id: '1-0', cells: [cell('noto', 'jp', { likes: 25, comments: 1 }), cell('hokkaido', 'kr', { shares: 2 })], settings: {}, settingVersions: {}, ledger: [] },
    });
    expect(aggregator.cell('noto', 'jp')).toEqual({ ...emptyTotals(), likes: 25, comments: 1 });
    expect(aggregator.cell('hokkaido', 'kr')).toEqual({ ...emptyTotals(), shares: 5 });
    expect(aggregator.seq).toBe(9);
    expect(logs).toEqual(['store: caught up with Redis (the connection to Redis was lost): 1 cells had grown meanwhile; now at seq 9']);
  });

  it('applies the goal another node saved, and refuses an unusable one with a clear line', () => {
    const { aggregator, logs, apply } = setUp();
    apply({ kind: 'setting', seq: 4, key: 'goal', value: { goalMinor: campaign.goalMinor + 500 } });
    expect(aggregator.state(null).donation.goalMinor).toBe(campaign.goalMinor + 500);
    expect(aggregator.seq).toBe(4);
    apply({ kind: 'setting', seq: 5, key: 'goal', value: { goalMinor: campaign.capMinor + 1 } });
    apply({ kind: 'setting', seq: 6, key: 'goal', value: 'lots' });
    expect(aggregator.goalMinor).toBe(campaign.goalMinor + 500);
    expect(aggregator.seq).toBe(6);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^store: the goal saved in Redis is not usable here, keeping \d+: goalMinor: must (be a whole number of minor units from 1 to|not exceed) the cap/);
    expect(logs[1]).toMatch(/expected \{ "goalMinor": number, "stretchGoals"\?: \[...\] \}/);
  });

  it('takes the seq of other settings without changing what overlays show', () => {
    const { aggregator, apply } = setUp();
    apply({ kind: 'setting', seq: 8, key: 'lower-third', value: { visible: false } });
    expect(aggregator.seq).toBe(8);
    expect(aggregator.lastChangeSeq(null)).toBe(0);
  });
});
