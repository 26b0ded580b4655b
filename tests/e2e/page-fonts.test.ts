import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LANGUAGES, PAGE_FONTS_SCRIPT_ID } from '../../src/protocol/index.ts';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * The feed server writes into the overlay's page the preloads and @font-face rules of the font files the
 * overlay draws first (feed/http/overlay-fonts.ts): the meter and the stale sign are drawn from those files
 * alone, with no @fontsource stylesheet, in every language and preset. Whatever the page's rules do not
 * hold still comes from the stylesheets.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test' });
});

afterAll(async () => {
  await overlay?.close();
});

interface Loaded {
  readonly preloaded: string[];
  readonly fonts: string[];
  readonly stylesheets: string[];
  readonly errors: string[];
}

const READY = 'window.__localLove && (window.__localLove.isReady || window.__localLove.error)';

/**
 * A fresh page of the overlay, ready, and what it preloaded and fetched (file names). With `edit`, the page
 * as the server wrote it is changed on its way; Chromium then holds the page's socket to the local server
 * back (a page from a route is not the server's own), so such a page is waited for only until the meter,
 * which the page's campaign builds, is built.
 */
async function load(query: string, edit?: (html: string) => string): Promise<Loaded> {
  const page: Page = await overlay.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  try {
    if (edit) {
      await page.route((url) => url.pathname === '/', async (route) => {
        const response = await route.fetch();
        const { 'content-length': _length, ...headers } = response.headers();
        await route.fulfill({ response, headers, body: edit(await response.text()) });
      });
    }
    await page.goto(`${overlay.feed.url}/?${query}`);
    await page.waitForFunction(edit ? 'window.__localLove && window.__localLove.widget("donation-meter") !== null' : READY, undefined, { timeout: 30_000 });
    expect(await page.evaluate('window.__localLove.error ?? null')).toBeNull();
    const names = (expression: string) => page.evaluate<string[]>(`${expression}.map((url) => url.split('/').pop()).sort()`);
    return {
      preloaded: await names(`[...document.querySelectorAll('link[rel=preload][as=font]')].map((link) => link.href)`),
      fonts: await names(`performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\\.(woff2|ttf)$/.test(name))`),
      stylesheets: await names(`performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.endsWith('.css'))`),
      errors,
    };
  } finally {
    await page.close();
  }
}

describe("the fonts in the overlay's page", () => {
  it.each(LANGUAGES)('%s: the meter is drawn from the preloaded files alone, without a stylesheet', async (lang) => {
    const loaded = await load(`clock=test&lang=${lang}`);
    expect(loaded.preloaded.length).toBeGreaterThan(0);
    expect(loaded.stylesheets).toEqual([]);
    expect(loaded.fonts).toEqual(loaded.preloaded);
    expect(loaded.errors).toEqual([]);
  });

  it.each(['preset=night&lang=ko&meterStyle=thermometer', 'preset=minimal&lang=zh-Hant', 'lang=th&market=tw&ref=on&adjustments=split', 'lang=vi&region=noto'])(
    '%s: every preset and meter line is written for',
    async (query) => {
      const loaded = await load(`clock=test&${query}`);
      expect(loaded.stylesheets).toEqual([]);
      expect(loaded.fonts).toEqual(loaded.preloaded);
      expect(loaded.errors).toEqual([]);
    },
  );

  it('draws the kanji from one merged font per weight, and the kana and Latin from their slices', async () => {
    const loaded = await load('clock=test&lang=ja&preset=night');
    expect(loaded.preloaded.filter((name) => name.endsWith('.ttf')).length).toBeGreaterThan(0);
    expect(loaded.fonts).toEqual(loaded.preloaded);
    expect(loaded.stylesheets).toEqual([]);
    expect(loaded.errors).toEqual([]);
  });

  it('takes the stylesheet of a weight whose merged font cannot be loaded', async () => {
    const loaded = await load('clock=test&lang=ja', (html) => html.replaceAll(/\/fonts\/merged\/[0-9a-f]+\.ttf/g, '/fonts/merged/00000000000000000000.ttf'));
    expect(loaded.stylesheets.length).toBeGreaterThan(0);
    // A page from a route has its socket held back (see load): only font errors count here.
    expect(loaded.errors.filter((error) => !/404|WebSocket/.test(error))).toEqual([]);
  });

  it('takes the stylesheet of a weight whose characters the page does not list', async () => {
    // The page as a server whose formatting differs from the browser's would write it: the number weight
    // (800 in the default preset) lists no characters.
    const loaded = await load('clock=test&lang=en', (html) =>
      html.replace(new RegExp(`(<script type="application/json" id="${PAGE_FONTS_SCRIPT_ID}">.*?"800":)"[^"]*"`), '$1""'),
    );
    expect(loaded.stylesheets).toHaveLength(1);
    expect(loaded.stylesheets[0]).toMatch(/^800-/);
  });

  it('writes no fonts for an overlay that reads another feed (feed=): that one takes the stylesheets', async () => {
    const loaded = await load(`clock=test&lang=en&feed=${encodeURIComponent(overlay.feed.url)}`);
    expect(loaded.preloaded).toEqual([]);
    expect(loaded.stylesheets.length).toBeGreaterThan(0);
    expect(loaded.fonts.length).toBeGreaterThan(0);
  });
});
