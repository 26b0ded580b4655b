import { chromium } from 'playwright-core';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../src/feed/config.ts';
import { startFeedServer } from '../src/feed/server.ts';

const TOKEN = 'design-loop-token-0123456789';
const [dist, out] = process.argv.slice(2);
const feed = await startFeedServer({ campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH), staticDir: dist!, log: console.log, control: { token: TOKEN } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const width of [380, 1100]) {
  const page = await browser.newPage({ viewport: { width, height: 1400 }, deviceScaleFactor: 1 });
  page.on('console', (m) => console.log('page:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(`${feed.url}/control.html`);
  await page.fill('#token', TOKEN);
  await page.click('#token-form button[type=submit]');
  await page.waitForSelector('#connection[data-state=connected]');
  await page.waitForSelector('[data-roster-id="ryunosuke-teshigawara"]');
  await page.click('[data-roster-id="kenta-takamori"]');
  await page.click('#queue-add');
  await page.click('[data-roster-id="ryunosuke-teshigawara"]');
  await page.click('#take');
  await page.waitForSelector('#onair-badge[data-on=true]');
  await page.click('[data-roster-id="aoi-sato"]');
  await page.screenshot({ path: `${out}-${width}.png`, fullPage: true });
  console.log('shot', `${out}-${width}.png`);
  await page.click('#hide');
  await page.close();
}
await browser.close();
await feed.close();
