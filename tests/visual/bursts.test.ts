import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';
import { expectMatchesGolden } from './golden.ts';

/**
 * A burst of reactions at a fixed test clock, pixel for pixel. Every update carries at most one like, one
 * comment and one gift, and updates are at least 400 ms apart in real time: the burst then depends only on
 * the sequence of states and the test clock, never on how fast this machine delivered them (one reaction
 * in an update is shown alike whether the update reads as the stream's next tick or as a backlog).
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test&widgets=bursts' });
});

afterAll(async () => {
  await overlay?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const advance = (ms: number) => overlay.evaluate(`window.__localLove.advance(${ms})`);
const bursts = () => overlay.evaluate<{ live: number; spawned: number; timeMs: number }>('window.__localLove.widget("reaction-burst")');
const screenshot = () => overlay.page.screenshot({ omitBackground: true });

const MARKETS = ['jp', 'tw', 'kr', 'us'];
/** Diamonds of the gift sent with update i, if any: a rose, a star, a big gift, a treasure chest. */
const GIFTS: Readonly<Record<number, number>> = { 1: 1, 4: 30, 7: 5000, 10: 299 };

/** One update through the real feed server, received by the overlay while its clock stands still. */
async function update(index: number): Promise<void> {
  const diamonds = GIFTS[index];
  const { aggregator } = overlay.feed;
  aggregator.apply({
    region: 'tohoku',
    market: MARKETS[index % MARKETS.length]!,
    likes: 1,
    comments: index % 3 === 2 ? 1 : 0,
    gifts: diamonds ? 1 : 0,
    giftDiamonds: diamonds ?? 0,
  });
  overlay.feed.flush();
  await overlay.waitFor(`window.__localLove.lastState.seq >= ${aggregator.seq}`);
}

describe('reaction bursts, pixel for pixel', () => {
  it('shows nothing before any reaction', async () => {
    expect(await bursts()).toMatchObject({ live: 0, spawned: 0 });
  });

  it('celebrates a big gift with a flash and a ring of sparkles', async () => {
    for (let index = 0; index < 8; index++) {
      await update(index);
      await advance(150);
      await sleep(400);
    }
    // 8 hearts, 2 bubbles, a rose, a star, and the big gift: its gem, flash and 8 sparkles.
    expect((await bursts()).spawned).toBe(8 + 2 + 2 + 1 + 1 + 8);
    await advance(150);
    expectMatchesGolden('reaction-burst-big-gift', await screenshot());
  });

  it('flows hearts, bubbles and gifts up the right side, fanning out and fading as they rise', async () => {
    for (let index = 8; index < 14; index++) {
      await update(index);
      await advance(150);
      await sleep(400);
    }
    expect((await bursts()).spawned).toBe(14 + 4 + 4 + 1 + 8);
    await advance(500);
    expectMatchesGolden('reaction-burst-flow', await screenshot());
  });

  it('leaves nothing behind once the last particle has risen and faded', async () => {
    await advance(5000);
    expect((await bursts()).live).toBe(0);
    const blank = await screenshot();
    await advance(100);
    expect(Buffer.compare(blank, await screenshot())).toBe(0);
  });
});
