import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { StreamStatusList } from '../../src/protocol/index.ts';
import { RedisServer } from '../integration/helpers/redis-server.ts';
import { FakeLibrary } from '../unit/feed/sources/tiktok/library-double.ts';
import { CHROMIUM_ARGS } from './harness.ts';
import { E2E_CONTROL_TOKEN } from './lower-third-helpers.ts';

/**
 * Two feed nodes on one real Redis, started the same way: the control page of node B shows the streams
 * node A follows (their status shared through Redis) and says who follows them; when node A stops, node B
 * takes them over and its page says so. TikTok is a stand-in of the library on each node.
 */
let redis: RedisServer;
let nodeA: FeedServer;
let nodeB: FeedServer;
let browser: Browser;
let page: Page;
const libraryA = new FakeLibrary();
const pageErrors: string[] = [];

const startNode = (nodeId: string, library: FakeLibrary) =>
  startFeedServer({
    campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH),
    simulator: false,
    staticDir: inject('overlayDir'),
    control: { token: E2E_CONTROL_TOKEN },
    redis: { url: redis.url, leaseTtlMs: 2_000 },
    nodeId,
    tiktok: { openConnection: library.open, staggerMs: 0, random: () => 0, settleMs: 0, log: () => {} },
    log: () => {},
  });

beforeAll(async () => {
  redis = await RedisServer.start();
  nodeA = await startNode('studio-a', libraryA);
  // Node A takes the free streams first.
  await vi.waitFor(
    async () => {
      const list = StreamStatusList.parse(await (await fetch(`${nodeA.url}/api/streams`)).json());
      expect(list.streams.map((stream) => stream.owner.lease)).toEqual(Array(5).fill('here'));
    },
    { timeout: 15_000, interval: 100 },
  );
  nodeB = await startNode('studio-b', new FakeLibrary());
  browser = await chromium.launch({ executablePath: inject('browserPath'), args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 380, height: 1400 } });
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  await page.goto(`${nodeB.url}/control.html`);
  await page.fill('#token', E2E_CONTROL_TOKEN);
  await page.click('#token-form button[type=submit]');
  await page.waitForSelector('#connection[data-state=connected]');
});

afterAll(async () => {
  await browser?.close();
  await nodeB?.close();
  await nodeA?.close();
  await redis?.destroy();
});

const stream = (uniqueId: string) => `#streams [data-stream="${uniqueId}"]`;

describe('control page: streams followed by another feed node', () => {
  it('shows on node B the streams node A follows, with their status, and who follows them', async () => {
    await page.waitForSelector(`${stream('locallove_tohoku')}[data-state=connected] .stream-owner[data-lease=elsewhere]`);
    expect(await page.locator('#streams .stream-owner[data-lease=elsewhere]').count()).toBe(5);
    expect(await page.textContent(`${stream('locallove_tohoku')} .stream-owner`)).toBe('followed by feed node studio-a');
    const tohoku = libraryA.opened.find((c) => c.uniqueId === 'locallove_tohoku')!;
    tohoku.push('like', { common: { msgId: 'l1', createTime: String(Date.now()) }, count: 1, total: '5000' });
    tohoku.push('like', { common: { msgId: 'l2', createTime: String(Date.now()) }, count: 1, total: '5120' });
    // Counted on node A, shown on node B's page within the second the status is shared.
    await page.waitForSelector(`${stream('locallove_tohoku')} .stream-details:has-text("room likes: 5,120")`);
    expect(await page.textContent(`${stream('locallove_tohoku')} .stream-figures`)).toBe('2 counted · 0 old history dropped · 0 repeats dropped');
  });

  it('says node B follows them once node A has stopped', async () => {
    await nodeA.close();
    await page.waitForSelector(`${stream('locallove_tohoku')}[data-state=connected] .stream-owner[data-lease=here]`, { timeout: 15_000 });
    expect(await page.textContent(`${stream('locallove_tohoku')} .stream-owner`)).toBe('followed by this feed node (studio-b)');
    expect(pageErrors).toEqual([]);
  });
});
