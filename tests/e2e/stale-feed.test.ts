import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';

/** Screenshots to look at: the sign as a viewer would see it, at 1080p and 720p. */
const OUTPUT_DIR = join(import.meta.dirname, '__output__');

let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'lang=ja',
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 12_345 }),
  });
});

afterAll(async () => {
  await overlay?.close();
});

const sign = () => overlay.evaluate<{ visible: boolean; alpha: number; text: string }>('window.__localLove.widget("stale-sign")');
const meter = () => overlay.evaluate<{ amountText: string; displayedMinor: number }>('window.__localLove.widget("donation-meter")');
const signVisible = (visible: boolean) => `window.__localLove.widget("stale-sign").visible === ${visible}`;

/**
 * A network outage as the overlay meets it: every live connection drops, and engine.io refuses the
 * reconnection attempts (socket.io keeps retrying, as it would against an unreachable host) until restored.
 */
function cutTheFeed(): () => void {
  const engine = overlay.feed.io.engine;
  engine.opts.allowRequest = (_request, callback) => callback('the feed is unreachable', false);
  for (const socket of overlay.feed.io.of('/').sockets.values()) socket.conn.close();
  return () => delete engine.opts.allowRequest;
}

function saveScreenshot(name: string, png: Buffer): void {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(join(OUTPUT_DIR, name), png);
}

describe('the stale-feed sign', () => {
  it('is hidden while the feed is live', async () => {
    await overlay.waitFor('(() => { const m = window.__localLove.widget("donation-meter"); return m.displayedMinor === m.targetMinor; })()');
    expect(await sign()).toMatchObject({ visible: false, text: '再接続中…' });
  });

  it('shows after a few seconds without the feed, keeps the totals on screen, and leaves on recovery', async () => {
    const before = await meter();
    expect(before.displayedMinor).toBeGreaterThan(0);
    const restore = cutTheFeed();
    await overlay.waitFor(signVisible(true), 12_000);
    await overlay.waitFor('window.__localLove.widget("stale-sign").alpha === 1', 2_000);
    expect(await meter()).toMatchObject({ amountText: before.amountText, displayedMinor: before.displayedMinor });
    // Settled: the sign's only motion is its dot's pulse, so the frame is the sign as it is seen.
    saveScreenshot('stale-sign-1080p.png', await overlay.page.screenshot({ omitBackground: true }));
    await overlay.page.setViewportSize({ width: 1280, height: 720 });
    await overlay.page.waitForTimeout(300);
    saveScreenshot('stale-sign-720p.png', await overlay.page.screenshot({ omitBackground: true }));
    await overlay.page.setViewportSize({ width: 1920, height: 1080 });

    restore();
    await overlay.waitFor(signVisible(false), 12_000);
    expect(await meter()).toMatchObject({ amountText: before.amountText });
    // Chromium logs each refused reconnection attempt itself; nothing else may have gone wrong.
    expect(overlay.pageErrors.filter((error) => !/WebSocket connection to .* failed/.test(error))).toEqual([]);
  });
});
