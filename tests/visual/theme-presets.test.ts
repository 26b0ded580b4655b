import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../src/theme/presets.ts';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';
import { E2E_CONTROL_TOKEN, control } from '../e2e/lower-third-helpers.ts';
import { advance, reopen, widget } from '../e2e/theme-helpers.ts';
import { expectMatchesGolden } from './golden.ts';

/**
 * Every theme preset, pixel for pixel: the meter at ¥12,345,678 and a lower third on air, under the test
 * clock so each screenshot is exactly repeatable. Also the thermometer style and the error card.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test',
    control: { token: E2E_CONTROL_TOKEN },
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 12_345_678 }),
  });
  await control(overlay, '/lower-third/show', { rosterId: 'aoi-sato' });
});

afterAll(async () => {
  await overlay?.close();
});

/**
 * Opens the overlay with `query` and waits for the card on air to begin its entrance: it arrives over the
 * socket and prepares its textures in real time, and only then does advancing the test clock play it.
 */
async function reopenWithCardEntering(query: string): Promise<void> {
  await reopen(overlay, query);
  await overlay.waitFor(`['entering', 'shown'].includes(window.__localLove.widget('lower-third')?.phase)`);
}

/** Opens the overlay with `query`, lets the lower third finish entering, and compares with the golden. */
async function expectScene(name: string, query: string): Promise<void> {
  await reopenWithCardEntering(`clock=test&${query}`);
  await advance(overlay, 1_500);
  expect(await widget(overlay, 'lower-third')).toMatchObject({ phase: 'shown' });
  expect(await widget(overlay, 'donation-meter')).toMatchObject({ displayedMinor: 12_345_678 });
  expectMatchesGolden(name, await overlay.page.screenshot({ omitBackground: true }));
}

describe('theme presets, pixel for pixel', () => {
  it.each(PRESET_IDS)('%s', async (preset) => {
    await expectScene(`theme-${preset}`, `preset=${preset}`);
  });

  it('night as a thermometer on the left, in English, with the lower third on the right', async () => {
    await expectScene('theme-night-thermometer', 'preset=night&meterStyle=thermometer&meter=left&lowerThird=right&lang=en');
  });

  it('minimal, compact numbers, meter at the bottom', async () => {
    await expectScene('theme-minimal-bottom-compact', 'preset=minimal&meter=bottom&numbers=compact&lang=en');
  });

  it('the error card over the fallbacks', async () => {
    await reopenWithCardEntering('clock=test&lang=en&preset=sunset&accent=pink&scale=9');
    await advance(overlay, 1_500);
    expect(await widget(overlay, 'error-card')).toMatchObject({ visible: true, alpha: 1 });
    expectMatchesGolden('theme-error-card', await overlay.page.screenshot({ omitBackground: true }));
  });
});
