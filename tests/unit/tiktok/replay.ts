import { readFileSync } from 'node:fs';
import { TikTokStreamCounter, type StreamCounterOptions } from '../../../src/feed/sources/tiktok/stream-counter.ts';
import type { TikTokEvent } from '../../../src/feed/sources/tiktok/tiktok-event.ts';
import { emptyTotals, REACTION_KINDS, type ReactionDelta, type ReactionTotals } from '../../../src/protocol/index.ts';

/**
 * A recorded sequence (tests/fixtures/tiktok/*.json): each step happens `at` ms after `timeZero`, and
 * either hands the counter one library event, as tiktok-live-connector 2.x emits it, or sweeps for
 * silent streaks (what the source's interval does). A `label` marks a moment the test checks.
 */
interface Fixture {
  description: string;
  timeZero: number;
  steps: { at: number; label?: string; event?: TikTokEvent; sweep?: true }[];
}

export const TARGET = { region: 'tohoku', market: 'jp' } as const;

export function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../../fixtures/tiktok/${name}.json`, import.meta.url), 'utf8')) as Fixture;
}

export interface Replay {
  counter: TikTokStreamCounter;
  /** The totals after the last step. */
  totals: ReactionTotals;
  /** The totals right after each labelled step. */
  at: Map<string, ReactionTotals>;
  deltas: ReactionDelta[];
  logged: string[];
}

/** Plays a fixture through a fresh counter on a clock that jumps to each step's time. */
export function replay(name: string, options: Partial<StreamCounterOptions> = {}): Replay {
  const fixture = loadFixture(name);
  let now = fixture.timeZero;
  const logged: string[] = [];
  const counter = new TikTokStreamCounter(TARGET, { now: () => now, log: (message) => logged.push(message), ...options });
  const totals = emptyTotals();
  const at = new Map<string, ReactionTotals>();
  const deltas: ReactionDelta[] = [];
  for (const step of fixture.steps) {
    now = fixture.timeZero + step.at;
    const delta = step.sweep ? counter.sweep() : counter.handle(step.event!);
    if (delta) {
      deltas.push(delta);
      for (const kind of REACTION_KINDS) totals[kind] += delta[kind];
    }
    if (step.label) at.set(step.label, { ...totals });
  }
  return { counter, totals, at, deltas, logged };
}

/** Totals with every kind named, zeros included, so an assertion states the whole expectation. */
export function totals(counts: Partial<ReactionTotals>): ReactionTotals {
  return { ...emptyTotals(), ...counts };
}
