import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * The feed server writes the campaign and the state into the overlay's page (feed/http/overlay-page.ts): the
 * meter is built and drawn while the socket still connects, and the socket's own campaign, the same, changes
 * nothing.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test&lang=en' });
});

afterAll(async () => {
  await overlay?.close();
});

/** A fresh page whose feed socket is held: it opens, but nothing reaches the feed server or comes back. */
async function pageWithHeldSocket(query: string): Promise<Page> {
  const page = await overlay.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.routeWebSocket(/\/socket\.io\//, () => {});
  await page.goto(`${overlay.feed.url}/?${query}`);
  return page;
}

const meterBuilt = 'window.__localLove && window.__localLove.widget("donation-meter") !== null';

describe("what the feed server writes into the overlay's page", () => {
  it('builds the meter before the feed socket answers', async () => {
    const page = await pageWithHeldSocket('clock=test&lang=en');
    try {
      await page.waitForFunction(meterBuilt, undefined, { timeout: 20_000, polling: 50 });
    } finally {
      await page.close();
    }
  });

  it("draws the meter, at the amount the server had when it served the page, before the feed socket answers", async () => {
    const { aggregator } = overlay.feed;
    aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 31_337 });
    const raised = aggregator.state('noto').donation.raisedMinor;
    const page = await pageWithHeldSocket('lang=en&region=noto');
    try {
      await page.waitForFunction('window.__localLove && window.__localLove.meterOnAirAtMs !== undefined', undefined, { timeout: 20_000, polling: 50 });
      expect(await page.evaluate('window.__localLove.lastState.region')).toBe('noto');
      expect(await page.evaluate('window.__localLove.widget("donation-meter").displayedMinor')).toBe(raised);
    } finally {
      await page.close();
    }
  });

  it('preloads the dictionary of its language, which the overlay then takes without asking again', async () => {
    const html = await (await fetch(`${overlay.feed.url}/?lang=ko`)).text();
    const preload = /<link rel="modulepreload" href="(\/assets\/ko-[\w-]+\.js)">/.exec(html)?.[1];
    expect(preload).toBeDefined();
    const page = await overlay.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      const asked: string[] = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(`${overlay.feed.url}/?lang=ko`);
      await page.waitForFunction('window.__localLove && window.__localLove.isReady', undefined, { timeout: 20_000 });
      expect(await page.evaluate('window.__localLove.widget("donation-meter").goalText')).toMatch(/목표/);
      expect(asked.filter((path) => path === preload)).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  it('is not used by an overlay that reads another feed (feed=): that one waits for its socket', async () => {
    const page = await pageWithHeldSocket(`clock=test&lang=en&feed=${encodeURIComponent(overlay.feed.url)}`);
    try {
      await page.waitForFunction('window.__localLove !== undefined', undefined, { timeout: 20_000 });
      await page.waitForTimeout(2_000);
      expect(await page.evaluate(meterBuilt)).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('is the campaign the socket then brings: the overlay is ready without starting afresh', async () => {
    await overlay.page.evaluate('window.__sameDocument = true');
    overlay.feed.aggregator.apply({ region: 'hokkaido', market: 'th', comments: 4 });
    await overlay.waitFor('window.__localLove.lastState && window.__localLove.lastState.totals.comments === 4');
    expect(await overlay.evaluate('window.__sameDocument === true && window.__localLove.isReady')).toBe(true);
    expect(await overlay.evaluate('document.getElementById("local-love-campaign") !== null')).toBe(true);
    expect(overlay.pageErrors).toEqual([]);
  });
});
