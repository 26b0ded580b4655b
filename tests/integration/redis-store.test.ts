import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FollowedChange } from '../../src/feed/store/commit-follower.ts';
import { redisKeysFor } from '../../src/feed/store/redis-keys.ts';
import { RedisStore, type RedisStoreOptions } from '../../src/feed/store/redis-store.ts';
import { BatchRejectedError, StoreUnavailableError } from '../../src/feed/store/store.ts';
import { emptyTotals, type ReactionDelta } from '../../src/protocol/index.ts';
import { RedisServer } from './helpers/redis-server.ts';

let redis: RedisServer;
const stores: RedisStore[] = [];
let namespaces = 0;

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
afterAll(async () => {
  await redis?.destroy();
});

function freshKeys() {
  return redisKeysFor(`store-test-${namespaces++}`);
}

async function openStore(options: Partial<RedisStoreOptions> & Pick<RedisStoreOptions, 'keys'>, logs: string[] = []) {
  const store = new RedisStore({ url: redis.url, log: (line) => logs.push(line), ...options });
  stores.push(store);
  return { store, persisted: await store.open() };
}

const delta = (region: string, market: string, counts: Partial<ReactionDelta>): ReactionDelta => ({ ...emptyTotals(), region, market, ...counts });

async function rawRedis<T>(use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(redis.url);
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

describe('RedisStore', () => {
  it('gives a store that opens later every committed cell, the remembered keys and the settings', async () => {
    const keys = freshKeys();
    const { store, persisted } = await openStore({ keys });
    expect(persisted).toEqual({ cells: [], roomLikeTotals: {}, recentKeys: [], settings: {}, ledger: [], timeline: [] });
    expect(await store.commitReactions({ idempotencyKey: 'k1', source: 'test', deltas: [delta('noto', 'jp', { likes: 7 }), delta('noto', 'jp', { likes: 3, shares: 1 })] })).toEqual({
      status: 'committed',
      seq: 1,
    });
    expect(await store.commitReactions({ source: 'simulator', deltas: [delta('tohoku', 'us', { gifts: 2, giftDiamonds: 500 })] })).toEqual({ status: 'committed', seq: 2 });
    await store.putSetting('goal', { goalMinor: 123 });

    const { store: later, persisted: recovered } = await openStore({ keys });
    expect(recovered.cells.sort((a, b) => a.region.localeCompare(b.region))).toEqual([
      { region: 'noto', market: 'jp', totals: { ...emptyTotals(), likes: 10, shares: 1 } },
      { region: 'tohoku', market: 'us', totals: { ...emptyTotals(), gifts: 2, giftDiamonds: 500 } },
    ]);
    expect(recovered.recentKeys).toEqual(['k1']);
    expect(recovered.settings).toEqual({ goal: { goalMinor: 123 } });
    expect(later.openedAtSeq).toBe(3);
    expect(later.getSetting('goal')).toEqual({ goalMinor: 123 });
  });

  it('keeps the highest like total counted per TikTok room, with the commit that counted it', async () => {
    const keys = freshKeys();
    const { store } = await openStore({ keys });
    const room = '7441000000000000001';
    await store.commitReactions({ source: 'tiktok', deltas: [], roomLikeTotals: [{ roomId: room, total: 5_000 }] });
    await store.commitReactions({ source: 'tiktok', deltas: [delta('tohoku', 'jp', { likes: 120 })], roomLikeTotals: [{ roomId: room, total: 5_100 }, { roomId: room, total: 5_120 }] });
    // A late, lower total never lowers what was counted.
    await store.commitReactions({ source: 'tiktok', deltas: [], roomLikeTotals: [{ roomId: room, total: 4_000 }, { roomId: '9', total: 7 }] });
    const { persisted } = await openStore({ keys });
    expect(persisted.roomLikeTotals).toEqual({ [room]: 5_120, '9': 7 });
    expect(persisted.cells).toEqual([{ region: 'tohoku', market: 'jp', totals: { ...emptyTotals(), likes: 120 } }]);
  });

  it('refuses a batch that would take a campaign total past 2^53 - 1, counting nothing and taking no seq', async () => {
    const keys = freshKeys();
    const { store } = await openStore({ keys });
    await store.commitReactions({ source: 'test', deltas: [delta('noto', 'jp', { likes: Number.MAX_SAFE_INTEGER - 10 })] });
    const overflowing = store.commitReactions({ idempotencyKey: 'too-much', source: 'test', deltas: [delta('kumamoto', 'tw', { likes: 6, comments: 1 }), delta('noto', 'kr', { likes: 5 })] });
    await expect(overflowing).rejects.toThrow(BatchRejectedError);
    await expect(overflowing).rejects.toThrow(`likes: would take the campaign total beyond ${Number.MAX_SAFE_INTEGER}`);
    await expect(store.commitReactions({ source: 'test', deltas: [delta('noto', 'jp', { likes: -1 })] })).rejects.toThrow(BatchRejectedError);

    const { persisted } = await openStore({ keys });
    expect(persisted.cells).toEqual([{ region: 'noto', market: 'jp', totals: { ...emptyTotals(), likes: Number.MAX_SAFE_INTEGER - 10 } }]);
    expect(persisted.recentKeys).toEqual([]);
    expect(await store.currentSeq()).toBe(1);
    // The exact bound is still accepted: totals are exact up to it.
    expect(await store.commitReactions({ source: 'test', deltas: [delta('noto', 'jp', { likes: 10 })] })).toMatchObject({ status: 'committed' });
    expect(await rawRedis((client) => client.hget(keys.campaign, 'likes'))).toBe(String(Number.MAX_SAFE_INTEGER));
  });

  it('remembers idempotency keys within bounds: the oldest beyond maxKeys is forgotten and would count again', async () => {
    const keys = freshKeys();
    const { store } = await openStore({ keys, retention: { maxKeys: 3 } });
    for (const key of ['a', 'b', 'c', 'd']) await store.commitReactions({ idempotencyKey: key, source: 'test', deltas: [delta('noto', 'jp', { likes: 1 })] });
    expect(await rawRedis((client) => client.zrange(keys.idempotency, 0, -1))).toEqual(['b', 'c', 'd']);
    expect(await store.commitReactions({ idempotencyKey: 'd', source: 'test', deltas: [delta('noto', 'jp', { likes: 1 })] })).toEqual({ status: 'duplicate', seq: 4 });
    expect(await store.commitReactions({ idempotencyKey: 'a', source: 'test', deltas: [delta('noto', 'jp', { likes: 1 })] })).toEqual({ status: 'committed', seq: 5 });
  });

  it('hands every change to a follower in seq order, and resyncs from the totals when log entries are gone', async () => {
    const keys = freshKeys();
    const logs: string[] = [];
    const { store: reader } = await openStore({ keys }, logs);
    const { store: writer } = await openStore({ keys });
    const changes: FollowedChange[] = [];
    const follower = reader.follow((change) => changes.push(change));

    await writer.commitReactions({ source: 'test', deltas: [delta('noto', 'jp', { likes: 1 })] });
    await writer.putSetting('goal', { goalMinor: 9 });
    expect(await follower.reached(2, 5_000)).toBe(true);
    expect(changes).toEqual([
      { kind: 'reactions', seq: 1, cells: [{ region: 'noto', market: 'jp', totals: { ...emptyTotals(), likes: 1 } }] },
      { kind: 'setting', seq: 2, key: 'goal', value: { goalMinor: 9 } },
    ]);
    expect(reader.getSetting('goal')).toEqual({ goalMinor: 9 });

    // Entries 3 and 4 vanish from the log before the follower reads them (as trimming does to a node away too long).
    await rawRedis(async (client) => {
      await client.xtrim(keys.log, 'MAXLEN', 0);
      await client.set(keys.seq, '4');
      await client.hincrby(`${keys.cellPrefix}["noto","jp"]`, 'likes', 40);
    });
    await writer.commitReactions({ source: 'test', deltas: [delta('noto', 'jp', { likes: 2 })] });
    expect(await follower.reached(5, 5_000)).toBe(true);
    const resync = changes.at(-1);
    expect(resync).toMatchObject({ kind: 'resync', reason: 'log entries 3 to 4 are gone (trimmed while this node was not reading)', snapshot: { seq: 5 } });
    expect(resync?.kind === 'resync' && resync.snapshot.cells).toEqual([{ region: 'noto', market: 'jp', totals: { ...emptyTotals(), likes: 43 } }]);
  });

  it('fails a commit at once with StoreUnavailableError while Redis is away, and commits again once it is back', async () => {
    const keys = freshKeys();
    const logs: string[] = [];
    const { store } = await openStore({ keys }, logs);
    await redis.stop();
    try {
      await vi.waitFor(() => expect(logs.join('\n')).toMatch(/is unavailable/), { timeout: 10_000 });
      await expect(store.commitReactions({ idempotencyKey: 'away', source: 'test', deltas: [delta('noto', 'jp', { likes: 1 })] })).rejects.toThrow(StoreUnavailableError);
      await expect(store.putSetting('goal', { goalMinor: 1 })).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable/);
    } finally {
      await redis.start();
    }
    await vi.waitFor(() => expect(logs.join('\n')).toMatch(/is back after/), { timeout: 10_000 });
    expect(await store.commitReactions({ idempotencyKey: 'away', source: 'test', deltas: [delta('noto', 'jp', { likes: 1 })] })).toEqual({ status: 'committed', seq: 1 });
  });
});
