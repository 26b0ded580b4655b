import type { ReactionDelta } from '../../protocol/index.ts';
import type { ReactionSource } from '../sources/source.ts';
import type { ControlTimers } from './ports.ts';

/** How far apart the steps of a multi-delta test burst are sent. */
export const TEST_STEP_MS = 100;

/**
 * The "test" source: reactions a producer fires from the control page. It is a source like the others,
 * so test reactions travel the real path (sink, totals, store, overlay) under their own name, which the
 * journal keeps for the audit. A burst of several deltas is spread over time like a real surge.
 */
export class TestReactionSource implements ReactionSource {
  readonly name = 'test';
  private sink: ((delta: ReactionDelta) => void) | null = null;
  private readonly pending = new Set<unknown>();

  constructor(private readonly timers: ControlTimers) {}

  start(sink: (delta: ReactionDelta) => void): void {
    this.sink = sink;
  }

  /** Sends the first delta now and the others one step apart. False when the source is not started. */
  fire(deltas: readonly ReactionDelta[]): boolean {
    const sink = this.sink;
    if (sink === null) return false;
    deltas.forEach((delta, index) => {
      if (index === 0) return sink(delta);
      const handle = this.timers.setTimeout(() => {
        this.pending.delete(handle);
        this.sink?.(delta);
      }, index * TEST_STEP_MS);
      this.pending.add(handle);
    });
    return true;
  }

  stop(): void {
    for (const handle of this.pending) this.timers.clearTimeout(handle);
    this.pending.clear();
    this.sink = null;
  }
}
