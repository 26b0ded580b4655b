import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';
import { E2E_CONTROL_TOKEN, LOWER_BAND, advance, control, drawnPixels, lowerThird, waitForPhase } from './lower-third-helpers.ts';

/**
 * The lower third in headless Chromium, cued through the real control API of the real feed server.
 * The test clock holds time still, so each check sees one exact moment of the animation.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test&widgets=lower-third', control: { token: E2E_CONTROL_TOKEN } });
});

afterAll(async () => {
  await overlay?.close();
});

const screenshot = () => overlay.page.screenshot({ omitBackground: true });

describe('lower third: show and hide', () => {
  it('draws nothing while no card is on air', async () => {
    expect((await lowerThird(overlay)).phase).toBe('hidden');
    expect(drawnPixels(await screenshot(), LOWER_BAND)).toBe(0);
  });

  it('shows the card after show: names, title and region, inside the title-safe area', async () => {
    await control(overlay, '/lower-third/show', { rosterId: 'aoi-sato' });
    await waitForPhase(overlay, 'entering');
    await advance(overlay, 1_200);
    const shown = await lowerThird(overlay);
    expect(shown.phase).toBe('shown');
    expect(shown.texts).toEqual({ nameJa: '佐藤 葵', nameLatin: 'Aoi Sato', title: 'シンガーソングライター', region: '東北' });
    expect(shown.hasPhoto).toBe(true);
    const { bounds, safe } = shown;
    expect(bounds!.x).toBeGreaterThanOrEqual(safe.x);
    expect(bounds!.y + bounds!.height).toBeLessThanOrEqual(safe.y + safe.height);
    // The card's box is drawn: most of the plate area is opaque.
    const drawn = drawnPixels(await screenshot(), bounds!);
    expect(drawn).toBeGreaterThan(bounds!.width * bounds!.height * 0.45);
  });

  it('is gone after hide: nothing drawn in the lower band', async () => {
    await control(overlay, '/lower-third/hide');
    await waitForPhase(overlay, 'leaving');
    await advance(overlay, 300);
    expect(drawnPixels(await screenshot(), LOWER_BAND)).toBeGreaterThan(0); // still leaving
    await advance(overlay, 600);
    expect((await lowerThird(overlay)).phase).toBe('hidden');
    expect(drawnPixels(await screenshot(), LOWER_BAND)).toBe(0);
  });
});

describe('lower third: update and next', () => {
  it('an update changes the text in place: the card stays fully drawn throughout', async () => {
    await control(overlay, '/lower-third/show', { rosterId: 'kenta-takamori' });
    await waitForPhase(overlay, 'entering');
    await advance(overlay, 1_200);
    const before = await lowerThird(overlay);
    const fullyIn = drawnPixels(await screenshot(), before.bounds!);

    await control(overlay, '/lower-third/update', { patch: { title: { ja: 'お笑い芸人・熊本観光大使', en: 'Comedian & Kumamoto tourism ambassador' } } });
    await waitForPhase(overlay, 'updating');
    await advance(overlay, 100);
    // An entrance would start from an empty plate; an update keeps the card on screen.
    expect(drawnPixels(await screenshot(), before.bounds!)).toBeGreaterThan(fullyIn * 0.8);
    await advance(overlay, 800);
    const after = await lowerThird(overlay);
    expect(after).toMatchObject({ phase: 'shown', cueId: before.cueId, texts: { nameJa: '高森 健太', title: 'お笑い芸人・熊本観光大使' } });
  });

  it('next plays the card out, then the queued card in, as a new take', async () => {
    await control(overlay, '/lower-third/queue', { op: 'add', rosterId: 'misaki-notoya' });
    const before = await lowerThird(overlay);
    await control(overlay, '/lower-third/next');
    await waitForPhase(overlay, 'leaving');
    await advance(overlay, 700);
    await waitForPhase(overlay, 'entering');
    await advance(overlay, 1_200);
    const after = await lowerThird(overlay);
    expect(after.phase).toBe('shown');
    expect(after.texts?.nameJa).toBe('能登谷 美咲');
    expect(after.cueId).not.toBe(before.cueId);
  });

  it('a reloaded overlay shows the card on air at once', async () => {
    await overlay.page.reload();
    await overlay.waitFor('window.__localLove && window.__localLove.isReady');
    await waitForPhase(overlay, 'entering');
    await advance(overlay, 1_200);
    expect((await lowerThird(overlay)).texts?.nameJa).toBe('能登谷 美咲');
  });

  it('shrinks a name too long for its box instead of clipping it', async () => {
    const nameJa = '寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処';
    await control(overlay, '/lower-third/show', {
      card: { nameJa, nameLatin: 'Jugemu Jugemu Gokou-no-Surikire Kaijari-Suigyo', title: { ja: '落語家', en: 'Rakugo storyteller' }, region: 'noto' },
    });
    await waitForPhase(overlay, 'leaving');
    await advance(overlay, 700);
    await waitForPhase(overlay, 'entering');
    await advance(overlay, 1_200);
    const shown = await lowerThird(overlay);
    expect(shown.texts?.nameJa).toBe(nameJa);
    expect(shown.fit!['nameJa']!.scaleY).toBeLessThan(1);
    expect(shown.textWidths!['nameJa']).toBeLessThanOrEqual(760);
    expect(shown.bounds!.x + shown.bounds!.width).toBeLessThanOrEqual(shown.safe.x + shown.safe.width);
    expect(overlay.pageErrors).toEqual([]);
  });
});
