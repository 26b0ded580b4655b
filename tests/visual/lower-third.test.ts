import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';
import { E2E_CONTROL_TOKEN, advance, control, lowerThird, waitForPhase } from '../e2e/lower-third-helpers.ts';
import { expectMatchesGolden } from './golden.ts';

/**
 * The lower third fully in, pixel for pixel, under the test clock: a Japanese name with a photo, and the
 * roster's long name (condensed to fit its box). Only the lower band of the frame is compared.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test&lang=ja&widgets=lower-third', control: { token: E2E_CONTROL_TOKEN } });
});

afterAll(async () => {
  await overlay?.close();
});

const BAND = { x: 0, y: 760, width: 1300, height: 320 };

async function takeAndSettle(rosterId: string, replacing: boolean): Promise<void> {
  await control(overlay, '/lower-third/show', { rosterId });
  if (replacing) {
    await waitForPhase(overlay, 'leaving');
    await advance(overlay, 700);
  }
  await waitForPhase(overlay, 'entering');
  await advance(overlay, 1_500);
  expect((await lowerThird(overlay)).phase).toBe('shown');
}

describe('lower third, pixel for pixel', () => {
  it('a Japanese name with photo, fully in', async () => {
    await takeAndSettle('misaki-notoya', false);
    expectMatchesGolden('lower-third-ja', await overlay.page.screenshot({ omitBackground: true, clip: BAND }));
  });

  it('a long name, condensed to fit and never clipped', async () => {
    await takeAndSettle('ryunosuke-teshigawara', true);
    const shown = await lowerThird(overlay);
    expect(shown.fit!['nameJa']!.scaleX).toBeLessThan(1);
    expectMatchesGolden('lower-third-long-name', await overlay.page.screenshot({ omitBackground: true, clip: BAND }));
  });
});
