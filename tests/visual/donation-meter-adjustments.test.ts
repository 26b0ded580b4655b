import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';
import { expectMatchesGolden } from './golden.ts';

/**
 * `adjustments=split`: a sponsor's match shown apart under the amount, and its void, which lowers the
 * total: the meter counts down and does not celebrate, even though the match had taken it past ¥10M.
 */
let overlay: OverlayHarness;
const MATCH = 'adj-00000000000a';

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test&lang=ja&widgets=meter&adjustments=split',
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 8_400_000 }),
  });
});
afterAll(async () => {
  await overlay?.close();
});

const meter = () => overlay.evaluate<Record<string, unknown>>('window.__localLove.widget("donation-meter")');
const advance = (ms: number) => overlay.evaluate(`window.__localLove.advance(${ms})`);
const seen = () => overlay.waitFor(`window.__localLove.lastState.seq >= ${overlay.feed.aggregator.seq}`);

describe('donation meter with adjustments shown apart', () => {
  it('celebrates the milestone a match takes it past, with the match on a line of its own', async () => {
    overlay.feed.aggregator.applyLedger({ op: 'add', id: MATCH, key: 'k1', at: Date.now(), kind: 'matching', amountMinor: 2_000_000, region: null, reason: 'Sponsor' });
    await seen();
    await advance(700);
    expect((await meter())['celebrating']).toBe(true);
    await advance(5_000);
    expect(await meter()).toMatchObject({ amountText: '¥10,400,000', adjustmentsMinor: 2_000_000, celebrating: false });
    expectMatchesGolden('donation-meter-split', await overlay.page.screenshot({ omitBackground: true }));
  });

  it('counts down when the match is voided, and never celebrates on the way', async () => {
    overlay.feed.aggregator.applyLedger({ op: 'void', id: MATCH, key: 'k2', at: Date.now(), reason: 'Withdrawn' });
    await seen();
    for (let step = 0; step < 12; step++) {
      await advance(150);
      expect((await meter())['celebrating']).toBe(false);
    }
    await advance(5_000);
    expect(await meter()).toMatchObject({ amountText: '¥8,400,000', displayedMinor: 8_400_000, adjustmentsMinor: 0, celebrating: false });
    // Reactions bring it back over ¥10M: the figures change, the milestone is not celebrated twice.
    overlay.feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 2_000_000 });
    await seen();
    for (let step = 0; step < 12; step++) {
      await advance(150);
      expect((await meter())['celebrating']).toBe(false);
    }
  });
});
