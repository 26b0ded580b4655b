import * as nodeFs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeJournal } from '../../../../../src/feed/store/journal/journal-decode.ts';
import { journalName, type StoreFs } from '../../../../../src/feed/store/journal/store-files.ts';
import { batchOf, cellsOf, expectedCells, makeTempDirs, openStore } from './store-helpers.ts';

const dirs = await makeTempDirs();
afterEach(() => dirs.removeAll());

/**
 * The real file system, with every journal fsync counted and the file's size recorded once it returns:
 * bytes below `durableBytes` are on disk.
 */
function countingFs() {
  const counts = { datasyncs: 0, durableBytes: 0 };
  const fs: StoreFs = {
    ...nodeFs,
    async open(...args: Parameters<typeof nodeFs.open>) {
      const handle = await nodeFs.open(...args);
      if (String(args[0]).endsWith('.log')) {
        const datasync = handle.datasync.bind(handle);
        handle.datasync = async () => {
          await datasync();
          counts.datasyncs += 1;
          counts.durableBytes = (await handle.stat()).size;
        };
      }
      return handle;
    },
  };
  return { fs, counts };
}

describe('group commit', () => {
  it('makes 500 concurrent commits durable with a handful of fsyncs', async () => {
    const dir = await dirs.make();
    const { fs, counts } = countingFs();
    const { store } = await openStore(dir, { fs });
    const batches = Array.from({ length: 500 }, (_, i) => batchOf(i));
    const results = await Promise.all(batches.map((batch) => store.commitReactions(batch)));
    expect(results.every((result) => result.status === 'committed')).toBe(true);
    expect(counts.datasyncs).toBeGreaterThanOrEqual(1);
    expect(counts.datasyncs).toBeLessThanOrEqual(5);
    expect(store.stats()).toMatchObject({ records: 500, fsyncs: counts.datasyncs });
    await store.close();
  });

  it('resolves each commit only after an fsync that covers its record', async () => {
    const dir = await dirs.make();
    const { fs, counts } = countingFs();
    const { store } = await openStore(dir, { fs });
    const path = join(dir, journalName(1));
    const notDurableWhenAcknowledged: string[] = [];
    const commits: Promise<void>[] = [];
    // Three waves, so later commits queue behind an fsync in progress and form groups of their own.
    for (let wave = 0; wave < 3; wave++) {
      for (let i = 0; i < 40; i++) {
        const batch = batchOf(wave * 100 + i);
        commits.push(
          store.commitReactions(batch).then(() => {
            const durable = readFileSync(path).subarray(0, counts.durableBytes);
            const keys = decodeJournal(durable).records.map((record) => (record.t === 'r' ? record.k : undefined));
            if (!keys.includes(batch.idempotencyKey)) notDurableWhenAcknowledged.push(batch.idempotencyKey!);
          }),
        );
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(commits);
    expect(notDurableWhenAcknowledged).toEqual([]);
    expect(counts.datasyncs).toBeGreaterThanOrEqual(2);
    expect(counts.datasyncs).toBeLessThan(120);
    await store.close();
  });

  it('applies what it acknowledged: the totals after reopening are the sum of the batches', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    const batches = Array.from({ length: 200 }, (_, i) => batchOf(i, i % 3 === 0 ? null : `key-${i}`));
    await Promise.all(batches.map((batch) => store.commitReactions(batch)));
    await store.close();
    const reopened = await openStore(dir);
    expect(cellsOf(reopened.state.cells)).toEqual(expectedCells(batches));
    await reopened.store.close();
  });
});
