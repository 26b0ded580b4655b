import { describe, expect, it } from 'vitest';
import { Backoff, pauseBeforeAskingAgain } from '../../../src/feed-socket/backoff.ts';

const OVERLAY = { minMs: 500, maxMs: 5_000, jitter: 0.5 };

/** A random source that plays back the given rolls. */
const rolls = (...values: number[]) => () => values.shift() ?? 0;

describe('Backoff', () => {
  it('doubles from minMs up to maxMs without jitter', () => {
    const backoff = new Backoff({ ...OVERLAY, jitter: 0 });
    expect(Array.from({ length: 6 }, () => backoff.next())).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it("jitters as socket.io-client does: the roll's size moves the wait, its first decimal digit picks the side", () => {
    // 0.2: digit 2 is even, so down by floor(0.2 * 0.5 * 500) = 50; 0.3: odd, up by 0.3 * 0.5 * 1000 = 150.
    const backoff = new Backoff(OVERLAY, rolls(0.2, 0.3, 0.999));
    expect(backoff.next()).toBe(450);
    expect(backoff.next()).toBe(1_150);
    expect(backoff.next()).toBe(2_999); // 0.999: digit 9, up by floor(0.999 * 0.5 * 2000) = 999
  });

  it('stays within half of each wait either way, never above maxMs', () => {
    const backoff = new Backoff(OVERLAY);
    for (let attempt = 0; attempt < 50; attempt++) {
      const base = Math.min(500 * 2 ** attempt, Number.MAX_VALUE);
      const wait = backoff.next();
      expect(wait).toBeGreaterThanOrEqual(Math.min(base * 0.5, 5_000 * 0.5));
      expect(wait).toBeLessThanOrEqual(5_000);
    }
  });

  it('starts again from minMs after reset (a connection got through)', () => {
    const backoff = new Backoff({ ...OVERLAY, jitter: 0 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });

  it('still waits after thousands of attempts (a feed down for hours), never 0 ms', () => {
    const backoff = new Backoff(OVERLAY, () => 0);
    for (let attempt = 0; attempt < 5_000; attempt++) backoff.next();
    expect(backoff.next()).toBe(5_000);
  });

  it('pauses about the longest wait before asking again a feed that closed the socket on purpose, spread by the jitter', () => {
    expect(pauseBeforeAskingAgain(OVERLAY, () => 0.5)).toBe(5_000);
    expect(pauseBeforeAskingAgain(OVERLAY, () => 0)).toBe(2_500);
    expect(pauseBeforeAskingAgain(OVERLAY, () => 0.999)).toBe(7_495);
    const pauses = new Set(Array.from({ length: 50 }, () => pauseBeforeAskingAgain(OVERLAY)));
    expect(pauses.size).toBeGreaterThan(40); // a whole show's overlays do not knock at once
  });
});
