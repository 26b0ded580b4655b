import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * The show clock on two overlays of one feed, the second on a PC whose clock is seven minutes fast (as PCs
 * in a studio often are): both read the server's time, so they show the same time, within a frame.
 */
const TOKEN = 'producer-token-for-tests-0123456789';
const SEVEN_MINUTES_FAST = `{ const real = Date.now; Date.now = () => real() + 420000; }`;
const OUTPUT = join(import.meta.dirname, '../visual/__output__');
let overlay: OverlayHarness;
let second: Page;

async function control(path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${overlay.feed.url}/api/control/clock${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

const clockOf = (page: Page) => page.evaluate('window.__localLove.widget("show-clock")') as Promise<{ timeText: string; shownMs: number; warning: boolean; revision: number }>;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'lang=en&widgets=meter,clock', control: { token: TOKEN } });
  second = await overlay.browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await second.addInitScript(SEVEN_MINUTES_FAST);
  await second.goto(`${overlay.feed.url}/?lang=ja&widgets=meter,clock`);
  await second.waitForFunction('window.__localLove && window.__localLove.isReady', undefined, { timeout: 30_000 });
});

afterAll(async () => {
  await overlay?.close();
});

describe('show clock', () => {
  it('shows the same time on two overlays, one of them on a PC seven minutes fast', async () => {
    await control('/set', { mode: 'countdown', durationMs: 45 * 60_000 });
    await control('/start');
    for (const page of [overlay.page, second]) {
      await page.waitForFunction('window.__localLove.widget("show-clock").running === true', undefined, { timeout: 10_000 });
    }
    // The second page's clock is seven minutes fast: without server time it would be 7 minutes apart.
    expect(await second.evaluate('Date.now() - performance.timeOrigin - performance.now()')).toBeGreaterThan(400_000);
    const [a, b] = await Promise.all([clockOf(overlay.page), clockOf(second)]);
    expect(Math.abs(a.shownMs - b.shownMs)).toBeLessThan(1000 / 60 + 30);
    expect(a.shownMs).toBeLessThanOrEqual(45 * 60_000);
    expect(a.shownMs).toBeGreaterThan(44 * 60_000);

    await control('/pause');
    for (const page of [overlay.page, second]) {
      await page.waitForFunction('window.__localLove.widget("show-clock").running === false', undefined, { timeout: 10_000 });
    }
    await overlay.page.waitForTimeout(1_200);
    const [pausedA, pausedB] = await Promise.all([clockOf(overlay.page), clockOf(second)]);
    expect(pausedA.timeText).toBe(pausedB.timeText);
    expect(pausedA.timeText).toMatch(/^4[45]:\d\d$/);
  });

  it('in its last minute, the clock glows and beats (looked at at 1080p and 720p)', async () => {
    await control('/set', { mode: 'countdown', durationMs: 42_000, warnMs: 60_000 });
    await control('/start');
    await overlay.page.waitForFunction('window.__localLove.widget("show-clock").warning === true', undefined, { timeout: 10_000 });
    await second.waitForFunction('window.__localLove.widget("show-clock").warning === true', undefined, { timeout: 10_000 });
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, 'clock-last-minute-en-1080p.png'), await overlay.page.screenshot({ omitBackground: true }));
    writeFileSync(join(OUTPUT, 'clock-last-minute-ja-720p.png'), await second.screenshot({ omitBackground: true }));
    await control('/reset');
    await overlay.page.waitForFunction('window.__localLove.widget("show-clock").warning === false', undefined, { timeout: 10_000 });
    expect((await clockOf(overlay.page)).timeText).toBe('00:42');
  });
});
