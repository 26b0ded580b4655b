import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlushPacer } from '../../../../src/feed/overlay-socket/flush-pacer.ts';

describe('FlushPacer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function pacer(tickMs = 100) {
    const flushedAt: number[] = [];
    const paced = new FlushPacer(() => flushedAt.push(Date.now()), tickMs, () => Date.now());
    return { paced, flushedAt, start: Date.now() };
  }

  it('sends the first change after a quiet spell at once, and the changes of one turn together', () => {
    const { paced, flushedAt, start } = pacer();
    paced.changed();
    paced.changed();
    paced.changed();
    vi.advanceTimersByTime(0);
    expect(flushedAt).toEqual([start]);
  });

  it('holds changes within a tick of the last flush until the tick ends, then sends them as one', () => {
    const { paced, flushedAt, start } = pacer();
    paced.changed();
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(30);
    paced.changed();
    vi.advanceTimersByTime(40);
    paced.changed();
    expect(flushedAt).toEqual([start]);
    vi.advanceTimersByTime(30);
    expect(flushedAt).toEqual([start, start + 100]);
  });

  it('never flushes more than once per tick under a continuous storm', () => {
    const { paced, flushedAt } = pacer();
    for (let ms = 0; ms < 1_000; ms++) {
      paced.changed();
      vi.advanceTimersByTime(1);
    }
    const gaps = flushedAt.slice(1).map((at, i) => at - flushedAt[i]!);
    expect(flushedAt.length).toBeGreaterThanOrEqual(9);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
  });

  it('sends nothing without a change, and nothing after cancel', () => {
    const { paced, flushedAt } = pacer();
    vi.advanceTimersByTime(1_000);
    paced.changed();
    paced.cancel();
    vi.advanceTimersByTime(1_000);
    expect(flushedAt).toEqual([]);
  });
});
