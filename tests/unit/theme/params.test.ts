import { describe, expect, it } from 'vitest';
import { PARAM_DOCS } from '../../../src/theme/param-docs.ts';
import { MAX_PROBLEMS, parseParams, suggestParam, type ParsedParams } from '../../../src/theme/parse-params.ts';
import { PARAM_NAMES, defaultParams, type ParamName } from '../../../src/theme/params-schema.ts';
import { PRESETS } from '../../../src/theme/presets.ts';
import { defaultTheme } from '../../../src/theme/default-theme.ts';
import { METER_SIZES } from '../../../src/theme/layout.ts';
import { resolveLook } from '../../../src/theme/resolve-theme.ts';

/**
 * One valid, non-default value of every parameter and what it must change. A parameter added to the schema
 * without a line here fails the first test.
 */
const APPLIED: Record<ParamName, [value: string, check: (parsed: ParsedParams) => void]> = {
  preset: ['night', ({ theme, params }) => {
    expect(theme.preset).toBe('night');
    expect(resolveLook(params)).toEqual(PRESETS.night);
    expect(theme.colors.accent).toBe(0x28e7ff);
    expect(theme.panel.style).toBe('outline');
  }],
  accent: ['#00AAFF', ({ theme }) => {
    expect(theme.colors.accent).toBe(0x00aaff);
    expect(theme.colors.fillStops.at(-1)).toBe(0x00aaff);
    expect(theme.colors.glow).toBe(0x00aaff);
  }],
  text: ['000', ({ theme }) => {
    expect(theme.colors.text).toBe(0x000000);
    expect(theme.colors.textMuted).not.toBe(defaultTheme.colors.textMuted);
  }],
  panel: ['11223380', ({ theme, params }) => {
    expect(resolveLook(params).colors.panel).toBe('#11223380');
    expect(theme.colors.panelAlpha).toBeCloseTo(0x80 / 255);
    expect(theme.colors.panelBottom).not.toBe(defaultTheme.colors.panelBottom);
  }],
  font: ['system', ({ theme }) => expect(theme.fontFamily).toMatch(/^system-ui,.*"Noto Sans JP"/)],
  lang: ['zh-hant-hk', ({ theme, params }) => {
    expect(params.lang).toBe('zh-Hant-HK');
    expect(theme).toMatchObject({ lang: 'zh-Hant', locale: 'zh-Hant-HK', fontFaces: ['Noto Sans TC', 'Noto Sans JP'] });
    expect(theme.fontFamily).toBe('"Noto Sans TC", "Noto Sans JP", sans-serif');
  }],
  numbers: ['compact', ({ theme }) => expect(theme.numbers.notation).toBe('compact')],
  percent: ['off', ({ theme }) => expect(theme.numbers.percent).toBe(false)],
  currencyDisplay: ['code', ({ theme }) => expect(theme.numbers.currencyDisplay).toBe('code')],
  ref: ['on', ({ theme }) => expect(theme.numbers.reference).toBe(true)],
  adjustments: ['split', ({ theme }) => expect(theme.numbers.adjustments).toBe('split')],
  scale: ['1.25', ({ theme }) => {
    expect(theme.layout.scale).toBe(1.25);
    expect(theme.layout.meter.box.width).toBe(METER_SIZES.bar.width * 1.25);
  }],
  safe: ['10', ({ theme }) => {
    expect(theme.layout.safe).toEqual({ x: 192, y: 108, width: 1536, height: 864 });
    expect(theme.layout.meter.box).toMatchObject({ x: 192, y: 108 });
  }],
  widgets: ['clock,lower-third,meter', ({ theme, params }) => {
    expect(theme.layout.widgets).toEqual({ meter: true, bursts: false, lowerThird: true, board: false, clock: true });
    expect(params.widgets).toEqual(['meter', 'lower-third', 'clock']);
  }],
  meter: ['bottom', ({ theme }) => {
    expect(theme.layout.meter.position).toBe('bottom');
    // Away from the lower third (left by default), on the bottom edge, banners above.
    expect(theme.layout.meter.box.x + theme.layout.meter.box.width).toBe(1920 - 96);
    expect(theme.layout.meter.box.y + theme.layout.meter.box.height).toBe(1080 - 54);
    expect(theme.layout.meter.bannersBelow).toBe(false);
  }],
  meterStyle: ['thermometer', ({ theme }) => {
    expect(theme.layout.meter.style).toBe('thermometer');
    expect(theme.layout.meter.box.height).toBe(METER_SIZES.thermometer.height);
  }],
  lowerThird: ['right', ({ theme }) => expect(theme.layout.lowerThird.side).toBe('right')],
  motion: ['reduced', ({ theme }) => {
    expect(theme.motion).toEqual({ reduced: true, particleDensity: 0, durationScale: 0.5 });
    expect(theme.donationMeter.fillSeconds).toBeLessThan(defaultTheme.donationMeter.fillSeconds);
  }],
  density: ['0.5', ({ theme }) => expect(theme.motion.particleDensity).toBe(0.5)],
  campaign: ['local-love-2024', ({ params }) => expect(params.campaign).toBe('local-love-2024')],
  region: ['tohoku', ({ params }) => expect(params.region).toBe('tohoku')],
  market: ['tw', ({ params }) => expect(params.market).toBe('tw')],
  feed: ['http://127.0.0.1:4000/', ({ params }) => expect(params.feed).toBe('http://127.0.0.1:4000/')],
  clock: ['test', ({ params }) => expect(params.clock).toBe('test')],
  board: ['bars', ({ theme }) => expect(theme.layout.board.style).toBe('bars')],
};

/** One refused value of every parameter. */
const REFUSED: Record<ParamName, string> = {
  preset: 'sunset', accent: 'pink', text: '#12', panel: 'rgba(0,0,0,.5)', font: 'Comic Sans', lang: 'fr',
  numbers: 'short', percent: 'maybe', currencyDisplay: 'emoji', ref: 'approx', adjustments: 'apart', scale: '3', safe: '-1', widgets: 'meter,ticker',
  meter: 'middle', meterStyle: 'pie', lowerThird: 'center', motion: 'none', density: '1e3', campaign: 'Local Love',
  region: '../etc', market: 'TW!', feed: 'javascript:alert(1)', clock: 'fast', board: 'globe',
};

describe('parseParams: every parameter', () => {
  it('has an applied and a refused example here', () => {
    expect(Object.keys(APPLIED).sort()).toEqual([...PARAM_NAMES].sort());
    expect(Object.keys(REFUSED).sort()).toEqual([...PARAM_NAMES].sort());
  });

  it('gives every default for an empty query, without problems', () => {
    const parsed = parseParams('');
    expect(parsed.params).toEqual(defaultParams());
    expect(parsed.problems).toEqual([]);
    expect(parsed.theme).toEqual(defaultTheme);
    expect(resolveLook(parsed.params)).toEqual(PRESETS['local-love']);
  });

  it.each(PARAM_NAMES)('%s is parsed and applied', (name) => {
    const [value, check] = APPLIED[name];
    const parsed = parseParams(new URLSearchParams({ [name]: value }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.params[name]).not.toEqual(defaultParams()[name]);
    check(parsed);
  });

  it.each(PARAM_NAMES)('%s: a bad value is named, with what is allowed and the fallback', (name) => {
    const parsed = parseParams(new URLSearchParams({ [name]: REFUSED[name] }));
    expect(parsed.params[name]).toEqual(defaultParams()[name]);
    expect(parsed.problems).toHaveLength(1);
    const [problem] = parsed.problems;
    expect(problem).toMatchObject({ param: name, value: REFUSED[name], allowed: PARAM_DOCS[name].allowed });
    expect(problem?.fallback.startsWith(PARAM_DOCS[name].defaultText)).toBe(true);
    expect(problem?.reason).toMatch(/\w/);
  });
});

describe('parseParams: tolerance', () => {
  it('keeps every good value when others are bad', () => {
    const parsed = parseParams('lang=en&scale=99&meter=left&accent=nope&meterStyle=thermometer&bogus=1');
    expect(parsed.params).toMatchObject({ lang: 'en', scale: 1, meter: 'left', accent: null, meterStyle: 'thermometer' });
    expect(parsed.problems.map((problem) => problem.param)).toEqual(['scale', 'accent', 'bogus']);
  });

  it('applies the preset first and explicit parameters over it', () => {
    const { params, theme } = parseParams('preset=minimal&text=fff&accent=00c853');
    const look = resolveLook(params);
    expect(look.colors.text).toBe('#ffffff');
    expect(look.colors.accent).toBe('#00c853');
    expect(look.colors.panel).toBe(PRESETS.minimal.colors.panel);
    expect(look.panel).toEqual(PRESETS.minimal.panel);
    expect(theme.colors.text).toBe(0xffffff);
  });

  it('names the preset colour a bad colour falls back to', () => {
    const [problem] = parseParams('preset=night&accent=zz').problems;
    expect(problem?.fallback).toBe(`preset (${PRESETS.night.colors.accent})`);
  });

  it('refuses a repeated parameter rather than guessing which one was meant', () => {
    const parsed = parseParams('lang=en&lang=ja&scale=1.5');
    expect(parsed.params.lang).toBe('ja');
    expect(parsed.params.scale).toBe(1.5);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ param: 'lang', value: 'en, ja', reason: 'is given 2 times; give it once', allowed: 'ja | en | zh-Hant | ko | th | id | vi | fil', fallback: 'ja' }),
    ]);
  });

  it('suggests the parameter a typo meant', () => {
    expect(suggestParam('meterstyle')).toBe('meterStyle');
    expect(suggestParam('acent')).toBe('accent');
    expect(suggestParam('lowerthird')).toBe('lowerThird');
    expect(suggestParam('zzzzzzzz')).toBeNull();
    expect(parseParams('Lang=en').problems[0]).toMatchObject({ param: 'Lang', allowed: 'did you mean lang?', fallback: 'ignored' });
  });

  it('treats __proto__ and friends as unknown names that change nothing', () => {
    const parsed = parseParams('__proto__=x&constructor=1&toString=2&hasOwnProperty=3');
    expect(parsed.params).toEqual(defaultParams());
    expect(Object.getPrototypeOf(parsed.params)).toBe(Object.prototype);
    expect(parsed.problems.map((problem) => problem.param)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
  });

  it('shows hostile values cut short and with invisible characters replaced', () => {
    const huge = 'x'.repeat(10_000);
    const parsed = parseParams(new URLSearchParams({ accent: huge, lang: 'en\u202Eja\u0000' }));
    expect(parsed.problems[0]?.value).toHaveLength(48);
    expect(parsed.problems[0]?.value.endsWith('…')).toBe(true);
    expect(parsed.problems[1]?.value).toBe('en\uFFFDja\uFFFD');
  });

  it('warns that a # cut the query short', () => {
    const parsed = parseParams('accent=', '#ff0000&lang=en');
    expect(parsed.problems.map((problem) => problem.param)).toEqual(['accent', '#']);
    expect(parsed.problems[1]?.allowed).toMatch(/without #/);
  });

  it('lists at most MAX_PROBLEMS problems and counts the rest', () => {
    const query = Array.from({ length: 5000 }, (_, i) => `k${i}=v`).join('&');
    const parsed = parseParams(query);
    expect(parsed.problems).toHaveLength(MAX_PROBLEMS);
    expect(parsed.unlistedProblems).toBe(5000 - MAX_PROBLEMS);
  });
});
