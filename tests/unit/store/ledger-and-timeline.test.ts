import { afterEach, describe, expect, it } from 'vitest';
import { BatchRejectedError } from '../../../src/feed/store/store.ts';
import { batchOf, makeTempDirs, openStore } from './store-helpers.ts';

const dirs = await makeTempDirs();
afterEach(() => dirs.removeAll());

const MINUTE = 60_000;

describe('the journal keeps the ledger and the per-minute timeline', () => {
  it('through compactions and restarts, with voids, duplicate keys answered with the first entry', async () => {
    const dir = await dirs.make();
    let clock = 1_700_000_000_000;
    const now = () => clock;
    let { store } = await openStore(dir, { now });
    const first = await store.commitLedger({ op: 'add', id: 'adj-00000000000a', key: 'k1', kind: 'matching', amountMinor: 500, region: null, reason: 'match' });
    expect(first).toMatchObject({ status: 'committed', entry: { at: clock } });
    await store.commitReactions(batchOf(1, 'r1'));
    clock += 2 * MINUTE;
    await store.commitReactions(batchOf(2, 'r2'));
    await store.compact();
    await store.commitLedger({ op: 'void', id: 'adj-00000000000a', key: 'k2', reason: 'withdrawn' });
    const retried = await store.commitLedger({ op: 'add', id: 'adj-00000000000b', key: 'k1', kind: 'matching', amountMinor: 500, region: null, reason: 'match' });
    expect(retried).toEqual({ status: 'duplicate', entry: first.entry });
    await expect(store.commitLedger({ op: 'void', id: 'adj-00000000000a', key: 'k3', reason: 'again' })).rejects.toThrow(BatchRejectedError);
    await expect(store.commitLedger({ op: 'void', id: 'adj-0000000000ff', key: 'k4', reason: 'unknown' })).rejects.toThrow(/adjustmentId: there is no adjustment/);
    const before = await store.read();
    await store.close();

    ({ store } = await openStore(dir, { now }));
    const after = await store.read();
    expect(after.ledger).toEqual(before.ledger);
    expect(after.ledger.map((entry) => entry.op)).toEqual(['add', 'void']);
    const minuteOf = (ms: number) => Math.floor(ms / MINUTE);
    expect(after.timeline.map((row) => row[0])).toEqual([minuteOf(clock - 2 * MINUTE), minuteOf(clock)]);
    // The timeline adds up to the totals, kind by kind.
    const likes = after.cells.reduce((sum, cell) => sum + cell.totals.likes, 0);
    expect(after.timeline.reduce((sum, row) => sum + row[1], 0)).toBe(likes);
    await store.close();
  });
});
