import { afterEach, describe, expect, it } from 'vitest';
import { IdempotencyWindow } from '../../../../src/feed/store/idempotency-window.ts';
import { batchOf, cellsOf, expectedCells, makeTempDirs, openStore } from './journal/store-helpers.ts';

const dirs = await makeTempDirs();
afterEach(() => dirs.removeAll());

describe('idempotency by key', () => {
  it('counts a retried batch once, whether the retry comes after or during the first commit', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    const batch = batchOf(1, 'retry-me');
    const [first, concurrentRetry] = await Promise.all([store.commitReactions(batch), store.commitReactions(batch)]);
    const laterRetry = await store.commitReactions(batch);
    expect([first.status, concurrentRetry.status, laterRetry.status]).toEqual(['committed', 'duplicate', 'duplicate']);
    await store.close();
    const reopened = await openStore(dir);
    expect(cellsOf(reopened.state.cells)).toEqual(expectedCells([batch]));
    await reopened.store.close();
  });

  it('remembers keys across a restart and across a compaction', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    await store.commitReactions(batchOf(1, 'before-snapshot'));
    await store.compact();
    await store.commitReactions(batchOf(2, 'after-snapshot'));
    const crashed = await dirs.crashCopy(dir);
    await store.close();
    for (const reopenedDir of [dir, crashed]) {
      const { store: reopened, state } = await openStore(reopenedDir);
      expect(state.recentKeys).toEqual(['before-snapshot', 'after-snapshot']);
      expect(await reopened.commitReactions(batchOf(1, 'before-snapshot'))).toEqual({ status: 'duplicate' });
      expect(await reopened.commitReactions(batchOf(2, 'after-snapshot'))).toEqual({ status: 'duplicate' });
      await reopened.close();
      const again = await openStore(reopenedDir);
      expect(cellsOf(again.state.cells)).toEqual(expectedCells([batchOf(1), batchOf(2)]));
      await again.store.close();
    }
  });

  it('never treats batches without a key as duplicates', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    const batch = batchOf(7, null);
    expect((await Promise.all([store.commitReactions(batch), store.commitReactions(batch)])).map((r) => r.status)).toEqual(['committed', 'committed']);
    await store.close();
    const reopened = await openStore(dir);
    expect(cellsOf(reopened.state.cells)).toEqual(expectedCells([batch, batch]));
    await reopened.store.close();
  });

  it('forgets keys past the retention, in the store as on recovery', async () => {
    const dir = await dirs.make();
    let now = 1_000_000;
    const retention = { ttlMs: 60_000, maxKeys: 3 };
    const { store } = await openStore(dir, { now: () => now, retention });
    for (const key of ['a', 'b', 'c', 'd']) await store.commitReactions(batchOf(1, key));
    // maxKeys 3: "a" is forgotten, so its retry counts again — the documented price of the bound.
    expect(await store.commitReactions(batchOf(1, 'a'))).toEqual({ status: 'committed' });
    expect(await store.commitReactions(batchOf(1, 'd'))).toEqual({ status: 'duplicate' });
    await store.close();
    now += 61_000;
    const reopened = await openStore(dir, { now: () => now, retention });
    expect(reopened.state.recentKeys).toEqual([]);
    await reopened.store.close();
  });
});

describe('IdempotencyWindow', () => {
  it('evicts the oldest first, by count and by age', () => {
    const window = new IdempotencyWindow({ ttlMs: 100, maxKeys: 2 });
    window.add('one', 0);
    window.add('two', 50);
    window.add('three', 60);
    expect(window.keys()).toEqual(['two', 'three']);
    window.evict(155);
    expect(window.keys()).toEqual(['three']);
    expect(window.has('two')).toBe(false);
  });

  it('keeps exactly the newest keys, in order, over many evictions (and a re-added key once)', () => {
    const window = new IdempotencyWindow({ ttlMs: 1_000_000, maxKeys: 1_000 });
    for (let i = 0; i < 10_000; i++) window.add(`k${i}`, i);
    window.add('k9999', 10_000);
    expect(window.size).toBe(1_000);
    expect(window.keys()).toEqual(Array.from({ length: 1_000 }, (_, i) => `k${9_000 + i}`));
    expect(window.entries().at(-1)).toEqual(['k9999', 10_000]);
    expect([window.has('k8999'), window.has('k9000')]).toEqual([false, true]);
  });

  it('indexes restored and replayed keys at the first lookup, with the bounds of every evict asked before', () => {
    const window = new IdempotencyWindow({ ttlMs: 100, maxKeys: 3 });
    window.restore([['old', 0], ['a', 150], ['b', 160]], 160);
    window.add('c', 170);
    window.add('d', 180);
    window.evict(200);
    expect(window.restoredBeforeBounds).toBe(5);
    // 'old' is past the ttl at 200; of the rest, only the newest three are kept.
    expect(window.keys()).toEqual(['b', 'c', 'd']);
    expect([window.has('a'), window.has('b'), window.size]).toEqual([false, true, 3]);
    window.add('e', 210);
    expect(window.entries()).toEqual([['c', 170], ['d', 180], ['e', 210]]);
  });
});
