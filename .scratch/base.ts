import { chromium } from 'playwright-core';
import { build } from 'vite';
import { join } from 'node:path';
import { startFeedServer } from '../src/feed/server.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../src/feed/config.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.ts';
import { GL_PROBE_SCRIPT, READ_GL_PROBE } from '../tests/e2e/gl-probe.ts';
const outDir = '/tmp/ll-bench-scratch';
if (!process.env.NOBUILD) await build({ configFile: false, root: process.cwd(), logLevel: 'error', build: { target: 'chrome103', outDir, emptyOutDir: true, rollupOptions: { input: { overlay: join(process.cwd(), 'index.html'), baseline: join(process.cwd(), 'scripts/bench/baseline.html') } } } });
const feed = await startFeedServer({ campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH), port: 0, staticDir: outDir, log: () => {}, simulator: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const q of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(GL_PROBE_SCRIPT);
  await page.goto(`${feed.url}/scripts/bench/baseline.html?${q}`);
  await page.waitForFunction('window.__baseline');
  await page.waitForTimeout(1500);
  const a: any = await page.evaluate(READ_GL_PROBE); const t = Date.now();
  await page.waitForTimeout(4000);
  const b: any = await page.evaluate(READ_GL_PROBE);
  console.log(q, 'fps', ((b.frames - a.frames) * 1000 / (Date.now() - t)).toFixed(1));
  await page.close();
}
await browser.close(); await feed.close();
