import { describe, expect, it } from 'vitest';
import { IDLE_CLOCK, applyClockAction, clockText, readClock } from '../../../src/show-clock/clock.ts';

const HOUR = 3_600_000;

describe('show clock', () => {
  it('counts down from the set length while running, keeps the time across a pause, and stops at zero', () => {
    let clock = applyClockAction(IDLE_CLOCK, { type: 'clockSet', mode: 'countdown', durationMs: HOUR }, 1_000);
    expect(readClock(clock, 5_000)).toEqual({ shownMs: HOUR, running: false, warning: false, ended: false });
    clock = applyClockAction(clock, { type: 'clockStart' }, 10_000);
    expect(readClock(clock, 70_000).shownMs).toBe(HOUR - 60_000);
    clock = applyClockAction(clock, { type: 'clockPause' }, 70_000);
    expect(readClock(clock, 999_999).shownMs).toBe(HOUR - 60_000);
    clock = applyClockAction(clock, { type: 'clockStart' }, 1_000_000);
    expect(readClock(clock, 1_000_000 + HOUR - 60_000 - 30_000)).toMatchObject({ shownMs: 30_000, warning: true, ended: false });
    expect(readClock(clock, 1_000_000 + 2 * HOUR)).toEqual({ shownMs: 0, running: true, warning: true, ended: true });
  });

  it('a running time counts up; reset goes back to zero; each change raises the revision, a no-op keeps the state', () => {
    let clock = applyClockAction(IDLE_CLOCK, { type: 'clockSet', mode: 'elapsed' }, 0);
    clock = applyClockAction(clock, { type: 'clockStart' }, 1_000);
    expect(readClock(clock, 61_500)).toMatchObject({ shownMs: 60_500, warning: false });
    expect(applyClockAction(clock, { type: 'clockStart' }, 2_000)).toBe(clock);
    const reset = applyClockAction(clock, { type: 'clockReset' }, 3_000);
    expect(reset).toMatchObject({ bankedMs: 0, runningSince: null, revision: clock.revision + 1 });
    expect(applyClockAction(reset, { type: 'clockPause' }, 4_000)).toBe(reset);
  });

  it('never reads a negative time when a run seems to start in the future (a client ahead of the server)', () => {
    const clock = applyClockAction(applyClockAction(IDLE_CLOCK, { type: 'clockSet', mode: 'countdown', durationMs: 10_000 }, 0), { type: 'clockStart' }, 5_000);
    expect(readClock(clock, 4_000).shownMs).toBe(10_000);
  });

  it('writes minutes and seconds, hours when there are any; a countdown rounds up so 00:00 means the end', () => {
    expect(clockText(59_001, 'countdown')).toBe('01:00');
    expect(clockText(59_999, 'elapsed')).toBe('00:59');
    expect(clockText(3_723_000, 'elapsed')).toBe('1:02:03');
    expect(clockText(0, 'countdown')).toBe('00:00');
  });
});
