import { chromium } from 'playwright-core';
import { build } from 'vite';
import { join } from 'node:path';
import { startFeedServer } from '../src/feed/server.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../src/feed/config.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.ts';
const outDir = '/tmp/ll-bench-scratch';
if (!process.env.NOBUILD) await build({ configFile: false, root: process.cwd(), logLevel: 'error', build: { target: 'chrome103', outDir, emptyOutDir: true, rollupOptions: { input: { overlay: join(process.cwd(), 'index.html'), baseline: join(process.cwd(), 'scripts/bench/baseline.html') } } } });
const feed = await startFeedServer({ campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH), port: 0, staticDir: outDir, log: () => {}, simulator: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`${feed.url}/?clock=test&${process.env.Q ?? ''}`);
await page.waitForFunction('window.__localLove && window.__localLove.isReady');
if (process.env.BG) await page.evaluate(`document.documentElement.style.background = '${process.env.BG}'`);
const markets = ['jp', 'tw', 'kr', 'us', 'hk', 'th'];
const mode = process.argv[2] ?? 'storm';
let n = 0;
const shot = async (tag: string) => {
  const name = `/tmp/rb/m-${mode}-${tag}.png`;
  await page.screenshot({ path: name, omitBackground: false });
  await page.screenshot({ path: name.replace('.png', '-crop.png'), clip: { x: 1180, y: 120, width: 740, height: 960 } });
  console.log(name, JSON.stringify(await page.evaluate("window.__localLove.widget('reaction-burst')")));
};
const tick = async (likes: number, comments: number, gifts: number[]) => {
  const market = markets[n++ % markets.length]!;
  feed.aggregator.apply({ region: 'tohoku', market, likes, comments });
  gifts.forEach((d, i) => feed.aggregator.apply({ region: 'kumamoto', market: markets[(n + i + 1) % markets.length]!, gifts: 1, giftDiamonds: d }));
  feed.flush();
  await page.waitForFunction(`window.__localLove.lastState.seq >= ${feed.aggregator.seq}`);
  await page.evaluate('window.__localLove.advance(100)');
};
const sizes = [1, 1, 1, 1, 5, 5, 10, 10, 30, 99, 199, 299, 1000];
if (mode === 'storm' || mode === 'steadyreal') {
  // Real-time consistent: counts for the real time elapsed, and the clock advanced by the same.
  const rates = mode === 'storm' ? [10000, 100, 20] : [200, 5, 1];
  let last = Date.now();
  let debt = [0, 0, 0];
  let t = 0;
  while (t < 8000) {
    await new Promise((r) => setTimeout(r, 60));
    const now = Date.now(); const dt = now - last; last = now; t += dt;
    debt = debt.map((d, i) => d + rates[i]! * dt / 1000);
    const [likes, comments, gifts] = debt.map(Math.floor) as [number, number, number];
    debt = debt.map((d) => d - Math.floor(d));
    const market = markets[n++ % markets.length]!;
    feed.aggregator.apply({ region: 'tohoku', market, likes, comments });
    for (let g = 0; g < gifts; g++) feed.aggregator.apply({ region: 'kumamoto', market: markets[(n + g + 1) % markets.length]!, gifts: 1, giftDiamonds: sizes[(n * 7 + g) % 13]! });
    feed.flush();
    await page.waitForFunction(`window.__localLove.lastState.seq >= ${feed.aggregator.seq}`);
    await page.evaluate(`window.__localLove.advance(${dt})`);
    if (t > 6000 && !process.env.SHOT6) { process.env.SHOT6 = '1'; await shot('6s'); last = Date.now(); }
  }
  await shot('8s');
} else if (mode === 'steady') {
  for (let t = 0; t < 60; t++) await tick(20, t % 2, t % 10 === 0 ? [sizes[t % 13]!] : []);
  await shot('6s');
} else if (mode === 'big') {
  for (let t = 0; t < 20; t++) await tick(3, t % 4 === 0 ? 1 : 0, []);
  await tick(3, 0, [30000]);
  for (const ms of [100, 200, 300, 500, 800, 1200, 2000]) { await page.evaluate(`window.__localLove.advance(${ms - (Number(process.env.PREV) || 0)})`); process.env.PREV = String(ms); await shot(`big-${ms}`); }
}
await browser.close(); await feed.close();
