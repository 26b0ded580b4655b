import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalStore } from '../../../../../src/feed/store/journal/journal-store.ts';
import type { StoreFs } from '../../../../../src/feed/store/journal/store-files.ts';
import { BatchRejectedError, StoreUnavailableError } from '../../../../../src/feed/store/store.ts';
import { ReactionsRefusedError } from '../../../../../src/feed/reactions/checked-cells.ts';
import { batchOf, cellsOf, expectedCells, makeTempDirs, openStore } from './store-helpers.ts';
import { checkedCells } from '../../reactions/checked-cells.ts';

const dirs = await makeTempDirs();
afterEach(() => dirs.removeAll());

/** The real file system, except that journal fsyncs fail once `failing.now` is set (a full or dying disk). */
function failingFs() {
  const failing = { now: false };
  const fs: StoreFs = {
    ...nodeFs,
    async open(...args: Parameters<typeof nodeFs.open>) {
      const handle = await nodeFs.open(...args);
      const datasync = handle.datasync.bind(handle);
      handle.datasync = async () => {
        if (failing.now) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
        return datasync();
      };
      return handle;
    },
  };
  return { fs, failing };
}

describe('when durability cannot be promised', () => {
  it('rejects the commits of a failed fsync and every later one, and says so once', async () => {
    const dir = await dirs.make();
    const { fs, failing } = failingFs();
    const { store, lines } = await openStore(dir, { fs });
    await store.commitReactions(batchOf(1));
    failing.now = true;
    const results = await Promise.allSettled([store.commitReactions(batchOf(2)), store.commitReactions(batchOf(3))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(store.commitReactions(batchOf(4))).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.putSetting('goal', 1)).rejects.toThrow(/journal write failed \(EIO/);
    expect(lines.filter((line) => line.includes('journal write failed'))).toHaveLength(1);
    await store.close();
    // Batch 2 and 3 reached the page cache before the failed fsync: they may be recovered; their retries
    // then count nothing more. What was acknowledged (batch 1) is there, and nothing counts twice.
    const reopened = await openStore(dir);
    expect(reopened.state.recentKeys[0]).toBe('key-1');
    for (const seed of [2, 3]) await reopened.store.commitReactions(batchOf(seed));
    await reopened.store.close();
    const final = await openStore(dir);
    expect(cellsOf(final.state.cells)).toEqual(expectedCells([batchOf(1), batchOf(2), batchOf(3)]));
    await final.store.close();
  });
});

describe('refusals that change nothing', () => {
  it('refuses a batch that would take a campaign total beyond 2^53, and one with a fractional count', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    const huge = Number.MAX_SAFE_INTEGER - 10;
    const base = { region: 'tohoku', market: 'jp', comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };
    await store.commitReactions({ source: 'test', cells: checkedCells([{ ...base, likes: huge }]) });
    await expect(store.commitReactions({ source: 'test', cells: checkedCells([{ ...base, region: 'noto', likes: 11 }]) })).rejects.toThrow(
      /likes: would take the campaign total beyond/,
    );
    // A fractional count never reaches a store: the feed's boundary refuses it (reactions/checked-cells.ts).
    expect(() => checkedCells([{ ...base, comments: 1.5, likes: 0 }])).toThrow(ReactionsRefusedError);
    await store.close();
    const reopened = await openStore(dir);
    expect(reopened.state.cells).toEqual([{ region: 'tohoku', market: 'jp', totals: { likes: huge, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 } }]);
    await reopened.store.close();
  });

  it('keeps settings durably, the latest value winning, and refuses a bad key or a value JSON cannot hold', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    await store.putSetting('lower-third.current', { name: { ja: '山田', en: 'Yamada' } });
    await store.putSetting('goal', 1000);
    await store.putSetting('goal', 2000);
    await expect(store.putSetting('Bad Key!', 1)).rejects.toThrow(/setting is invalid: key:/);
    await expect(store.putSetting('goal', Number.NaN as never)).rejects.toThrow(/setting is invalid: v:/);
    expect(store.getSetting('goal')).toBe(2000);
    await store.close();
    const reopened = await openStore(dir);
    expect(reopened.state.settings).toEqual({ 'lower-third.current': { name: { ja: '山田', en: 'Yamada' } }, goal: 2000 });
    await reopened.store.close();
  });
});
