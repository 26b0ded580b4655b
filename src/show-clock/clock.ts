import type { ShowClockState } from '../protocol/show-clock.ts';

/**
 * The show clock's rules, pure: what each producer action does to the state, and what the clock reads at
 * a given server time. The server applies the actions; overlays only read, at their estimate of server time.
 */

export const DEFAULT_WARN_MS = 60_000;

export const IDLE_CLOCK: ShowClockState = { mode: 'countdown', durationMs: 0, bankedMs: 0, runningSince: null, warnMs: DEFAULT_WARN_MS, revision: 0 };

/** Time counted so far at server time `now` (never negative, even if a run seems to start in the future). */
export function countedMs(clock: ShowClockState, now: number): number {
  return clock.bankedMs + (clock.runningSince === null ? 0 : Math.max(0, now - clock.runningSince));
}

export interface ClockReading {
  /** What the clock shows, in ms: the time left of a countdown (never below 0), or the time run. */
  shownMs: number;
  running: boolean;
  /** A countdown in its last `warnMs` (and at zero). */
  warning: boolean;
  /** A countdown that has run out. */
  ended: boolean;
}

export function readClock(clock: ShowClockState, now: number): ClockReading {
  const counted = countedMs(clock, now);
  const running = clock.runningSince !== null;
  if (clock.mode === 'elapsed') return { shownMs: counted, running, warning: false, ended: false };
  const shownMs = Math.max(0, clock.durationMs - counted);
  const ended = clock.durationMs > 0 && shownMs === 0;
  // A countdown set but never started is not yet in its last minutes; paused within them, it still is.
  const started = running || counted > 0;
  return { shownMs, running, warning: clock.durationMs > 0 && clock.warnMs > 0 && shownMs <= clock.warnMs && started, ended };
}

export type ClockAction =
  | { type: 'clockSet'; mode: ShowClockState['mode']; durationMs?: number; warnMs?: number }
  | { type: 'clockStart' }
  | { type: 'clockPause' }
  | { type: 'clockReset' };

/** The state after an action at server time `now`; the same state (not a copy) when nothing changes. */
export function applyClockAction(clock: ShowClockState, action: ClockAction, now: number): ShowClockState {
  const next = (patch: Partial<ShowClockState>): ShowClockState => ({ ...clock, ...patch, revision: clock.revision + 1 });
  switch (action.type) {
    case 'clockSet':
      return next({
        mode: action.mode,
        durationMs: action.mode === 'countdown' ? action.durationMs ?? clock.durationMs : 0,
        warnMs: action.warnMs ?? clock.warnMs,
        bankedMs: 0,
        runningSince: null,
      });
    case 'clockStart': {
      if (clock.runningSince !== null) return clock;
      // A countdown that ran out starts again from the top.
      const ended = clock.mode === 'countdown' && countedMs(clock, now) >= clock.durationMs;
      return next({ runningSince: now, bankedMs: ended ? 0 : clock.bankedMs });
    }
    case 'clockPause':
      if (clock.runningSince === null) return clock;
      return next({ bankedMs: Math.min(countedMs(clock, now), 24 * 60 * 60 * 1000), runningSince: null });
    case 'clockReset':
      if (clock.runningSince === null && clock.bankedMs === 0) return clock;
      return next({ bankedMs: 0, runningSince: null });
  }
}

/** "59:59", "1:02:03": minutes and seconds, hours when there are any. A countdown rounds up, so it reads 0:00 only at the end. */
export function clockText(shownMs: number, mode: ShowClockState['mode']): string {
  const totalSeconds = mode === 'countdown' ? Math.ceil(shownMs / 1000) : Math.floor(shownMs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}
