import { chromium } from 'playwright-core';
import { build } from 'vite';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../src/feed/config.ts';
import { startFeedServer } from '../src/feed/server.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.ts';

const [likes, comments, gifts, query, prefix] = [Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 5), Number(process.argv[4] ?? 1), process.argv[5] ?? '', process.argv[6] ?? 'steady'];
const outDir = process.env.OUT ?? mkdtempSync(join(tmpdir(), 'll-look-'));
if (!process.env.OUT) await build({ configFile: false, root: process.cwd(), logLevel: 'warn', build: { target: 'chrome103', outDir, emptyOutDir: true, rollupOptions: { input: { overlay: join(process.cwd(), 'index.html') } } } });
const feed = await startFeedServer({ campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH), port: 0, staticDir: outDir, log: () => {}, simulator: { likesPerSecond: likes, commentsPerSecond: comments, giftsPerSecond: gifts, surges: false } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
page.on('console', (m) => console.log('page:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`${feed.url}/?${query}`);
await page.waitForFunction('window.__localLove && (window.__localLove.isReady || window.__localLove.error)');
console.log('error', await page.evaluate('window.__localLove.error'), 'renderer', await page.evaluate('window.__localLove.rendererName'));
for (const t of [1500, 1500, 2000]) {
  await page.waitForTimeout(t);
  const name = `/tmp/rb/${prefix}-${Date.now() % 100000}.png`;
  await page.screenshot({ path: name }); await page.screenshot({ path: name.replace('.png', '-crop.png'), clip: { x: 1180, y: 160, width: 740, height: 900 } });
  console.log(name, JSON.stringify(await page.evaluate("window.__localLove.widget('reaction-burst')")));
}
await browser.close();
await feed.close();
console.log('OUT', outDir);
