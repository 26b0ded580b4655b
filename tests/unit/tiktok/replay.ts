import { readFileSync } from 'node:fs';
import { parseRecording, type RecordedEvent } from '../../../src/feed/sources/tiktok/recording.ts';
import { Replay, type ReplayOptions, type ReplayReport } from '../../../src/feed/sources/tiktok/replay.ts';
import type { TikTokStreamCounter } from '../../../src/feed/sources/tiktok/stream-counter.ts';
import { emptyTotals, REACTION_KINDS, type ReactionDelta, type ReactionTotals } from '../../../src/protocol/index.ts';

/** Every fixture starts here: its "connected" is at T0 (local clock, ms since the epoch). */
export const T0 = 1_732_500_000_000;
export const STREAM_ID = 'locallove_tohoku';
export const TARGET = { region: 'tohoku', market: 'jp' } as const;
export const FIXTURES = ['connect-backlog', 'duplicates', 'gift-streaks', 'like-batches', 'lost-repeat-end', 'stream-ends-and-returns'] as const;

/** A recording in tests/fixtures/tiktok (the TIKTOK_RECORD format), optionally with the local clock moved by `shiftMs`. */
export function loadFixture(name: string, shiftMs = 0): RecordedEvent[] {
  const { events, bad } = parseRecording(readFileSync(new URL(`../../fixtures/tiktok/${name}.jsonl`, import.meta.url), 'utf8'), `${name}.jsonl`);
  if (bad.length > 0) throw new Error(`fixture ${name} has bad lines: ${JSON.stringify(bad)}`);
  return events.map((event) => ({ ...event, at: event.at + shiftMs }));
}

export interface FixtureRun {
  counter: TikTokStreamCounter;
  report: ReplayReport;
  /** The totals once the recording has played out (held messages and silent streaks counted). */
  totals: ReactionTotals;
  /** The totals counted up to `ms` after T0 (+ the shift), the end not yet played out. */
  after(ms: number): ReactionTotals;
  deltas: ReactionDelta[];
  logged: string[];
}

/** Plays a fixture through the replay engine (the live counting core, on a clock that follows `at`). */
export function replay(name: string, options: ReplayOptions = {}, shiftMs = 0): FixtureRun {
  const logged: string[] = [];
  const run = new Replay(() => TARGET, { log: (message) => logged.push(message), ...options });
  run.play(loadFixture(name, shiftMs));
  const report = run.finish();
  const after = (ms: number) => {
    const sums = emptyTotals();
    for (const { at, delta } of run.deltas) if (at <= T0 + shiftMs + ms) for (const kind of REACTION_KINDS) sums[kind] += delta[kind];
    return sums;
  };
  return { counter: run.counterOf(STREAM_ID)!, report, totals: report.totals, after, deltas: run.deltas.map((d) => d.delta), logged };
}

/** Totals with every kind named, zeros included, so an assertion states the whole expectation. */
export function totals(counts: Partial<ReactionTotals>): ReactionTotals {
  return { ...emptyTotals(), ...counts };
}
