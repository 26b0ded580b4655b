import { describe, expect, it } from 'vitest';
import { SharedClock } from '../../../../src/feed/scale-out/shared-clock.ts';

/** A local clock and a Redis whose clock is `redisAheadMs` ahead, with the given round trips (ms, in turn). */
function world(redisAheadMs: number, roundTrips: number[]) {
  let local = 1_700_000_000_000;
  let turn = 0;
  const ask = async () => {
    const trip = roundTrips[turn++ % roundTrips.length]!;
    // Redis answers a quarter of the way through a slow trip: only the quick trips tell the offset well.
    local += trip / 4;
    const answer = local + redisAheadMs;
    local += (trip * 3) / 4;
    return answer;
  };
  return { ask, localNow: () => local, advance: (ms: number) => (local += ms) };
}

describe('SharedClock', () => {
  it("reads Redis's time on a machine whose clock is minutes off, from the quickest round trip", async () => {
    const { ask, localNow } = world(-3 * 60_000, [40, 2, 30, 25, 50]);
    const logs: string[] = [];
    const clock = new SharedClock(ask, (line) => logs.push(line), localNow);
    await clock.sync();
    const redisNow = localNow() - 3 * 60_000;
    // The 2 ms trip: off by at most a quarter of it from the middle of the trip.
    expect(Math.abs(clock.now() - redisNow)).toBeLessThanOrEqual(1);
    expect(logs).toEqual(["show time: this machine's clock is 180.0 s ahead of Redis's; the show clock and auto-outs run on Redis's time"]);
    await clock.sync();
    expect(logs).toHaveLength(1);
  });

  it('keeps the last offset while Redis cannot answer', async () => {
    const good = world(5_000, [1]);
    let failing = false;
    const clock = new SharedClock(() => (failing ? Promise.reject(new Error('down')) : good.ask()), () => {}, good.localNow);
    await clock.sync();
    failing = true;
    await clock.sync();
    expect(Math.abs(clock.now() - (good.localNow() + 5_000))).toBeLessThanOrEqual(1);
  });
});
