import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/theme/params-schema.ts';
import { startOverlay, type OverlayHarness } from './harness.ts';
import { drawnPixels } from './lower-third-helpers.ts';
import { advance, collectWarnings, reopen, widget } from './theme-helpers.ts';

/**
 * URL parameters in the real overlay: refused values are named on an error card and in the console while
 * everything else draws with the fallbacks; hostile queries never leave the overlay blank; and the URL
 * builder's URL gives the overlay exactly the parameters the builder showed.
 */
let overlay: OverlayHarness;
let warnings: string[];

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test',
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 12_345_678 }),
  });
  warnings = collectWarnings(overlay);
});

afterAll(async () => {
  await overlay?.close();
});

interface CardInspect {
  visible: boolean;
  alpha: number;
  title: string | null;
  entries: { heading: string; reason: string; allowed: string; fallback: string }[];
  more: string | null;
}

const card = () => widget<CardInspect>(overlay, 'error-card');
const meter = () => widget<{ amountText: string; percentText: string; goalText: string; notes: string[] } | null>(overlay, 'donation-meter');
/** The meter's panel on the stage (1920x1080 page, top-left by default). */
const METER_BOX = { x: 96, y: 54, width: 820, height: 230 };

describe('bad URL parameters', () => {
  it('are named on the card, with the value, what is allowed and the fallback; the rest still draws', async () => {
    warnings.length = 0;
    await reopen(overlay, `clock=test&lang=en&preset=sunset&accent=${encodeURIComponent('<b>pink</b>')}&scale=99&meterstyle=bar`);
    const shown = await card();
    expect(shown.visible).toBe(true);
    expect(shown.title).toBe('Check the overlay URL');
    expect(shown.entries).toEqual([
      { heading: 'preset = “sunset”', reason: 'is not one of the choices', allowed: 'allowed: local-love | night | minimal', fallback: 'using: local-love' },
      // Markup is a value like any other: shown as typed, never interpreted.
      { heading: 'accent = “<b>pink</b>”', reason: 'is not a hex colour', allowed: expect.stringMatching(/^allowed: hex colour/), fallback: 'using: preset (#ff5c7a)' },
      { heading: 'scale = “99”', reason: 'is above 2', allowed: 'allowed: 0.5 to 2', fallback: 'using: 1' },
    ]);
    expect(shown.more).toBe('1 more in the browser console');
    expect(warnings.filter((line) => line.startsWith('URL parameter '))).toHaveLength(4);
    expect(warnings.some((line) => line.includes('meterstyle') && line.includes('did you mean meterStyle?'))).toBe(true);
    // The good parameter (lang=en) and the fallbacks are applied: the meter is drawn, in English.
    expect(await meter()).toMatchObject({ amountText: '¥12,345,678' });
    expect(await overlay.evaluate('window.__localLove.params.lang')).toBe('en');
    expect(drawnPixels(await overlay.page.screenshot({ omitBackground: true }), METER_BOX)).toBeGreaterThan(METER_BOX.width * METER_BOX.height * 0.8);
  });

  it('fades the card after a few seconds; it stays in the console', async () => {
    await advance(overlay, 5_000);
    expect((await card()).visible).toBe(true);
    await advance(overlay, 10_000);
    expect(await card()).toMatchObject({ visible: false, alpha: 0 });
    expect(warnings.length).toBeGreaterThanOrEqual(4);
  });

  it('shows nothing at all when every parameter is good', async () => {
    await reopen(overlay, 'clock=test&preset=night&lang=en');
    // Not even on the stage: its canvas is made only for a card to show.
    expect(await card()).toBeNull();
  });

  it('checks the region against the campaign, and falls back to the whole campaign', async () => {
    await reopen(overlay, 'clock=test&lang=en&region=atlantis');
    await overlay.waitFor('window.__localLove.widget("error-card").entries.length === 1');
    const [entry] = (await card()).entries;
    expect(entry).toMatchObject({ heading: 'region = “atlantis”', fallback: 'using: all (the whole campaign)' });
    expect(entry?.allowed).toMatch(/tohoku, kumamoto, noto, hiroshima, hokkaido, all/);
    expect(await meter()).toMatchObject({ amountText: '¥12,345,678' });
  });

  it('speaks the overlay language throughout the card, a market the campaign lacks included', async () => {
    await reopen(overlay, 'clock=test&lang=ko-KR&accent=zz&market=fr&ref=on');
    await overlay.waitFor('window.__localLove.widget("error-card").entries.length === 2');
    const shown = await card();
    expect(shown.title).toBe('오버레이 URL을 확인하세요');
    expect(shown.entries).toEqual([
      { heading: 'accent = “zz”', reason: '16진수 색상 코드가 아닙니다', allowed: '사용 가능: 16진수 색상 rgb, rrggbb, rrggbbaa(투명도는 끝에) 또는 preset', fallback: '대신 사용: preset (#ff5c7a)' },
      { heading: 'market = “fr”', reason: '이 캠페인의 송출 국가·지역이 아닙니다', allowed: '사용 가능: jp, tw, hk, kr, th, id, vn, ph, us, none', fallback: '대신 사용: 국가별 금액 표시 안 함' },
    ]);
    // The meter draws on, in Korean, without a market line; the reference line is in won.
    expect(await meter()).toMatchObject({ goalText: '목표 ¥20,000,000', notes: ['', '≈ ₩108,641,966 (참고 환산)', ''] });
  });

  it("adds the market's own contribution, computed by the feed, and the approximate amount in the viewer's currency", async () => {
    await reopen(overlay, 'clock=test&lang=zh-Hant-TW&market=tw&ref=on');
    await overlay.waitFor('window.__localLove.widget("donation-meter").notes[0] !== ""');
    // Taiwan's viewers have given nothing yet in this feed; the campaign's ¥12,345,678 is about NT$2,550,617.
    expect((await meter())?.notes).toEqual(['台灣觀眾貢獻 ¥0', '≈ $2,550,617（參考匯率）', '']);
    await reopen(overlay, 'clock=test&lang=zh-Hant-TW&market=tw');
    await overlay.waitFor('window.__localLove.widget("donation-meter").notes[0] !== ""');
    expect((await meter())?.notes).toEqual(['台灣觀眾貢獻 ¥0', '', '']);
  });

  it('warns about a # that cut the URL short', async () => {
    await reopen(overlay, 'clock=test&lang=en&accent=#ff0000&meter=bottom');
    const headings = (await card()).entries.map((entry) => entry.heading);
    expect(headings).toEqual(['accent = “”', '#ff0000&meter=bottom']);
  });
});

/** Hostile queries, raw (not encoded by us): the overlay must start, and draw the meter, every time. */
const HOSTILE = [
  '%E0%A4%A=1&lang=%ZZ&%=%',
  '__proto__=x&__proto__[polluted]=1&constructor[prototype][x]=1&toString=2',
  `accent=${'x'.repeat(10_000)}&text=${'%'.repeat(3_000)}`,
  'scale=1e309&density=-1&safe=NaN&scale=2',
  'widgets=&meter=&meterStyle=<svg/onload=alert(1)>&lang=en&lang=ja',
  'feed=javascript:alert(1)&region=../../etc&campaign=%00',
];

describe('hostile query strings', () => {
  it.each(HOSTILE.map((query, index) => [index, query] as const))('#%i never leaves the overlay blank', async (_index, query) => {
    await reopen(overlay, `clock=test&${query}`);
    expect(await meter()).toMatchObject({ amountText: '¥12,345,678' });
    expect(drawnPixels(await overlay.page.screenshot({ omitBackground: true }), METER_BOX)).toBeGreaterThan(METER_BOX.width * METER_BOX.height * 0.8);
    expect(await overlay.evaluate('({}).polluted === undefined && ({}).x === undefined')).toBe(true);
    expect((await card()).visible).toBe(true);
    expect(overlay.pageErrors).toEqual([]);
  });
});

describe('URL builder', () => {
  it('its URL gives the overlay exactly the parameters the builder showed', async () => {
    await overlay.page.goto(`${overlay.feed.url}/builder.html`);
    await overlay.waitFor('window.__builder !== undefined');
    expect(await overlay.evaluate('window.__builder.url()')).toBe(`${overlay.feed.url}/`);
    const choices: [string, string][] = [
      ['preset', 'night'],
      ['accent', '00c2ffcc'],
      ['lang', 'en'],
      ['numbers', 'compact'],
      ['percent', 'off'],
      ['scale', '1.1'],
      ['meter', 'right'],
      ['meterStyle', 'thermometer'],
      ['widgets', 'meter,lower-third'],
      ['region', 'tohoku'],
      ['clock', 'test'],
    ];
    for (const [name, text] of choices) await overlay.evaluate(`window.__builder.set(${JSON.stringify(name)}, ${JSON.stringify(text)})`);
    const url = await overlay.evaluate<string>('window.__builder.url()');
    expect(url).toBe(
      `${overlay.feed.url}/?preset=night&accent=00c2ffcc&lang=en&numbers=compact&percent=off&scale=1.1&widgets=meter,lower-third&meter=right&meterStyle=thermometer&region=tohoku&clock=test`,
    );
    const shownParams = await overlay.evaluate<Record<string, unknown>>('window.__builder.params()');
    // The preview shows that very URL.
    await overlay.waitFor(`document.getElementById('preview').getAttribute('src') === ${JSON.stringify(url)}`);

    await overlay.page.goto(url);
    await overlay.waitFor('window.__localLove && window.__localLove.isReady');
    const overlayParams = await overlay.evaluate<Record<string, unknown>>('window.__localLove.params');
    expect(overlayParams).toEqual(shownParams);
    expect(overlayParams).not.toEqual(defaultParams());
    expect(await card()).toBeNull();
    expect(await meter()).toMatchObject({ amountText: '¥12M' });
    expect(await widget(overlay, 'reaction-burst')).toBeNull();
  });

  it('offers every language in its own words, and previews the overlay in the one chosen', async () => {
    await overlay.page.goto(`${overlay.feed.url}/builder.html`);
    await overlay.waitFor('window.__builder !== undefined');
    const options = await overlay.page.locator('[data-param="lang"] select option').allTextContents();
    expect(options).toEqual(['ja · 日本語', 'en · English', 'zh-Hant · 繁體中文', 'ko · 한국어', 'th · ไทย', 'id · Bahasa Indonesia', 'vi · Tiếng Việt', 'fil · Filipino']);
    await overlay.page.locator('[data-param="lang"] select').selectOption('th');
    const url = await overlay.evaluate<string>('window.__builder.url()');
    expect(url).toBe(`${overlay.feed.url}/?lang=th`);
    await overlay.waitFor(`document.getElementById('preview').getAttribute('src') === ${JSON.stringify(url)}`);
  });

  it('warns about a value the overlay would refuse, with the overlay\'s words', async () => {
    await overlay.page.goto(`${overlay.feed.url}/builder.html`);
    await overlay.waitFor('window.__builder !== undefined');
    await overlay.evaluate(`window.__builder.set('region', 'Tōhoku!')`);
    const problem = overlay.page.locator('[data-param="region"] .problem');
    expect(await problem.isVisible()).toBe(true);
    expect(await problem.textContent()).toMatch(/“Tōhoku!”: it is not an id\. Allowed: an id .* It would use all\./);
    expect(await overlay.evaluate('window.__builder.url()')).toBe(`${overlay.feed.url}/`);
  });
});
