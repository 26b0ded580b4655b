import { describe, expect, it } from 'vitest';
import { TikTokStreamCounter } from '../../../src/feed/sources/tiktok/stream-counter.ts';
import type { TikTokEvent } from '../../../src/feed/sources/tiktok/tiktok-event.ts';
import { ReactionDelta } from '../../../src/protocol/index.ts';
import { FIXTURES, replay, TARGET, totals } from './replay.ts';

describe('TikTokStreamCounter replaying recorded sequences', () => {
  it('counts each streak once at repeatEnd as coins × repeats, and a non-streak gift at once', () => {
    const run = replay('gift-streaks');
    // Nothing counts while a streak is running, however high its repeatCount (the rose is at 5 from 1.7 s).
    expect(run.after(2_399)).toEqual(totals({}));
    expect(run.after(2_400)).toEqual(totals({ gifts: 5, giftDiamonds: 5 }));
    expect(run.after(2_600)).toEqual(totals({ gifts: 6, giftDiamonds: 5 + 29_999 }));
    // Rose 5 × 1, Doughnut 3 × 30, Lion 1 × 29,999, TikTok 1 × 1 (sent as repeatEnd 0 then 1: counted once).
    expect(run.totals).toEqual(totals({ gifts: 5 + 3 + 1 + 1, giftDiamonds: 5 + 90 + 29_999 + 1 }));
    expect(run.counter.stats.streaksTimedOut).toBe(0);
  });

  it('closes a streak whose repeatEnd is lost after the timeout, and a late end adds only unseen repeats', () => {
    const run = replay('lost-repeat-end');
    expect(run.after(10_000)).toEqual(totals({}));
    // Heart last seen at 1.3 s: silent 15 s at 16.3 s, closed by the sweep at 17 s; rose (2.3 s) at 18 s.
    expect(run.after(16_999)).toEqual(totals({}));
    expect(run.after(17_000)).toEqual(totals({ gifts: 4, giftDiamonds: 4 * 5 }));
    expect(run.after(18_000)).toEqual(totals({ gifts: 4 + 4, giftDiamonds: 20 + 4 }));
    expect(run.after(20_000)).toEqual(totals({ gifts: 8, giftDiamonds: 24 }));
    // The rose streak went on to 6 after the timeout counted 4: 2 more, never 6 more.
    expect(run.totals).toEqual(totals({ gifts: 4 + 6, giftDiamonds: 20 + 6 }));
    expect(run.counter.stats.streaksTimedOut).toBe(2);
  });

  it('honours a configured streak timeout', () => {
    const run = replay('lost-repeat-end', { streakTimeoutMs: 7_000 });
    // Heart last seen at 1.3 s and rose at 2.3 s: both silent for 7 s or more by the sweep at 10 s.
    expect(run.after(10_000)).toEqual(totals({ gifts: 8, giftDiamonds: 24 }));
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
    // "sent while we were connecting" (2 s before) and "live comment"; likes rose 120,000 → 120,050.
    expect(run.totals).toEqual(totals({ comments: 2, likes: 50 }));
    // 4 messages before "connected", a comment and a gift created a minute before it.
    expect(run.counter.stats).toMatchObject({ counted: 4, backlog: 6, duplicates: 0, malformed: 0, likeTotal: 120_050, clockOffsetMs: 0 });
  });

  it('treats the backlog tolerance as configurable', () => {
    const run = replay('connect-backlog', { backlogToleranceMs: 0 });
    expect(run.totals).toEqual(totals({ comments: 1, likes: 50 }));
  });

  it('survives a stream that ends and comes back, and a dropped socket that reconnects', () => {
    const run = replay('stream-ends-and-returns');
    // Likes 1,000 → 1,200 in the first LIVE, the streak open at the end counted 3 (at 3 s).
    expect(run.after(3_000)).toEqual(totals({ likes: 200, gifts: 3, giftDiamonds: 3 }));
    // The new LIVE (new room) counts from 0: 80, then 95, released 2 s after it connected.
    expect(run.after(602_000)).toEqual(totals({ likes: 200 + 95, comments: 1, gifts: 3, giftDiamonds: 3 }));
    // After the reconnect to the same room, 90 is stale; 130 adds 35. The comment sent while disconnected is dropped.
    expect(run.totals).toEqual(totals({ likes: 200 + 95 + 35, comments: 1, gifts: 3, giftDiamonds: 3 }));
    expect(run.counter.roomId).toBe('7441000000000000777');
    expect(run.counter.stats.backlog).toBe(1);
  });

  it('counts likes as increases of the room total: batches, repeats, a stale lower value and a "0"', () => {
    const run = replay('like-batches');
    expect(run.totals).toEqual(totals({ likes: 15 + 25 + 60 + 1 }));
    expect(run.counter.viewers).toBe(1523);
    expect(run.counter.stats.likeTotal).toBe(5101);
  });

  it('emits only valid deltas for the stream’s region and market', () => {
    for (const name of FIXTURES) {
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

describe('TikTokStreamCounter whatever the local clock says', () => {
  // What each fixture must count, whatever the clock: the same figures as the tests above.
  const expected: Record<(typeof FIXTURES)[number], Partial<ReturnType<typeof totals>>> = {
    'connect-backlog': { comments: 2, likes: 50 },
    duplicates: { comments: 3, gifts: 3, giftDiamonds: 30_059, shares: 1 },
    'gift-streaks': { gifts: 10, giftDiamonds: 30_095 },
    'like-batches': { likes: 101 },
    'lost-repeat-end': { gifts: 10, giftDiamonds: 26 },
    'stream-ends-and-returns': { likes: 330, comments: 1, gifts: 3, giftDiamonds: 3 },
  };

  for (const shiftMs of [-240_000, -30_000, 30_000, 240_000]) {
    it(`counts every fixture the same with the local clock ${shiftMs / 1000} s off`, () => {
      for (const name of FIXTURES) {
        const run = replay(name, {}, shiftMs);
        expect(run.totals, name).toEqual(totals(expected[name]));
        expect(run.counter.stats.clockOffsetMs, name).toBe(shiftMs);
        const onTime = replay(name).counter.stats;
        expect({ ...run.counter.stats, lastEventAt: 0, clockOffsetMs: 0 }, name).toEqual({ ...onTime, lastEventAt: 0, clockOffsetMs: 0 });
      }
    });
  }
});

describe('TikTokStreamCounter inputs', () => {
  const T0 = 1_732_500_000_000;
  function connectedCounter(options: { memory?: number } = {}) {
    const logged: string[] = [];
    // No settle window: these tests are about reading payloads, not about the connect backlog.
    const counter = new TikTokStreamCounter(TARGET, { now: () => T0, settleMs: 0, log: (message) => logged.push(message), ...options });
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
      { type: 'gift', data: { repeatCount: 1, gift: { type: 1, diamondCount: -5 } } },
      { type: 'gift', data: { repeatCount: 1.5, gift: { type: 2, diamondCount: 1 } } },
      { type: 'chat', data: { common: { createTime: 'yesterday' } } },
    ];
    for (const event of bad) expect(counter.handle(event as TikTokEvent)).toBeNull();
    expect(counter.stats.malformed).toBe(bad.length);
    expect(logged).toHaveLength(10); // the first ten are logged one by one, then one line per hundred
    expect(logged[3]).toMatch(/tiktok tohoku\/jp: ignored a malformed "gift" event \(4 so far\): data: /);
    expect(logged[8]).toMatch(/"gift" event \(9 so far\): data\.gift\.diamondCount/);
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

  const giftMessage = (msgId: string, repeatCount: number, repeatEnd: 0 | 1, gift?: Record<string, unknown>, extra: Record<string, unknown> = {}): TikTokEvent => ({
    type: 'gift',
    data: { common: { msgId, createTime: String(T0) }, user: { id: '6900000000000000009' }, giftId: '5655', groupId: '1732500001000077', repeatCount, repeatEnd, ...(gift ? { gift } : {}), ...extra },
  });

  it('counts a streak whose gift type is 0 or absent once, at its end, by combo and rising repeatCount', () => {
    const { counter } = connectedCounter();
    const typeZero = { type: 0, diamondCount: 1, combo: true };
    const events = [
      giftMessage('z1', 1, 0, typeZero),
      giftMessage('z2', 2, 0, typeZero),
      giftMessage('z3', 3, 0, { diamondCount: 1 }), // type absent altogether
      giftMessage('z4', 3, 1, typeZero),
    ];
    const deltas = events.map((event) => counter.handle(event));
    // Counted as one streak of 3 at its end: not 1 + 2 + 3 + 3 = 9, as counting each message at once would.
    expect(deltas.slice(0, 3)).toEqual([null, null, null]);
    expect(sum(deltas)).toEqual(totals({ gifts: 3, giftDiamonds: 3 }));
  });

  it('counts nothing for a finishing frame re-sent under a fresh msgId, streak or not', () => {
    const { counter } = connectedCounter();
    const rose = { type: 1, diamondCount: 1 };
    const lion = { type: 2, diamondCount: 29_999 };
    const deltas = [
      giftMessage('e1', 1, 0, rose),
      giftMessage('e2', 4, 1, rose),
      giftMessage('e3', 4, 1, rose), // the end again, fresh id
      { ...giftMessage('e4', 1, 0, lion), data: { ...(giftMessage('e4', 1, 0, lion).data as object), giftId: '6369', groupId: '1732500002000001' } },
      { ...giftMessage('e5', 1, 0, lion), data: { ...(giftMessage('e5', 1, 0, lion).data as object), giftId: '6369', groupId: '1732500002000001' } },
    ].map((event) => counter.handle(event as TikTokEvent));
    expect(sum(deltas)).toEqual(totals({ gifts: 4 + 1, giftDiamonds: 4 + 29_999 }));
    expect(counter.stats.duplicates).toBe(0); // fresh ids: caught by the streak memory, not the id memory
  });

  it('prices a gift without details from the room gift list, an earlier message or extendedGiftInfo; else counts it as value unknown', () => {
    const logged: string[] = [];
    const counter = new TikTokStreamCounter(TARGET, { now: () => T0, settleMs: 0, log: (message) => logged.push(message) });
    counter.handle({ type: 'connected', data: { roomId: '1', availableGifts: [{ id: '5879', name: 'Doughnut', diamond_count: 30 }, { id: 'bad' }] } });
    const noDetails = (msgId: string, giftId: string, extra: Record<string, unknown> = {}): TikTokEvent => ({
      type: 'gift',
      data: { common: { msgId, createTime: String(T0) }, user: { id: '42' }, giftId, groupId: `g-${msgId}`, repeatCount: 2, repeatEnd: 1, ...extra },
    });
    const deltas = [
      counter.handle(noDetails('d1', '5879')), // in the room's gift list: 2 × 30
      counter.handle(giftMessage('d2', 1, 1, { type: 1, diamondCount: 1 })), // Rose with details: learnt
      counter.handle(noDetails('d3', '5655')), // Rose again, no details: 2 × 1
      counter.handle(noDetails('d4', '7934', { extendedGiftInfo: { id: 7934, diamond_count: 199 } })), // 2 × 199
      counter.handle(noDetails('d5', '9999')), // nobody knows its price
    ];
    expect(sum(deltas)).toEqual(totals({ gifts: 2 + 1 + 2 + 2, giftDiamonds: 60 + 1 + 2 + 398 }));
    expect(counter.stats).toMatchObject({ giftsValueUnknown: 2, malformed: 0 });
    expect(logged).toEqual([expect.stringMatching(/^tiktok tohoku\/jp: 2 gift\(s\) of unknown price not counted \(2 so far\)/)]);
  });

  it('goes on from the like total an earlier run counted in the same room (kept in the store), and marks each new maximum', () => {
    const counter = new TikTokStreamCounter(TARGET, { now: () => T0, settleMs: 0, countedLikes: (roomId) => (roomId === '7441' ? 5_000 : undefined) });
    const like = (msgId: string, total: number): TikTokEvent => ({ type: 'like', data: { common: { msgId, createTime: String(T0) }, count: 1, total: String(total) } });
    counter.handle({ type: 'connected', data: { roomId: '7441' } });
    // 5,000 counted before the restart; the room stood at 5,600 when we came back: 600 made while down, once.
    expect(counter.handle(like('k1', 5_600))?.likes).toBe(600);
    expect(counter.takeLikeMark()).toEqual({ roomId: '7441', total: 5_600 });
    expect(counter.handle(like('k2', 5_400))).toBeNull();
    expect(counter.takeLikeMark()).toBeNull();
    // A new LIVE after one we watched counts from 0.
    counter.handle({ type: 'connected', data: { roomId: '9000' } });
    expect(counter.handle(like('k3', 70))?.likes).toBe(70);
    expect(counter.takeLikeMark()).toEqual({ roomId: '9000', total: 70 });
    // The first room of a fresh feed the store does not know: its first total is a baseline, marked too.
    const fresh = new TikTokStreamCounter(TARGET, { now: () => T0, settleMs: 0 });
    fresh.handle({ type: 'connected', data: { roomId: '1234' } });
    expect(fresh.handle(like('k4', 8_000))).toBeNull();
    expect(fresh.takeLikeMark()).toEqual({ roomId: '1234', total: 8_000 });
  });

  it('refuses nonsensical options with a message naming the option', () => {
    expect(() => new TikTokStreamCounter(TARGET, { now: Date.now, streakTimeoutMs: -1 })).toThrow(/streakTimeoutMs must be a whole number >= 1, got -1/);
    expect(() => new TikTokStreamCounter(TARGET, { now: Date.now, memory: 0 })).toThrow(/memory must be a whole number >= 1/);
  });
});
