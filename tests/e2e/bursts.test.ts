import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GL_PROBE_SCRIPT, READ_GL_PROBE, type GlProbeReading } from './gl-probe.ts';
import { startOverlay, type OverlayHarness } from './harness.ts';
import { drawnPixels } from './lower-third-helpers.ts';

/**
 * Reaction bursts in headless Chromium under the real clock, fed by the real feed server: a storm draws
 * particles, an idle feed draws nothing at all (WebGL draw calls counted by gl-probe.ts), and a source
 * OBS hides draws nothing until it is shown again, then shows the present.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  // The meter is there to show that it, too, comes back at the present; the lower third is not needed.
  overlay = await startOverlay({ query: 'lang=ja&widgets=meter,bursts', initScript: GL_PROBE_SCRIPT });
});

afterAll(async () => {
  await overlay?.close();
});

interface BurstInspect {
  live: number;
  spawned: number;
  capacity: number;
  dropped: number;
  moving: boolean;
  timeMs: number;
}

const bursts = () => overlay.evaluate<BurstInspect>('window.__localLove.widget("reaction-burst")');
const meter = () => overlay.evaluate<{ displayedMinor: number; targetMinor: number }>('window.__localLove.widget("donation-meter")');
const probe = () => overlay.evaluate<GlProbeReading>(READ_GL_PROBE);
const framesDrawn = () => overlay.evaluate<number>('window.__localLove.framesDrawn');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const obsEvent = (name: string, detail: Record<string, boolean>) =>
  overlay.evaluate(`window.dispatchEvent(new CustomEvent(${JSON.stringify(name)}, { detail: ${JSON.stringify(detail)} }))`);

/** Adds a storm's reactions every 100 ms (1,000 likes, 10 comments, 2 gifts each time) until stopped. */
function startStorm(): () => void {
  const markets = ['jp', 'tw', 'kr', 'us'];
  let round = 0;
  const timer = setInterval(() => {
    const market = markets[round++ % markets.length]!;
    overlay.feed.aggregator.apply({ region: 'tohoku', market, likes: 1000, comments: 10, gifts: 2, giftDiamonds: 31 });
  }, 100);
  return () => clearInterval(timer);
}

/** Waits until every particle is gone and the stage has stopped drawing. */
async function settle(): Promise<void> {
  // Software rendering on a busy machine can draw a few frames a second: give the last particles time.
  await overlay.waitFor('(() => { const b = window.__localLove.widget("reaction-burst"); return b && !b.moving; })()', 90_000);
  await overlay.waitFor('(() => { const m = window.__localLove.widget("donation-meter"); return m.displayedMinor === m.targetMinor && !m.celebrating; })()', 30_000);
  await sleep(300);
}

/** The right-hand column where the flow rises, inside the 5% safe margins. */
const FLOW = { x: 1200, y: 54, width: 1824 - 1200, height: 1026 - 54 };

describe('reaction bursts, fed by the real feed server', () => {
  it('turns a storm into particles rising on the right, inside the safe area', async () => {
    const stop = startStorm();
    try {
      await overlay.waitFor('window.__localLove.widget("reaction-burst").live > 60', 20_000);
      const shown = await bursts();
      expect(shown.live).toBeLessThanOrEqual(shown.capacity);
      expect(shown.dropped).toBe(0);
      const screenshot = await overlay.page.screenshot({ omitBackground: true });
      expect(drawnPixels(screenshot, FLOW)).toBeGreaterThan(20_000);
      // Nothing beyond the right safe margin, nothing in the middle of the picture.
      expect(drawnPixels(screenshot, { x: 1825, y: 0, width: 95, height: 1080 })).toBe(0);
      expect(drawnPixels(screenshot, { x: 700, y: 300, width: 500, height: 480 })).toBe(0);
    } finally {
      stop();
    }
  });

  it('draws nothing at all once the feed is idle: no frame, no WebGL draw call', async () => {
    await settle();
    const before = await probe();
    const framesBefore = await framesDrawn();
    await sleep(2000);
    const after = await probe();
    expect(after.draws - before.draws).toBe(0);
    expect(await framesDrawn()).toBe(framesBefore);
    expect(after.textures).toBe(before.textures);
  }, 180_000);

  for (const [event, hide, show] of [
    ['obsSourceVisibleChanged', { visible: false }, { visible: true }],
    ['obsSourceActiveChanged', { active: false }, { active: true }],
  ] as const) {
    it(`draws nothing while OBS hides the source (${event}) and comes back at the present, without replaying`, async () => {
      await settle();
      const stop = startStorm();
      try {
        await overlay.waitFor('window.__localLove.widget("reaction-burst").live > 30', 20_000);
        await obsEvent(event, hide);
        const hiddenAt = await bursts();
        const before = await probe();
        const framesBefore = await framesDrawn();
        await sleep(2500);
        // The feed kept coming (the meter's target moved on), yet nothing was drawn.
        const after = await probe();
        expect(after.draws - before.draws).toBe(0);
        expect(await framesDrawn()).toBe(framesBefore);
        expect((await meter()).targetMinor).toBeGreaterThan((await meter()).displayedMinor);
        stop();
        const lastSeq = overlay.feed.aggregator.seq;
        overlay.feed.flush();
        await overlay.waitFor(`window.__localLove.lastState.seq >= ${lastSeq}`);

        await obsEvent(event, show);
        await overlay.waitFor(`window.__localLove.framesDrawn > ${framesBefore}`);
        const back = await bursts();
        // The time away passed at once: the meter shows the present amount, the particles on screen when
        // the source was hidden have aged by the time away (most are gone), and not one particle of the
        // storm missed meanwhile is shown late.
        expect(back.timeMs - hiddenAt.timeMs).toBeGreaterThanOrEqual(2400);
        const shownMeter = await meter();
        expect(shownMeter.displayedMinor).toBe(shownMeter.targetMinor);
        expect(back.live).toBeLessThan(hiddenAt.live);
        expect(back.spawned).toBe(hiddenAt.spawned);
      } finally {
        stop();
      }
    }, 180_000);
  }
});
