import fc from 'fast-check';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalStore } from '../../../../../src/feed/store/journal/journal-store.ts';
import type { ReactionBatch } from '../../../../../src/feed/store/store.ts';
import { batchOf, cellsOf, expectedCells, makeTempDirs, openStore } from './store-helpers.ts';
import { checkedCells } from '../../reactions/checked-cells.ts';
import { encodeFrame, readFrame } from '../../../../../src/feed/store/journal/framing.ts';

const dirs = await makeTempDirs();
afterEach(() => dirs.removeAll());

const Operation = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('commit' as const), seed: fc.nat(1000), concurrent: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'compact' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crash' as const }) },
);

describe('snapshots, compaction and recovery', () => {
  it('recover the same totals, keys and settings whatever mix of commits, compactions, restarts and crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Operation, { minLength: 1, maxLength: 15 }), async (operations) => {
        let dir = await dirs.make();
        // A tiny threshold, so the journal rotates and snapshots are written on their own, mid-run.
        const options = { compactAfterBytes: 2_000 };
        let { store } = await openStore(dir, options);
        const acknowledged: ReactionBatch[] = [];
        let next = 0;
        for (const operation of operations) {
          if (operation.op === 'commit') {
            const batches = Array.from({ length: operation.concurrent }, () => batchOf(operation.seed + next, `key-${next++}`));
            await Promise.all(batches.map((batch) => store.commitReactions(batch)));
            acknowledged.push(...batches);
            await store.putSetting('goal', { goalMinor: next });
          } else if (operation.op === 'compact') {
            await store.compact();
          } else {
            const abandoned: JournalStore = store;
            await abandoned.whenIdle();
            if (operation.op === 'crash') dir = await dirs.crashCopy(dir);
            else await abandoned.close();
            const reopened = await openStore(dir, options);
            if (operation.op === 'crash') await abandoned.close();
            store = reopened.store;
            expect(cellsOf(reopened.state.cells)).toEqual(expectedCells(acknowledged));
            expect(reopened.state.recentKeys).toEqual(acknowledged.map((batch) => batch.idempotencyKey));
            expect(reopened.state.settings).toEqual(next > 0 ? { goal: { goalMinor: next } } : {});
          }
          // Retention, once the background snapshot is written: two snapshots at most, never a pile of journals.
          await store.whenIdle();
          const names = await readdir(dir);
          expect(names.filter((name) => name.endsWith('.snap')).length).toBeLessThanOrEqual(2);
          expect(names.filter((name) => name.endsWith('.log')).length).toBeLessThanOrEqual(4);
        }
        await store.close();
        const last = await openStore(dir, options);
        expect(cellsOf(last.state.cells)).toEqual(expectedCells(acknowledged));
        await last.store.close();
      }),
      { numRuns: 12 },
    );
  }, 30_000);

  it('falls back to the previous snapshot and its journals when the newest snapshot is unreadable', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    const batches = Array.from({ length: 30 }, (_, i) => batchOf(i));
    for (const [index, batch] of batches.entries()) {
      await store.commitReactions(batch);
      if (index === 9 || index === 19) await store.compact();
    }
    const crashed = await dirs.crashCopy(dir);
    await store.close();
    const snapshots = (await readdir(crashed)).filter((name) => name.endsWith('.snap')).sort();
    expect(snapshots).toEqual(['snapshot-00000001.snap', 'snapshot-00000002.snap']);
    const newest = join(crashed, snapshots[1]!);
    const bytes = await readFile(newest);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    await writeFile(newest, bytes);

    const { store: reopened, state, lines } = await openStore(crashed);
    expect(cellsOf(state.cells)).toEqual(expectedCells(batches));
    expect(lines.some((line) => line.includes('snapshot-00000002.snap is unreadable (checksum mismatch)'))).toBe(true);
    await reopened.close();
  });

  it('refuses a snapshot whose idempotency keys break the key rules, naming them, and uses the one before', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    const batches = Array.from({ length: 4 }, (_, i) => batchOf(i));
    for (const [index, batch] of batches.entries()) {
      await store.commitReactions(batch);
      if (index === 1 || index === 3) await store.compact();
    }
    await store.close();
    const newest = join(dir, 'snapshot-00000002.snap');
    const frame = readFrame(await readFile(newest), 0);
    if (!frame.ok) throw new Error(`snapshot unreadable before the test: ${frame.problem}`);
    const snapshot = JSON.parse(frame.payload) as { keys: unknown[] };
    for (const badEntry of [['has space', 1], ['k', -1], ['k', 1.5], ['x'.repeat(129), 1], ['k']]) {
      await writeFile(newest, encodeFrame(JSON.stringify({ ...snapshot, keys: [...snapshot.keys, badEntry] })));
      const { store: reopened, state, lines } = await openStore(dir);
      expect(cellsOf(state.cells), JSON.stringify(badEntry)).toEqual(expectedCells(batches));
      expect(lines.some((line) => line.includes('snapshot-00000002.snap is unreadable (keys: must be [idempotency key'))).toBe(true);
      await reopened.close();
    }
  });

  it('refuses to start, naming the file, when a journal it needs is missing', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    await store.commitReactions(batchOf(1));
    await store.compact();
    await store.commitReactions(batchOf(2));
    const crashed = await dirs.crashCopy(dir);
    await store.close();
    const { unlink } = await import('node:fs/promises');
    await unlink(join(crashed, 'snapshot-00000001.snap'));
    await unlink(join(crashed, 'journal-00000001.log'));
    await expect(openStore(crashed)).rejects.toThrow(/missing journal-00000001\.log/);
  });
});

describe('room like totals in the journal', () => {
  it('come back the highest per room after a restart, through the journal and through a snapshot', async () => {
    const dir = await dirs.make();
    const room = '7441000000000000001';
    let { store } = await openStore(dir);
    await store.commitReactions({ source: 'tiktok', cells: checkedCells([]), roomLikeTotals: [{ roomId: room, total: 5_000 }] });
    await store.compact(); // the first total is now in a snapshot, the next ones in the journal after it
    await store.commitReactions({ source: 'tiktok', cells: checkedCells([]), roomLikeTotals: [{ roomId: room, total: 5_120 }, { roomId: '42', total: 9 }] });
    await store.commitReactions({ source: 'tiktok', cells: checkedCells([]), roomLikeTotals: [{ roomId: room, total: 4_000 }] });
    await store.close();
    const reopened = await openStore(dir);
    expect(reopened.state.roomLikeTotals).toEqual({ [room]: 5_120, '42': 9 });
    await reopened.store.compact();
    await reopened.store.close();
    const fromSnapshot = await openStore(dir);
    expect(fromSnapshot.state.roomLikeTotals).toEqual({ [room]: 5_120, '42': 9 });
    await fromSnapshot.store.close();
  });
});
