import { describe, expect, it } from 'vitest';
import { TikTokStreamCounter } from '../../../src/feed/sources/tiktok/stream-counter.ts';
import type { TikTokEvent } from '../../../src/feed/sources/tiktok/tiktok-event.ts';
import { ReactionDelta } from '../../../src/protocol/index.ts';
import { replay, TARGET, totals } from './replay.ts';

describe('TikTokStreamCounter replaying recorded sequences', () => {
  it('counts each streak once at repeatEnd as diamonds × repeats, and a non-streak gift at once', () => {
    const run = replay('gift-streaks');
    // Nothing counts while a streak is running, however high its repeatCount.
    expect(run.at.get('rose streak at 5, not ended')).toEqual(totals({}));
    expect(run.at.get('rose streak ended')).toEqual(totals({ gifts: 5, giftDiamonds: 5 }));
    expect(run.at.get('lion')).toEqual(totals({ gifts: 6, giftDiamonds: 5 + 29_999 }));
    // Rose 5 × 1, Doughnut 3 × 30, Lion 1 × 29,999, TikTok 1 × 1 (sent as repeatEnd 0 then 1: counted once).
    expect(run.totals).toEqual(totals({ gifts: 5 + 3 + 1 + 1, giftDiamonds: 5 + 90 + 29_999 + 1 }));
    expect(run.counter.stats.streaksTimedOut).toBe(0);
  });

  it('closes a streak whose repeatEnd is lost after the timeout, and a late end adds only unseen repeats', () => {
    const run = replay('lost-repeat-end');
    expect(run.at.get('10 s: nothing silent long enough')).toEqual(totals({}));
    expect(run.at.get('1 ms before the heart streak times out')).toEqual(totals({}));
    expect(run.at.get('heart streak timed out')).toEqual(totals({ gifts: 4, giftDiamonds: 4 * 5 }));
    expect(run.at.get('rose streak timed out')).toEqual(totals({ gifts: 4 + 4, giftDiamonds: 20 + 4 }));
    expect(run.at.get('late heart end, nothing new')).toEqual(totals({ gifts: 8, giftDiamonds: 24 }));
    // The rose streak went on to 6 after the timeout counted 4: 2 more, never 6 more.
    expect(run.totals).toEqual(totals({ gifts: 4 + 6, giftDiamonds: 20 + 6 }));
    expect(run.counter.stats.streaksTimedOut).toBe(2);
  });

  it('honours a configured streak timeout', () => {
    const run = replay('lost-repeat-end', { streakTimeoutMs: 7_000 });
    // Heart last seen at 1.3 s and rose at 2.3 s: both silent for 7 s or more by the sweep at 10 s.
    expect(run.at.get('10 s: nothing silent long enough')).toEqual(totals({ gifts: 8, giftDiamonds: 24 }));
    expect(run.totals).toEqual(totals({ gifts: 10, giftDiamonds: 26 }));
  });

  it('drops messages delivered twice with the same msgId', () => {
    const run = replay('duplicates');
    // Comments: 2 distinct + "ありがとう"; Lion once; one share; the Doughnut streak's end twice → 2 × 30 once.
    expect(run.totals).toEqual(totals({ comments: 3, gifts: 1 + 2, giftDiamonds: 29_999 + 60, shares: 1 }));
    expect(run.counter.stats.duplicates).toBe(4);
  });

  it('drops the backlog replayed at connect, keeps messages from the seconds spent connecting', () => {
    const run = replay('connect-backlog');
    expect(run.at.get('a replayed comment')).toEqual(totals({}));
    expect(run.at.get('baseline')).toEqual(totals({ comments: 1 }));
    // "sent while we were connecting" (2 s before) and "live comment"; likes rose 120,000 → 120,050.
    expect(run.totals).toEqual(totals({ comments: 2, likes: 50 }));
    // 4 messages before "connected", a comment and a gift created a minute before it.
    expect(run.counter.stats.backlog).toBe(6);
  });

  it('treats the backlog tolerance as configurable', () => {
    const run = replay('connect-backlog', { backlogToleranceMs: 0 });
    expect(run.totals).toEqual(totals({ comments: 1, likes: 50 }));
  });

  it('survives a stream that ends and comes back, and a dropped socket that reconnects', () => {
    const run = replay('stream-ends-and-returns');
    // Likes 1,000 → 1,200 in the first LIVE; the new LIVE (new room) counts from 0: 80, then 95.
    expect(run.at.get('first like of the new LIVE')).toEqual(totals({ likes: 200 + 80, gifts: 3, giftDiamonds: 3 }));
    // After the reconnect to the same room, 90 is stale; 130 adds 35. The streak open at the end counted 3.
    // The comment sent while disconnected is not seen live: dropped.
    expect(run.at.get('stale total after the reconnect')).toEqual(totals({ likes: 295, comments: 1, gifts: 3, giftDiamonds: 3 }));
    expect(run.totals).toEqual(totals({ likes: 200 + 95 + 35, comments: 1, gifts: 3, giftDiamonds: 3 }));
    expect(run.counter.roomId).toBe('7441000000000000777');
  });

  it('counts likes as increases of the room total: batches, repeats, a stale lower value and a "0"', () => {
    const run = replay('like-batches');
    expect(run.at.get('baseline')).toEqual(totals({}));
    expect(run.at.get('stale')).toEqual(totals({ likes: 15 + 25 }));
    expect(run.totals).toEqual(totals({ likes: 15 + 25 + 60 + 1 }));
    expect(run.counter.viewers).toBe(1523);
  });

  it('emits only valid deltas for the stream’s region and market', () => {
    for (const name of ['gift-streaks', 'lost-repeat-end', 'duplicates', 'connect-backlog', 'stream-ends-and-returns', 'like-batches']) {
      const run = replay(name);
      expect(run.deltas.length).toBeGreaterThan(0);
      for (const delta of run.deltas) {
        expect(ReactionDelta.parse(delta)).toEqual(delta);
        expect([delta.region, delta.market]).toEqual([TARGET.region, TARGET.market]);
      }
      expect(run.logged).toEqual([]);
    }
  });
});

describe('TikTokStreamCounter inputs', () => {
  const T0 = 1_732_500_000_000;
  function connectedCounter(options: { memory?: number } = {}) {
    const logged: string[] = [];
    const counter = new TikTokStreamCounter(TARGET, { now: () => T0, log: (message) => logged.push(message), ...options });
    counter.handle({ type: 'connected', data: { roomId: '1' } });
    return { counter, logged };
  }
  const sum = (deltas: (ReactionDelta | null)[]) =>
    deltas.reduce(
      (acc, d) => (d ? { likes: acc.likes + d.likes, comments: acc.comments + d.comments, gifts: acc.gifts + d.gifts, giftDiamonds: acc.giftDiamonds + d.giftDiamonds, shares: acc.shares + d.shares } : acc),
      totals({}),
    );

  it('also accepts the 1.x spellings the library README documents', () => {
    const { counter, logged } = connectedCounter();
    const events: TikTokEvent[] = [
      { type: 'like', data: { msgId: 'a1', createTime: String(T0), likeCount: 5, totalLikeCount: 100 } },
      { type: 'like', data: { msgId: 'a2', createTime: String(T0), likeCount: 7, totalLikeCount: 107 } },
      { type: 'gift', data: { msgId: 'a3', userId: 'u1', giftId: 5655, giftType: 1, diamondCount: 1, repeatCount: 2, repeatEnd: false } },
      { type: 'gift', data: { msgId: 'a4', userId: 'u1', giftId: 5655, giftType: 1, diamondCount: 1, repeatCount: 3, repeatEnd: true } },
      { type: 'gift', data: { msgId: 'a5', userId: 'u2', giftId: 1, giftDetails: { giftType: 2, diamondCount: 99 }, repeatCount: 1, repeatEnd: false } },
      { type: 'chat', data: { msgId: 'a6', comment: 'hello' } },
      { type: 'social', data: { msgId: 'a7', displayType: 'pm_mt_guidance_share' } },
      { type: 'social', data: { msgId: 'a8', displayType: 'pm_main_follow_message_viewer_2' } },
      { type: 'roomUser', data: { viewerCount: 42 } },
    ];
    expect(sum(events.map((event) => counter.handle(event)))).toEqual(totals({ likes: 7, gifts: 3 + 1, giftDiamonds: 3 + 99, comments: 1, shares: 1 }));
    expect(counter.viewers).toBe(42);
    expect(logged).toEqual([]);
  });

  it('counts a "social" message as a share only when the library’s display key says share', () => {
    const { counter } = connectedCounter();
    const social = (msgId: string, key: string): TikTokEvent => ({ type: 'social', data: { common: { msgId, createTime: String(T0), displayText: { key } } } });
    const deltas = [counter.handle(social('s1', 'pm_mt_guidance_share')), counter.handle(social('s2', 'pm_main_follow_message_viewer_2'))];
    expect(sum(deltas)).toEqual(totals({ shares: 1 }));
  });

  it('logs and ignores malformed events, never throws, and keeps counting afterwards', () => {
    const { counter, logged } = connectedCounter();
    const bad: unknown[] = [
      null,
      42,
      'like',
      { type: 'gift' },
      { type: 'follow', data: {} },
      { type: 'like', data: { common: { msgId: 'b1' } } },
      { type: 'like', data: { total: 'lots' } },
      { type: 'like', data: { total: '99999999999999999999' } },
      { type: 'gift', data: { common: { msgId: 'b2' }, repeatCount: 1, gift: { name: 'Rose' } } },
      { type: 'gift', data: { repeatCount: 1, gift: { type: 1, diamondCount: -5 } } },
      { type: 'gift', data: { repeatCount: 1.5, gift: { type: 2, diamondCount: 1 } } },
      { type: 'chat', data: { common: { createTime: 'yesterday' } } },
    ];
    for (const event of bad) expect(counter.handle(event as TikTokEvent)).toBeNull();
    expect(counter.stats.malformed).toBe(bad.length);
    expect(logged).toHaveLength(10); // the first ten are logged one by one, then one line per hundred
    expect(logged[3]).toMatch(/tiktok tohoku\/jp: ignored a malformed "gift" event \(4 so far\): data: /);
    expect(logged[8]).toMatch(/gift: a gift needs its type and diamond value/);
    const good = counter.handle({ type: 'gift', data: { common: { msgId: 'ok' }, repeatCount: 1, gift: { type: 2, diamondCount: 10 } } });
    expect(good).toEqual({ region: 'tohoku', market: 'jp', likes: 0, comments: 0, gifts: 1, giftDiamonds: 10, shares: 0 });
  });

  it('remembers a bounded number of message ids: the oldest is forgotten first', () => {
    const { counter } = connectedCounter({ memory: 3 });
    const chat = (msgId: string): TikTokEvent => ({ type: 'chat', data: { common: { msgId, createTime: String(T0) } } });
    const counted = ['m1', 'm2', 'm1', 'm3', 'm4', 'm2', 'm1'].map((id) => counter.handle(chat(id))?.comments ?? 0);
    // m1 is a duplicate while remembered; m4 pushes it out (the oldest of 3), so it counts again at the
    // end, while m2, still among the 3 most recent ids, is still a duplicate.
    expect(counted).toEqual([1, 1, 0, 1, 1, 0, 1]);
  });

  it('counts a new streak that reuses a finished streak’s key (no groupId) in full', () => {
    const { counter } = connectedCounter();
    const rose = (msgId: string, repeatCount: number, repeatEnd: number): TikTokEvent => ({
      type: 'gift',
      data: { common: { msgId }, user: { id: 'u1' }, giftId: '5655', groupId: '0', repeatCount, repeatEnd, gift: { type: 1, diamondCount: 1 } },
    });
    const deltas = [rose('r1', 1, 0), rose('r2', 2, 0), rose('r3', 2, 1), rose('r4', 1, 0), rose('r5', 1, 1)].map((event) => counter.handle(event));
    expect(sum(deltas)).toEqual(totals({ gifts: 3, giftDiamonds: 3 }));
  });

  it('refuses nonsensical options with a message naming the option', () => {
    expect(() => new TikTokStreamCounter(TARGET, { now: Date.now, streakTimeoutMs: -1 })).toThrow(/streakTimeoutMs must be a whole number >= 1, got -1/);
    expect(() => new TikTokStreamCounter(TARGET, { now: Date.now, memory: 0 })).toThrow(/memory must be a whole number >= 1/);
  });
});
