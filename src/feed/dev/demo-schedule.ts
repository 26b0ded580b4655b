import type { ControlCommandInput } from '../../protocol/index.ts';

/**
 * What the dev demo does on each beat (one beat is ~1 s in `npm run dev`), as plain control commands.
 * Pure, so the rhythm is tested in node; demo-director.ts only plays it through the control service.
 */

/** A milestone every 15 beats, the first after 4, so the meter moves soon after the page opens. */
export const MILESTONE_EVERY_BEATS = 15;
export const FIRST_MILESTONE_BEAT = 4;
/** A card is taken on the first beat of each cycle and held 6 beats; the gap lets its out-animation finish. */
export const CARD_CYCLE_BEATS = 8;
export const CARD_HOLD_BEATS = 6;

/**
 * The show clock counts down four minutes from the first beat, glows in its last minute, stands at 00:00
 * for a minute, and starts again: a designer sees every state of it within five minutes.
 */
export const CLOCK_CYCLE_BEATS = 300;
export const CLOCK_COUNTDOWN_MS = 240_000;

export function demoCommandsAt(beat: number, rosterIds: readonly string[]): ControlCommandInput[] {
  const commands: ControlCommandInput[] = [];
  if (beat % CLOCK_CYCLE_BEATS === 0) {
    commands.push({ type: 'clockSet', mode: 'countdown', durationMs: CLOCK_COUNTDOWN_MS, warnMs: 60_000 }, { type: 'clockStart' });
  }
  if (beat >= FIRST_MILESTONE_BEAT && (beat - FIRST_MILESTONE_BEAT) % MILESTONE_EVERY_BEATS === 0) {
    commands.push({ type: 'test', kind: 'milestone' });
  }
  if (rosterIds.length > 0) {
    const cycle = Math.floor(beat / CARD_CYCLE_BEATS);
    const offset = beat % CARD_CYCLE_BEATS;
    if (offset === 1) commands.push({ type: 'show', rosterId: rosterIds[cycle % rosterIds.length]! });
    if (offset === 1 + CARD_HOLD_BEATS) commands.push({ type: 'hide' });
  }
  return commands;
}
