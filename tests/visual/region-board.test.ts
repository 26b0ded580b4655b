import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedServer } from '../../src/feed/server.ts';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';
import { expectMatchesGolden } from './golden.ts';

/**
 * The region board at a fixed state under the test clock: Noto on stage (the producer's choice), the
 * amounts settled. The golden is the map layout at 1080p; the bars and 720p are written to __output__ to
 * be looked at.
 */
const TOKEN = 'producer-token-for-tests-0123456789';
const OUTPUT = join(import.meta.dirname, '__output__');
let overlay: OverlayHarness | undefined;

function give(feed: FeedServer): void {
  const gifts: [string, number][] = [['tohoku', 6_120_400], ['kumamoto', 3_480_150], ['noto', 4_210_000], ['hiroshima', 1_905_300], ['hokkaido', 2_660_700]];
  for (const [region, yen] of gifts) feed.aggregator.apply({ region, market: 'jp', giftDiamonds: yen });
}

async function open(query: string, viewport = { width: 1920, height: 1080 }): Promise<OverlayHarness> {
  overlay = await startOverlay({ query: `clock=test&${query}`, viewport, control: { token: TOKEN }, beforeOpen: give });
  const response = await fetch(`${overlay.feed.url}/api/control/stage-region`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ region: 'noto' }),
  });
  expect(response.status).toBe(200);
  await overlay.waitFor('window.__localLove.widget("region-board").highlighted === "noto"');
  await overlay.evaluate('window.__localLove.advance(3000)');
  return overlay;
}

function keep(name: string, png: Buffer): void {
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, `${name}.png`), png);
}

afterEach(async () => {
  await overlay?.close();
  overlay = undefined;
});

describe('region board', () => {
  it('on the map: five regions ranked, amounts settled, Noto highlighted (golden)', async () => {
    const shown = await open('lang=ja&widgets=board');
    const board = await shown.evaluate<{ order: string[]; rows: Record<string, { amount: string; share: string }> }>('window.__localLove.widget("region-board")');
    expect(board.order).toEqual(['tohoku', 'noto', 'kumamoto', 'hokkaido', 'hiroshima']);
    expect(board.rows['noto']).toEqual({ amount: '¥4,210,000', share: '23%' });
    const png = await shown.page.screenshot({ omitBackground: true });
    keep('board-map-ja-1080p', png);
    expectMatchesGolden('region-board-map', png);
  });

  it('as bars at 720p, in English', async () => {
    const shown = await open('lang=en&widgets=meter,board&board=bars', { width: 1280, height: 720 });
    expect(await shown.evaluate('window.__localLove.widget("region-board").layout')).toBe('bars');
    keep('board-bars-en-720p', await shown.page.screenshot({ omitBackground: true }));
  });

  it('on the map at 720p with the meter', async () => {
    const shown = await open('lang=en&widgets=meter,board', { width: 1280, height: 720 });
    keep('board-map-en-720p', await shown.page.screenshot({ omitBackground: true }));
  });
});
