import type { CDPSession, Page } from 'playwright-core';
import type { ProbeFrames } from '../../tests/e2e/gl-probe.ts';

/**
 * The main thread's own time (CPU time) in each frame the GL probe timed, from a devtools trace taken while
 * the bench measures.
 *
 * The probe times a frame's callbacks by the wall clock. On this 2-core machine the renderer's main thread
 * shares the cores with the GPU process (SwiftShader rasterizes every canvas on the CPU) and the feed
 * server, and the system deschedules it in the middle of a callback now and then: a frame of 1 ms of work
 * then reads 3-7 ms. The trace's animation-frame events carry the thread's own time beside their wall time,
 * so a frame's work is told apart from the time it waited for a core.
 */
export interface FrameThreadTimer {
  /** Stops the trace; returns each probe frame's main-thread time, in the order of `frames`. */
  finish(frames: ProbeFrames): Promise<number[]>;
}

/** One animation-frame callback in the trace, on the page's clock. */
export interface TracedCallback {
  readonly atMs: number;
  readonly wallMs: number;
  readonly threadMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
}

const CLOCK_MARK = 'bench-trace-clock';
/** performance.now() is coarsened to 0.1 ms (and jittered) in a page that is not cross-origin isolated. */
const MATCH_SLACK_MS = 0.3;

export async function startFrameThreadTimer(page: Page, cdp: CDPSession): Promise<FrameThreadTimer> {
  const events: TraceEvent[] = [];
  // Only the events read below are kept: a 5-minute soak traces millions of others.
  const collect = (chunk: { value: object[] }) => {
    for (const event of chunk.value as TraceEvent[]) if (event.name === 'FireAnimationFrame' || event.name === CLOCK_MARK) events.push(event);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
  // A mark ties the page's clock (performance.now) to the trace's: both are stamped at the same instant.
  const markAtMs = await page.evaluate<number>(`performance.mark('${CLOCK_MARK}').startTime`);
  return {
    async finish(frames) {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      const mark = events.find((event) => event.name === CLOCK_MARK);
      if (!mark) throw new Error(`the trace holds no "${CLOCK_MARK}" mark: the page's clock cannot be tied to it`);
      const offsetMs = mark.ts / 1000 - markAtMs;
      const callbacks = events
        .filter((event) => event.name === 'FireAnimationFrame' && event.ph === 'X' && event.tid === mark.tid)
        .map((event) => ({ atMs: event.ts / 1000 - offsetMs, wallMs: (event.dur ?? 0) / 1000, threadMs: (event.tdur ?? event.dur ?? 0) / 1000 }))
        .sort((a, b) => a.atMs - b.atMs);
      return threadTimeOfFrames(frames, callbacks);
    },
  };
}

/** Each probe frame's main-thread time: the thread time of its callbacks in the trace (both lists in time order). */
export function threadTimeOfFrames(frames: ProbeFrames, callbacks: readonly TracedCallback[]): number[] {
  let next = 0;
  return frames.starts.map((start, index) => {
    // The probe's start is that of the frame's callback that drew, whose event holds it (the event may
    // begin well before, if the thread was descheduled on its way into the callback).
    while (next < callbacks.length && callbacks[next]!.atMs + callbacks[next]!.wallMs + MATCH_SLACK_MS < start) next++;
    while (next + 1 < callbacks.length && callbacks[next + 1]!.atMs <= start + MATCH_SLACK_MS) next++;
    const drawing = callbacks[next];
    if (!drawing || drawing.atMs > start + MATCH_SLACK_MS) {
      throw new Error(`no animation-frame event in the trace holds the frame at ${start.toFixed(1)} ms: the probe and the trace disagree`);
    }
    // A callback of the same frame that ran before it ended within the frame's work before it.
    let threadMs = drawing.threadMs;
    const earliest = drawing.atMs - frames.work[index]! - MATCH_SLACK_MS;
    for (let before = next - 1; before >= 0 && callbacks[before]!.atMs + callbacks[before]!.wallMs >= earliest; before--) {
      threadMs += callbacks[before]!.threadMs;
    }
    return threadMs;
  });
}
