import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../../../src/feed/reactions/aggregator.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);

describe('Aggregator.applyAll: a batch numbered by a shared seq', () => {
  it('adds a batch as one change numbered with the shared seq', () => {
    const aggregator = new Aggregator(campaign);
    aggregator.applyAll([{ region: 'noto', market: 'jp', likes: 5 }, { region: 'tohoku', market: 'us', comments: 2 }], 41);
    expect(aggregator.seq).toBe(41);
    expect(aggregator.lastChangeSeq('noto')).toBe(41);
    expect(aggregator.lastChangeSeq('tohoku')).toBe(41);
    expect(aggregator.lastChangeSeq('kumamoto')).toBe(0);
    expect(aggregator.state(null).totals).toMatchObject({ likes: 5, comments: 2 });
  });

  it('never numbers a change at or below the current seq, whatever seq it is given', () => {
    const aggregator = new Aggregator(campaign);
    aggregator.applyAll([{ region: 'noto', market: 'jp', likes: 1 }], 10);
    aggregator.applyAll([{ region: 'noto', market: 'jp', likes: 1 }], 7);
    expect(aggregator.seq).toBe(11);
    aggregator.setGoal(campaign.goalMinor + 1, 5);
    expect(aggregator.seq).toBe(12);
    aggregator.setGoal(campaign.goalMinor + 2, 30);
    expect(aggregator.seq).toBe(30);
  });

  it('moves seq forward without marking any scope changed when the batch adds nothing', () => {
    const aggregator = new Aggregator(campaign);
    aggregator.applyAll([], 9);
    aggregator.applyAll([{ region: 'noto', market: 'jp' }], 12);
    expect(aggregator.seq).toBe(12);
    expect(aggregator.lastChangeSeq(null)).toBe(0);
    aggregator.applyAll([], 3);
    expect(aggregator.seq).toBe(12);
  });

  it('refuses the whole batch, changing nothing, when one delta is bad', () => {
    const aggregator = new Aggregator(campaign);
    aggregator.applyAll([{ region: 'noto', market: 'jp', likes: 3 }], 1);
    const before = aggregator.state(null);
    expect(() => aggregator.applyAll([{ region: 'noto', market: 'jp', likes: 5 }, { region: 'atlantis', market: 'jp', likes: 1 }], 2)).toThrow(/region: unknown region "atlantis"/);
    expect({ ...aggregator.state(null), serverTime: 0 }).toEqual({ ...before, serverTime: 0 });
  });
});
