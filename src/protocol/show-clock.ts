import { z } from './zod.ts';
import { Count } from './primitives.ts';

/** The longest clock a show can have: a day. */
export const MAX_CLOCK_MS = 24 * 60 * 60 * 1000;

const Duration = Count.check(z.maximum(MAX_CLOCK_MS, { error: `must be at most ${MAX_CLOCK_MS} (24 hours)` }));

/**
 * The show clock: a countdown to the end of the LIVE, or the running time of the show. Kept on the server
 * in server time, so every overlay shows the same time whatever its PC's clock says (src/show-clock).
 */
export const ShowClockState = z.strictObject({
  mode: z.enum(['countdown', 'elapsed']),
  /** The countdown's length (0 for a running time). */
  durationMs: Duration,
  /** Time counted before the current run: what a pause keeps. */
  bankedMs: Duration,
  /** Server time (ms since the epoch) the current run began; null while paused or stopped. */
  runningSince: z.nullable(Count),
  /** In a countdown's last `warnMs`, overlays draw the clock with emphasis; 0 turns it off. */
  warnMs: Duration,
  /** Rises on every change, so an overlay ignores an older state that arrives late. */
  revision: Count,
});
export type ShowClockState = z.infer<typeof ShowClockState>;

/** Set the clock (it stops and starts from the beginning): `{ mode: 'countdown', durationMs: 3600000 }`. */
export const ClockSetCommand = z
  .strictObject({
    type: z.literal('clockSet'),
    mode: z.enum(['countdown', 'elapsed']),
    durationMs: z.optional(Duration).check(z.describe('the countdown length; required for a countdown')),
    warnMs: z.optional(Duration).check(z.describe('emphasis in the last ms of a countdown (default 60000; 0 for none)')),
  })
  .check(
    z.superRefine((command, ctx) => {
      if (command.mode === 'countdown' && !(command.durationMs! > 0)) {
        ctx.addIssue({ code: 'custom', path: ['durationMs'], message: 'must be greater than 0 for a countdown' });
      }
    }),
  );

export const ClockStartCommand = z.strictObject({ type: z.literal('clockStart') });
export const ClockPauseCommand = z.strictObject({ type: z.literal('clockPause') });
export const ClockResetCommand = z.strictObject({ type: z.literal('clockReset') });

export const CLOCK_COMMANDS = [ClockSetCommand, ClockStartCommand, ClockPauseCommand, ClockResetCommand] as const;

/** What the overlay namespace sends on subscribe and on every change. */
export interface ShowClockServerToClientEvents {
  clock: (state: ShowClockState) => void;
}
