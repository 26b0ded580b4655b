import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGE_FACES } from '../../src/overlay/theme/language-fonts.ts';
import { LANGUAGES, type Language } from '../../src/protocol/index.ts';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';
import { E2E_CONTROL_TOKEN, advance, control, lowerThird, waitForPhase } from '../e2e/lower-third-helpers.ts';
import { expectMatchesGolden } from './golden.ts';

/**
 * The meter and a lower third in every language, at 1080p and 720p: the texts are the campaign's own in
 * that language, drawn in its bundled face, and every text fits inside its box and the title-safe area.
 * Korean, Thai and Traditional Chinese are compared with goldens at 1080p; every shot is written to
 * tests/visual/__output__/ to be looked at.
 */
const OUTPUT_DIR = join(import.meta.dirname, '__output__');
const GOLDEN_LANGUAGES: readonly Language[] = ['ko', 'th', 'zh-Hant'];
/** The roster entry with the longest title in most languages: the hardest card to fit. */
const CARD = 'yosuke-miyajima';

let overlay: OverlayHarness | undefined;
/** Font files and KiB fetched per language and resolution, written beside the shots. */
const fontBytes: Record<string, { files: number; kib: number }> = {};
afterAll(async () => {
  await overlay?.close();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(join(OUTPUT_DIR, 'i18n-font-bytes.json'), `${JSON.stringify(fontBytes, null, 2)}\n`);
});

async function open(lang: Language, viewport: { width: number; height: number }): Promise<OverlayHarness> {
  await overlay?.close();
  overlay = await startOverlay({
    query: `clock=test&lang=${lang}&widgets=meter,lower-third&market=tw&ref=on`,
    viewport,
    control: { token: E2E_CONTROL_TOKEN },
    beforeOpen: (feed) => {
      feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 8_400_000 });
      feed.aggregator.apply({ region: 'kumamoto', market: 'tw', likes: 39_456_780 });
    },
  });
  await control(overlay, '/lower-third/show', { rosterId: CARD });
  await waitForPhase(overlay, 'entering');
  await advance(overlay, 2_000);
  return overlay;
}

describe.each(LANGUAGES)('%s', (lang) => {
  it.each([
    ['1080p', { width: 1920, height: 1080 }],
    ['720p', { width: 1280, height: 720 }],
  ] as const)('meter and lower third at %s, every text inside its box', async (resolution, viewport) => {
    const shown = await open(lang, viewport);
    const card = await lowerThird(shown);
    expect(card.phase).toBe('shown');
    for (const [role, fit] of Object.entries(card.fit ?? {})) {
      expect(fit.scaleX, role).toBeGreaterThan(0.5);
      expect(fit.scaleY, role).toBeGreaterThan(0.5);
    }
    const bounds = card.bounds!;
    expect(bounds.x).toBeGreaterThanOrEqual(card.safe.x - 1);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(card.safe.x + card.safe.width + 1);
    expect(shown.pageErrors).toEqual([]);

    // Only the language's own faces are fetched, and only some of their subset files.
    const fonts = await shown.evaluate<{ name: string; bytes: number }[]>(
      `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.woff2')).map((e) => ({ name: e.name.split('/').pop(), bytes: e.encodedBodySize }))`,
    );
    const packages = LANGUAGE_FACES[lang].map((face) => face.pkg.replace('@fontsource/', ''));
    for (const font of fonts) expect(packages.some((pkg) => new RegExp(`^${pkg}-(?:[0-9]+|[a-z-]+)-[0-9]{3}-normal`).test(font.name)), font.name).toBe(true);
    expect(fonts.length).toBeGreaterThan(0);
    fontBytes[`${lang} ${resolution}`] = { files: fonts.length, kib: Math.round(fonts.reduce((sum, font) => sum + font.bytes, 0) / 1024) };
    const png = await shown.page.screenshot({ omitBackground: true });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, `i18n-${lang}-${resolution}.png`), png);
    if (resolution === '1080p' && GOLDEN_LANGUAGES.includes(lang)) expectMatchesGolden(`languages-${lang}`, png);
  });
});
