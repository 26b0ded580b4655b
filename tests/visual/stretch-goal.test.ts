import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';

/**
 * The sample campaign (goal ¥20M, stretch goals ¥22M and ¥24M, cap ¥25M) passing its goal on the
 * overlay, under the test clock: the server moves the goal on, the meter counts to the old goal, celebrates
 * it, then rolls out to the next with the passed goal left on the bar as a marker. Each moment is written to
 * __output__ to be looked at, at 1080p and (a second page) 720p.
 */
const OUTPUT = join(import.meta.dirname, '__output__');
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test&lang=en&widgets=meter',
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 19_400_000 }),
  });
});

afterAll(async () => {
  await overlay?.close();
});

const meter = () => overlay.evaluate<Record<string, unknown>>('window.__localLove.widget("donation-meter")');
const advance = (ms: number) => overlay.evaluate(`window.__localLove.advance(${ms})`);
async function keep(name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, `${name}.png`), await overlay.page.screenshot({ omitBackground: true }));
}

describe('a stretch goal passed by reactions, on the overlay', () => {
  it('moves the goal on: the meter fills, celebrates the goal, rolls to the next and keeps the passed goal as a marker', async () => {
    expect(await meter()).toMatchObject({ goalText: 'GOAL ¥20,000,000', percentText: '97%' });
    overlay.feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 1_100_000 });
    expect(overlay.feed.aggregator.state(null).donation).toMatchObject({ goalMinor: 22_000_000, passedGoalMinor: 20_000_000 });
    await overlay.waitFor(`window.__localLove.lastState.donation.goalMinor === 22000000`);

    await advance(500);
    const reaching = await meter();
    expect(reaching).toMatchObject({ celebrating: true, goalText: 'NEXT GOAL ¥22,000,000', notes: ['', '', "Rebuild Noto's fishing port"] });
    await keep('stretch-1-celebrating-1080p');

    await advance(900);
    expect(await meter()).toMatchObject({ rolling: true });
    await keep('stretch-2-rolling-1080p');

    await advance(4_000);
    expect(await meter()).toMatchObject({ rolling: false, goalShownMinor: 22_000_000, amountText: '¥20,500,000', percentText: '93%', goalText: 'NEXT GOAL ¥22,000,000' });
    expect((await meter())['notes']).toEqual(['', '', "Rebuild Noto's fishing port"]);
    await keep('stretch-3-settled-1080p');
    await overlay.page.setViewportSize({ width: 1280, height: 720 });
    await advance(16);
    await keep('stretch-3-settled-720p');
  });
});
