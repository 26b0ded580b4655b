import { describe, expect, it } from 'vitest';
import { threadTimeOfFrames } from '../../../scripts/bench/frame-thread-time.ts';

describe('the bench\'s main-thread time per frame', () => {
  it('takes each frame\'s thread time from the traced callback that holds it, not its wall time', () => {
    const callbacks = [
      { atMs: 100, wallMs: 1.2, threadMs: 1.0 },
      // Descheduled for 3 ms on its way into the callback: the probe's clock started late.
      { atMs: 116.6, wallMs: 4.5, threadMs: 1.1 },
      { atMs: 133.3, wallMs: 0.9, threadMs: 0.8 },
    ];
    const frames = { starts: [100.1, 119.7, 133.4], work: [1.1, 1.3, 0.8] };
    expect(threadTimeOfFrames(frames, callbacks)).toEqual([1.0, 1.1, 0.8]);
  });

  it('adds the callbacks of the same frame that ran before the one that drew', () => {
    const callbacks = [
      { atMs: 50, wallMs: 0.5, threadMs: 0.4 },
      { atMs: 100, wallMs: 0.5, threadMs: 0.4 },
      { atMs: 100.6, wallMs: 1.0, threadMs: 0.9 },
    ];
    const [frame] = threadTimeOfFrames({ starts: [100.6], work: [1.6] }, callbacks);
    expect(frame).toBeCloseTo(1.3, 6);
  });

  it('says so when a frame the probe timed has no callback in the trace', () => {
    const callbacks = [{ atMs: 100, wallMs: 1, threadMs: 1 }];
    expect(() => threadTimeOfFrames({ starts: [100.2, 150] , work: [1, 1] }, callbacks)).toThrow(/no animation-frame event in the trace holds the frame at 150\.0 ms/);
  });
});
