import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { chromium, type Browser, type Route } from 'playwright-core';
import { packageRoot } from '../package-root.ts';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.ts';
import { recapDimensions, type RecapCard, type RecapSize } from './recap-card.ts';
import { recapHtml } from './recap-html.ts';

/** The card's page lives at this made-up origin: every request to it is answered here, none reaches a network. */
const ORIGIN = 'http://recap.local';
/**
 * Noto Sans JP: from @fontsource in the repository, from the copy in dist-feed/fonts in the installed
 * package (where @fontsource, a build-time dependency, is absent: vite.feed.config.ts copies the weights the
 * card links there). Looked up when a card is rendered, so
 * that `start` runs whichever is there.
 */
function fontDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-jp/900.css'));
  } catch {
    const copied = join(packageRoot(), 'dist-feed', 'fonts');
    if (!existsSync(join(copied, '900.css'))) throw new Error(`the results card's fonts are missing: neither @fontsource/noto-sans-jp nor ${copied} (npm run build makes it)`);
    return copied;
  }
}
const CONTENT_TYPES: Record<string, string> = { css: 'text/css', woff2: 'font/woff2', woff: 'font/woff', svg: 'image/svg+xml' };

/**
 * Renders recap cards to PNG in headless Chromium (the one the browser tests use: /usr/bin/chromium, or
 * CHROME_PATH). One browser serves every card of a call and is closed after it, so nothing lingers in a
 * feed server between two requests.
 */
export async function renderRecapPngs(cards: readonly { card: RecapCard; size: RecapSize }[], executablePath = findBrowser()): Promise<Buffer[]> {
  const [fonts, icons] = [fontDir(), join(packageRoot(), 'assets', 'icons')];
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const pngs: Buffer[] = [];
    for (const { card, size } of cards) {
      const page = await browser.newPage({ viewport: recapDimensions(size), deviceScaleFactor: 1 });
      try {
        const html = recapHtml(card, size);
        await page.route(`${ORIGIN}/**`, (route) => answer(route, html, fonts, icons));
        await page.goto(`${ORIGIN}/card.html`);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
        pngs.push(await page.screenshot({ type: 'png' }));
      } finally {
        await page.close();
      }
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** The page, the bundled Noto Sans JP (only the subsets its text needs are fetched) and the overlay's icons. */
async function answer(route: Route, html: string, fontDir: string, iconDir: string): Promise<void> {
  const path = new URL(route.request().url()).pathname;
  if (path === '/card.html') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  const file = path.startsWith('/fonts/') ? join(fontDir, path.slice('/fonts/'.length)) : path.startsWith('/icons/') ? join(iconDir, basename(path)) : null;
  // Nothing outside the two folders: a path with .. resolves elsewhere and is refused.
  if (!file || !(file.startsWith(fontDir + '/') || file.startsWith(iconDir + '/'))) return route.fulfill({ status: 404, body: '' });
  try {
    const body = await readFile(file);
    return route.fulfill({ status: 200, contentType: CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream', body });
  } catch {
    return route.fulfill({ status: 404, body: '' });
  }
}
