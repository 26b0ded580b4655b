import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Aggregator } from '../../../../src/feed/reactions/aggregator.ts';
import { DurableTotals } from '../../../../src/feed/reactions/durable-totals.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';
import { JournalStore } from '../../../../src/feed/store/journal/journal-store.ts';
import { MemoryStore } from '../../../../src/feed/store/memory-store.ts';
import type { FeedStore } from '../../../../src/feed/store/store.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const stores: [string, () => Promise<FeedStore>][] = [
  ['memory', async () => new MemoryStore()],
  ['journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'durable-totals-'));
    dirs.push(dir);
    return new JournalStore({ dir, log: () => {} });
  }],
];

describe.each(stores)('DurableTotals on the %s store', (_, makeStore) => {
  it('counts a batch of many cells as one change: one seq, whatever the store', async () => {
    const aggregator = new Aggregator(campaign);
    const { totals } = await DurableTotals.open(await makeStore(), aggregator, () => {});
    const cells = aggregator.check.cells([
      { region: 'tohoku', market: 'jp', likes: 3 },
      { region: 'noto', market: 'tw', comments: 2 },
      { region: 'tohoku', market: 'jp', likes: 4 },
      { region: 'kumamoto', market: 'us', shares: 1 },
    ]);
    expect(cells).toHaveLength(3);
    const outcome = await totals.commit({ source: 'test', cells });
    expect(outcome).toEqual({ duplicate: false, seq: 1 });
    expect(aggregator.cell('tohoku', 'jp').likes).toBe(7);
    await totals.close();
  });

  it("merges a source's deltas of one turn into one batch, each cell once, and drops a bad delta alone", async () => {
    const aggregator = new Aggregator(campaign);
    const logs: string[] = [];
    const { totals } = await DurableTotals.open(await makeStore(), aggregator, (line) => logs.push(line));
    const sink = totals.sinkFor('simulator');
    sink({ region: 'tohoku', market: 'jp', likes: 1, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 });
    sink({ region: 'atlantis', market: 'jp', likes: 1, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 });
    sink({ region: 'tohoku', market: 'jp', likes: 2, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 });
    await totals.close();
    expect(aggregator.seq).toBe(1);
    expect(aggregator.cell('tohoku', 'jp').likes).toBe(3);
    expect(logs).toEqual([expect.stringMatching(/^simulator: reaction delta is invalid:\nregion: unknown region "atlantis" \(known: /)]);
  });
});
