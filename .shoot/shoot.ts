// Temporary design loop: serve a build, show cards, take screenshots at chosen moments.
import { chromium } from 'playwright-core';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../src/feed/config.ts';
import { startFeedServer } from '../src/feed/server.ts';

const TOKEN = 'design-loop-token-0123456789';
const [dist, out, ...steps] = process.argv.slice(2);
const feed = await startFeedServer({ campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH), staticDir: dist!, log: console.log, control: { token: TOKEN } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
page.on('console', (m) => console.log('page:', m.type(), m.text()));
await page.goto(`${feed.url}/?clock=test&${process.env.QUERY ?? ''}`);
await page.waitForFunction('window.__localLove && (window.__localLove.isReady || window.__localLove.error)');
if (process.env.BG) await page.evaluate(`document.body.style.background = ${JSON.stringify(process.env.BG)}`);
const post = (path: string, body: unknown) => fetch(`${feed.url}/api/control${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
let n = 0;
for (const step of steps) {
  const [kind, arg] = step.split('=');
  if (kind === 'show') await post('/lower-third/show', arg!.startsWith('{') ? { card: JSON.parse(arg!) } : { rosterId: arg });
  else if (kind === 'hide') await post('/lower-third/hide', {});
  else if (kind === 'queue') await post('/lower-third/queue', { op: 'add', rosterId: arg });
  else if (kind === 'next') await post('/lower-third/next', {});
  else if (kind === 'update') await post('/lower-third/update', { patch: JSON.parse(arg!) });
  else if (kind === 'wait') await page.waitForFunction(`window.__localLove.widget('lower-third')?.phase === '${arg}'`, undefined, { timeout: 10000 });
  else if (kind === 'adv') await page.evaluate(`window.__localLove.advance(${arg})`);
  else if (kind === 'shot') {
    const file = `${out}-${String(++n).padStart(2, '0')}-${arg}.png`;
    await page.screenshot({ path: file, omitBackground: process.env.ALPHA === '1' });
    console.log('shot', file, JSON.stringify(await page.evaluate(`window.__localLove.widget('lower-third')`)));
  } else if (kind === 'crop') {
    const file = `${out}-${String(++n).padStart(2, '0')}-${arg}.png`;
    await page.screenshot({ path: file, clip: { x: 60, y: 700, width: 1300, height: 360 } });
    console.log('crop', file);
  }
}
await browser.close();
await feed.close();
