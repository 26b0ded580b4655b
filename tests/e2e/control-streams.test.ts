import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { FakeLibrary } from '../unit/tiktok/library-double.ts';
import { CHROMIUM_ARGS } from './harness.ts';
import { E2E_CONTROL_TOKEN } from './lower-third-helpers.ts';

/**
 * The TikTok LIVE streams on the producer's control page, in Chromium, fed by a real feed server whose
 * TikTok sources run on a stand-in of the library: what is counted and dropped, and the warnings.
 */
let feed: FeedServer;
let browser: Browser;
let page: Page;
const library = new FakeLibrary();
const pageErrors: string[] = [];

beforeAll(async () => {
  feed = await startFeedServer({
    campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH),
    simulator: false,
    staticDir: inject('overlayDir'),
    control: { token: E2E_CONTROL_TOKEN },
    tiktok: { openConnection: library.open, staggerMs: 0, random: () => 0, settleMs: 0, log: () => {} },
    log: () => {},
  });
  browser = await chromium.launch({ executablePath: inject('browserPath'), args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 380, height: 1400 } });
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  await page.goto(`${feed.url}/control.html`);
  await page.fill('#token', E2E_CONTROL_TOKEN);
  await page.click('#token-form button[type=submit]');
  await page.waitForSelector('#connection[data-state=connected]');
});

afterAll(async () => {
  await browser?.close();
  await feed?.close();
});

const stream = (uniqueId: string) => `#streams [data-stream="${uniqueId}"]`;

describe('control page: TikTok LIVE streams', () => {
  it('lists every stream with what it counted, the room’s like total and the age of its last event', async () => {
    await page.waitForSelector(`${stream('locallove_tohoku')}[data-state=connected]`);
    expect(await page.locator('#streams .stream').count()).toBe(5);
    const tohoku = library.opened.find((c) => c.uniqueId === 'locallove_tohoku')!;
    tohoku.push('like', { common: { msgId: 'l1', createTime: String(Date.now()) }, count: 1, total: '5000' });
    tohoku.push('like', { common: { msgId: 'l2', createTime: String(Date.now()) }, count: 1, total: '5120' });
    tohoku.push('like', { common: { msgId: 'l2', createTime: String(Date.now()) }, count: 1, total: '5120' });
    await page.waitForSelector(`${stream('locallove_tohoku')} .stream-figures:has-text("2 counted")`);
    expect(await page.textContent(`${stream('locallove_tohoku')} .stream-figures`)).toBe('2 counted · 0 old history dropped · 1 repeats dropped');
    expect(await page.textContent(`${stream('locallove_tohoku')} .stream-details`)).toMatch(/^room likes: 5,120 · last event: \d+ s ago · clock offset: [+-]?\d+\.\d s$/);
  });

  it('warns in words when gifts come without a price', async () => {
    const noto = library.opened.find((c) => c.uniqueId === 'locallove_noto')!;
    noto.push('gift', { common: { msgId: 'g1' }, user: { id: '1' }, giftId: '424242', groupId: '9', repeatCount: 3, repeatEnd: 1 });
    await page.waitForSelector(`${stream('locallove_noto')}[data-warn=true] .stream-notice.warning`);
    expect(await page.textContent(`${stream('locallove_noto')} .stream-notice.warning`)).toBe('3 gifts came without a price and are not in the totals (see the feed log).');
    expect(pageErrors).toEqual([]);
  });
});
