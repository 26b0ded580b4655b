import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignServerGate } from '../../../../../src/feed/sources/tiktok/sign-server-gate.ts';
import { TikTokSource, type TikTokSourceOptions } from '../../../../../src/feed/sources/tiktok/tiktok-source.ts';
import { REACTION_KINDS, StreamConfig, StreamConnectionStatus, type ReactionDelta } from '../../../../../src/protocol/index.ts';
import { FakeLibrary, FakeLiveConnection, HTTPError, InvalidResponseCompositeError, InvalidResponseError, InvalidUniqueIdError, SignatureRateLimitError, UserOfflineError } from './library-double.ts';
import { loadFixture, T0, totals } from './replay.ts';

const ROOM = '7441000000000000001';
const NEXT_ROOM = '7441000000000000777';
const STREAM = StreamConfig.parse({ uniqueId: '@locallove_tohoku', region: 'tohoku', market: 'jp', label: 'Sendai stage' });

const running: TikTokSource[] = [];

function startSource(library: FakeLibrary, options: TikTokSourceOptions = {}, stream = STREAM) {
  const deltas: ReactionDelta[] = [];
  const statuses: StreamConnectionStatus[] = [];
  const logged: string[] = [];
  // random 0: no jitter, so every wait is exactly the policy's. No settle window unless a test asks for
  // one: messages then count the moment they arrive, which keeps these tests about the connection.
  const source = new TikTokSource(stream, { openConnection: library.open, random: () => 0, settleMs: 0, log: (message) => logged.push(message), ...options });
  source.onStatus((status) => statuses.push(status));
  source.start((delta) => deltas.push(delta));
  running.push(source);
  const sum = () => {
    const sums = totals({});
    for (const delta of deltas) for (const kind of REACTION_KINDS) sums[kind] += delta[kind];
    return sums;
  };
  return { source, deltas, statuses, logged, sum };
}

/** The states a producer saw change, one entry per change of state (other fields change in between). */
const statesOf = (statuses: StreamConnectionStatus[]) => statuses.map((s) => s.state).filter((state, i, all) => state !== all[i - 1]);

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const advanceTo = (at: number) => vi.advanceTimersByTimeAsync(Math.max(0, T0 + at - Date.now()));

const like = (msgId: string, total: number) => ({ common: { msgId, createTime: String(Date.now()) }, count: 1, total: String(total) });
const rose = (msgId: string, repeatCount: number, repeatEnd: 0 | 1) => ({
  common: { msgId, createTime: String(Date.now()) },
  user: { id: '6900000000000000001' },
  giftId: '5655',
  groupId: '99',
  repeatCount,
  repeatEnd,
  gift: { type: 1, diamondCount: 1 },
});

/** Pushes a recorded fixture through a library connection at the recorded times (its own "connected" aside). */
async function playThrough(connection: FakeLiveConnection, name: string): Promise<void> {
  for (const event of loadFixture(name)) {
    await advanceTo(event.at - T0);
    if (event.event !== 'connected') connection.push(event.event, event.data);
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.stop()));
  vi.useRealTimers();
});

describe('TikTokSource with a library connection', () => {
  it('connects, shows the room, and counts what the library emits exactly as the counter does', async () => {
    const library = new FakeLibrary();
    const { source, sum, statuses } = startSource(library, { settleMs: 2_000 });
    await advance(0);
    expect(library.opened.map((c) => c.uniqueId)).toEqual(['locallove_tohoku']);
    expect(source.status).toMatchObject({ state: 'connected', roomId: ROOM, region: 'tohoku', market: 'jp', label: 'Sendai stage', lastError: null });
    expect(statesOf(statuses)).toEqual(['connecting', 'connected']);
    expect(StreamConnectionStatus.parse(source.status)).toEqual(source.status);

    await playThrough(library.last, 'gift-streaks');
    expect(sum()).toEqual(totals({ gifts: 10, giftDiamonds: 30_095 }));
  });

  it('closes a streak that lost its repeatEnd on its own sweep timer', async () => {
    const library = new FakeLibrary();
    const { sum } = startSource(library, { settleMs: 2_000 });
    await advance(0);
    await playThrough(library.last, 'lost-repeat-end');
    expect(sum()).toEqual(totals({ gifts: 10, giftDiamonds: 26 }));
  });

  it('reconnects after a drop with capped exponential backoff and carries the room’s like total over', async () => {
    const library = new FakeLibrary();
    const { source, sum, statuses } = startSource(library);
    await advance(0);
    library.last.push('like', like('l1', 1_000));
    library.last.push('like', like('l2', 1_010));

    library.script(new Error('Timed out whilst connecting to WebSocket'), new Error('socket hang up'), { roomId: ROOM });
    library.last.drop();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const status = source.status;
      expect(status.state).toBe('reconnecting');
      waits.push(status.nextAttemptAt! - Date.now());
      await advance(waits.at(-1)!);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    expect(source.status).toMatchObject({ state: 'connected', failures: 3, lastError: 'socket hang up' });
    expect(statesOf(statuses)).toEqual(['connecting', 'connected', 'reconnecting', 'connecting', 'reconnecting', 'connecting', 'reconnecting', 'connecting', 'connected']);

    // Same room: the total went on rising while we were away, and those likes count.
    library.last.push('like', like('l3', 1_050));
    expect(sum()).toEqual(totals({ likes: 50 }));
    expect(library.opened).toHaveLength(4);
  });

  it('starts over from 1 s once a connection has stayed up for 30 s', async () => {
    const library = new FakeLibrary();
    const { source } = startSource(library);
    await advance(0);
    library.last.drop();
    expect(source.status.nextAttemptAt! - Date.now()).toBe(1_000);
    await advance(1_000);
    library.last.drop();
    expect(source.status.nextAttemptAt! - Date.now()).toBe(2_000);
    await advance(2_000);
    await advance(30_000);
    library.last.drop();
    expect(source.status.nextAttemptAt! - Date.now()).toBe(1_000);
  });

  it('waits at least a minute, or the Retry-After, on a sign-server rate limit, and holds back every stream sharing the gate', async () => {
    const gate = new SignServerGate();
    const first = new FakeLibrary([new SignatureRateLimitError(0), new SignatureRateLimitError(300_000)]);
    const second = new FakeLibrary();
    const a = startSource(first, { gate });
    const b = startSource(second, { gate, startDelayMs: 2_000 }, StreamConfig.parse({ uniqueId: 'locallove_kumamoto', region: 'kumamoto', market: 'tw' }));
    await advance(0);
    expect(a.source.status).toMatchObject({ state: 'reconnecting', nextAttemptAt: T0 + 60_000 });
    expect(a.source.status.lastError).toMatch(/^SignatureRateLimitError: \[Rate Limited\]/);

    await advance(2_000);
    expect(second.opened).toHaveLength(0);
    expect(b.source.status).toMatchObject({ state: 'reconnecting', nextAttemptAt: T0 + 60_000, lastError: 'waiting: the sign server is rate limiting this feed' });

    await advanceTo(60_000);
    // The second rate limit in a row would wait 2 min; the server asked for 5.
    expect(a.source.status).toMatchObject({ state: 'reconnecting', nextAttemptAt: T0 + 60_000 + 300_000 });
    expect(b.source.status.state).toBe('reconnecting');
    expect(second.opened).toHaveLength(0);

    await advanceTo(360_000);
    expect(a.source.status.state).toBe('connected');
    expect(b.source.status.state).toBe('connected');
    expect(a.logged.some((line) => /tiktok:@locallove_tohoku: reconnecting, next attempt in 300 s/.test(line))).toBe(true);
  });

  it('shows a user who is not live as ended and looks again every 30 s', async () => {
    const library = new FakeLibrary([new UserOfflineError("The requested user isn't online :("), new UserOfflineError("The requested user isn't online :(")]);
    const { source } = startSource(library);
    await advance(0);
    expect(source.status).toMatchObject({ state: 'ended', nextAttemptAt: T0 + 30_000, lastError: 'not live (checked on TikTok without the sign server)' });
    // Asked on the unsigned path: connect(), which signs, was never called.
    expect(library.opened.map((c) => [c.isLiveCalls, c.connected])).toEqual([[1, false]]);
    await advance(30_000);
    expect(source.status).toMatchObject({ state: 'ended', nextAttemptAt: T0 + 60_000 });
    await advance(30_000);
    expect(source.status.state).toBe('connected');
    expect(library.opened).toHaveLength(3);
  });

  it('waits for a daily sign-server limit to reset, not a minute, and holds every stream back until then', async () => {
    const resetAt = T0 + 6 * 3_600_000; // the limit resets in 6 hours (X-RateLimit-Reset)
    const gate = new SignServerGate();
    const first = new FakeLibrary([new SignatureRateLimitError(0, 'Daily limit reached.', resetAt, 'day')]);
    const second = new FakeLibrary();
    const a = startSource(first, { gate });
    const b = startSource(second, { gate, startDelayMs: 2_000 }, StreamConfig.parse({ uniqueId: 'locallove_kumamoto', region: 'kumamoto', market: 'tw' }));
    await advance(0);
    expect(a.source.status).toMatchObject({ state: 'reconnecting', nextAttemptAt: resetAt });
    expect(a.source.status.lastError).toMatch(/\(day\) Too many connections started/);
    await advanceTo(resetAt - T0 - 1);
    expect(first.opened).toHaveLength(1);
    expect(second.opened).toHaveLength(0);
    await advanceTo(resetAt - T0);
    expect(a.source.status.state).toBe('connected');
    expect(b.source.status.state).toBe('connected');
  });

  it('backs off as for a rate limit when TikTok’s 429 hides inside a failed room-id lookup', async () => {
    const lookup = new InvalidResponseCompositeError([
      new HTTPError(429, 'Too Many Requests'),
      new InvalidResponseError({ routeId: 'fetchRoomIdRoute' }, 'Failed to extract Room ID from API.'),
    ]);
    const library = new FakeLibrary([lookup]);
    const { source } = startSource(library);
    await advance(0);
    // A minute (the rate-limit backoff), not the 1 s of an ordinary failure.
    expect(source.status).toMatchObject({ state: 'reconnecting', nextAttemptAt: T0 + 60_000, lastError: 'InvalidResponseCompositeError: Failed to retrieve Room ID from all sources.' });
    await advance(59_999);
    expect(library.opened).toHaveLength(1);
    await advance(1);
    expect(source.status.state).toBe('connected');
  });

  it('marks a connection that went silent while TikTok says the LIVE is on as stalled, logs it, and reconnects', async () => {
    const library = new FakeLibrary();
    const { source, sum, statuses, logged } = startSource(library, { stallAfterMs: 20_000 });
    await advance(0);
    const silent = library.last;
    silent.push('like', like('s1', 700));
    silent.push('like', like('s2', 750));
    await advance(19_000);
    expect(source.status.state).toBe('connected');
    expect(silent.isLiveCalls).toBe(1); // the check before joining
    await advance(1_000);
    // 20 s without an event: asked (unsigned), still live, so the socket is dead: replaced.
    expect(silent.isLiveCalls).toBe(2);
    expect(source.status).toMatchObject({ state: 'stalled', stalls: 1, nextAttemptAt: Date.now() + 1_000 });
    expect(logged).toContain('tiktok:@locallove_tohoku: stalled: no event for 20 s while TikTok says the LIVE is on; reconnecting');
    expect(silent.disconnectCalls).toBe(1);
    await advance(1_000);
    expect(source.status).toMatchObject({ state: 'connected', stalls: 1 });
    expect(statesOf(statuses)).toEqual(['connecting', 'connected', 'stalled', 'connecting', 'connected']);
    // The room's total went on: the likes made while the socket was silent count once.
    library.last.push('like', like('s3', 900));
    expect(sum()).toEqual(totals({ likes: 50 + 150 }));
  });

  it('replaces a silent connection too when TikTok does not answer whether the LIVE is on', async () => {
    const library = new FakeLibrary();
    const { source, logged } = startSource(library, { stallAfterMs: 20_000 });
    await advance(0);
    library.last.fetchIsLive = () => new Promise<boolean>(() => {}); // TikTok's page hangs
    await advance(20_000);
    expect(source.status.state).toBe('connected');
    await advance(15_000);
    expect(source.status).toMatchObject({ state: 'stalled', stalls: 1 });
    expect(logged).toContain('tiktok:@locallove_tohoku: could not check whether the LIVE is still on: TikTok did not say within 15 s whether the LIVE is on');
    expect(logged).toContain('tiktok:@locallove_tohoku: stalled: no event for 20 s while the LIVE may still be on; reconnecting');
  });

  it('takes a silent connection as ended when TikTok says the LIVE is over (a stream end that never came)', async () => {
    const library = new FakeLibrary();
    const { source, sum, logged } = startSource(library, { stallAfterMs: 20_000 });
    await advance(0);
    library.last.push('gift', rose('g1', 1, 0));
    library.last.push('gift', rose('g2', 2, 0));
    library.last.live = false;
    await advance(20_000);
    expect(source.status).toMatchObject({ state: 'ended', stalls: 0, lastError: 'the LIVE ended' });
    expect(sum()).toEqual(totals({ gifts: 2, giftDiamonds: 2 })); // the open streak is counted at the end
    expect(logged).toContain('tiktok:@locallove_tohoku: no event for 20 s and TikTok says the LIVE is over: taken as ended');
  });

  it('shows what it counted and dropped, the like total, the age of the last event and the clock offset', async () => {
    const library = new FakeLibrary();
    const { source } = startSource(library);
    await advance(0);
    const skewed = (msgId: string, total: number) => ({ common: { msgId, createTime: String(Date.now() - 240_000) }, count: 1, total: String(total) });
    library.last.push('like', skewed('c1', 100)); // our clock is 4 minutes ahead of TikTok's
    library.last.push('like', skewed('c1', 100));
    library.last.push('like', { total: 'lots' });
    library.last.push('gift', { common: { msgId: 'c2' }, user: { id: '1' }, giftId: '424242', groupId: '5', repeatCount: 1, repeatEnd: 1 });
    await advance(3_000);
    expect(StreamConnectionStatus.parse(source.status)).toMatchObject({
      counted: 2,
      duplicates: 1,
      malformed: 1,
      backlog: 0,
      giftsValueUnknown: 1,
      likeTotal: 100,
      lastEventAt: T0,
      lastEventAgeMs: 3_000,
      clockOffsetMs: 240_000,
    });
  });

  it('records every event the library emits, as received, when asked to', async () => {
    class RecordableConnection extends FakeLiveConnection {
      readonly recordableEvents = ['chat', 'member', 'connected', 'disconnected'];
    }
    const recorded: unknown[] = [];
    const connection = new RecordableConnection('locallove_tohoku', { roomId: ROOM });
    const { sum } = startSource(new FakeLibrary(), { openConnection: () => connection, record: (event) => recorded.push(event) });
    await advance(0);
    const chat = { common: { msgId: 'r1', createTime: String(Date.now()) }, content: 'がんばれ' };
    connection.push('chat', chat);
    connection.push('member', { common: { msgId: 'r2' }, user: { nickname: 'someone' } });
    expect(recorded).toEqual([
      { at: T0, stream: 'locallove_tohoku', event: 'connected', data: expect.objectContaining({ roomId: ROOM }) },
      { at: T0, stream: 'locallove_tohoku', event: 'chat', data: chat },
      { at: T0, stream: 'locallove_tohoku', event: 'member', data: { common: { msgId: 'r2' }, user: { nickname: 'someone' } } },
    ]);
    expect(sum()).toEqual(totals({ comments: 1 }));
  });

  it('gives up on an error retrying cannot fix, and says so', async () => {
    const library = new FakeLibrary([new InvalidUniqueIdError("Missing or invalid value for 'uniqueId'.")]);
    const { source, logged } = startSource(library);
    await advance(0);
    expect(source.status).toMatchObject({ state: 'error', nextAttemptAt: null, lastError: "InvalidUniqueIdError: Missing or invalid value for 'uniqueId'." });
    await advance(3_600_000);
    expect(library.opened).toHaveLength(1);
    expect(logged).toContain("tiktok:@locallove_tohoku: giving up, retrying cannot fix this: InvalidUniqueIdError: Missing or invalid value for 'uniqueId'.");
  });

  it('counts the streak open at a stream end, shows "ended", and picks up the next LIVE in a new room from 0', async () => {
    const library = new FakeLibrary();
    const { source, sum } = startSource(library);
    await advance(0);
    const live = library.last;
    live.push('like', like('l1', 500));
    live.push('like', like('l2', 600));
    live.push('gift', rose('g1', 1, 0));
    live.push('gift', rose('g2', 2, 0));
    live.push('gift', rose('g3', 3, 0));
    expect(sum()).toEqual(totals({ likes: 100 }));

    library.script(new UserOfflineError("The requested user isn't online :("), { roomId: NEXT_ROOM });
    await live.endStream();
    expect(sum()).toEqual(totals({ likes: 100, gifts: 3, giftDiamonds: 3 }));
    expect(source.status).toMatchObject({ state: 'ended', lastError: 'the LIVE ended', nextAttemptAt: Date.now() + 30_000 });
    expect(live.disconnectCalls).toBeGreaterThanOrEqual(1);

    await advance(30_000);
    expect(source.status.state).toBe('ended');
    await advance(30_000);
    expect(source.status).toMatchObject({ state: 'connected', roomId: NEXT_ROOM });
    library.last.push('like', like('l3', 40));
    expect(sum()).toEqual(totals({ likes: 140, gifts: 3, giftDiamonds: 3 }));
  });

  it('opens the live window from the state connect() resolves with, should the library not emit "connected"', async () => {
    class QuietConnection extends FakeLiveConnection {
      override async connect(): Promise<unknown> {
        this.connected = true;
        return { isConnected: true, roomId: NEXT_ROOM };
      }
    }
    const quiet = new QuietConnection('locallove_tohoku', { roomId: NEXT_ROOM });
    const { source, sum } = startSource(new FakeLibrary(), { openConnection: () => quiet });
    await advance(0);
    expect(source.status).toMatchObject({ state: 'connected', roomId: NEXT_ROOM });
    quiet.push('chat', { common: { msgId: 'c1', createTime: String(Date.now()) }, content: 'hi' });
    expect(sum()).toEqual(totals({ comments: 1 }));
  });

  it('reports the library’s non-fatal errors and viewer counts without changing state', async () => {
    const library = new FakeLibrary();
    const { source } = startSource(library);
    await advance(0);
    library.last.push('error', { info: 'Websocket message decoding failed', exception: new Error('invalid wire type 7') });
    library.last.push('roomUser', { common: { msgId: 'v1', createTime: String(Date.now()) }, total: '1523', totalUser: '9000' });
    expect(source.status).toMatchObject({ state: 'connected', lastError: 'Websocket message decoding failed: invalid wire type 7', viewers: 1523 });
  });

  it('stops: disconnects, ignores late events, never retries, and leaves no timer behind', async () => {
    const library = new FakeLibrary();
    const { source, deltas } = startSource(library);
    await advance(0);
    const live = library.last;
    await source.stop();
    await source.stop();
    expect(live.disconnectCalls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    live.push('chat', { common: { msgId: 'late', createTime: String(Date.now()) }, content: 'hello?' });
    live.drop();
    await advance(120_000);
    expect(deltas).toEqual([]);
    expect(library.opened).toHaveLength(1);
  });

  it('stops cleanly while waiting to retry', async () => {
    const library = new FakeLibrary([new Error('ECONNRESET')]);
    const { source } = startSource(library);
    await advance(0);
    expect(source.status.state).toBe('reconnecting');
    await source.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(source.status.nextAttemptAt).toBeNull();
  });

  it('tells status listeners of each change until they unsubscribe, even when one throws', async () => {
    const library = new FakeLibrary();
    const { source, statuses, logged } = startSource(library);
    source.onStatus(() => {
      throw new Error('listener bug');
    });
    const seen: string[] = [];
    const unsubscribe = source.onStatus((status) => seen.push(status.state));
    await advance(0);
    unsubscribe();
    library.last.drop();
    expect(seen).toEqual(['connecting', 'connected']);
    expect(statuses.at(-1)?.state).toBe('reconnecting');
    expect(logged).toContain('tiktok:@locallove_tohoku: a status listener failed: listener bug');
  });
});
