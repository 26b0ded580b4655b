import { describe, expect, it } from 'vitest';
import { PARAM_DOCS } from '../../../src/overlay/theme/param-docs.ts';
import { MAX_PROBLEMS, parseParams, suggestParam, type ParsedParams } from '../../../src/overlay/theme/parse-params.ts';
import { PARAM_NAMES, defaultParams, type ParamName } from '../../../src/overlay/theme/params-schema.ts';
import { PRESETS } from '../../../src/overlay/theme/presets.ts';

/**
 * One valid, non-default value of every parameter and what it must change. A parameter added to the schema
 * without a line here fails the first test.
 */
const APPLIED: Record<ParamName, [value: string, check: (parsed: ParsedParams) => void]> = {
  preset: ['night', ({ theme }) => expect(theme.look).toEqual(PRESETS.night)],
  accent: ['#00AAFF', ({ theme }) => {
    expect(theme.look.colors.accent).toBe('#00aaff');
    expect(theme.look.fill.at(-1)?.color).toBe('#00aaff');
    expect(theme.look.glow.color).toBe('#00aaff');
  }],
  text: ['000', ({ theme }) => {
    expect(theme.look.colors.text).toBe('#000000');
    expect(theme.look.colors.textMuted.slice(0, 7)).toBe('#000000');
  }],
  panel: ['11223380', ({ theme }) => expect(theme.look.colors.panel).toBe('#11223380')],
  font: ['system', ({ theme }) => {
    expect(theme.look.font.family).toBe('system');
    expect(theme.fontFamily).toMatch(/^system-ui,.*"Noto Sans JP"/);
  }],
  lang: ['en', ({ theme }) => expect(theme.lang).toBe('en')],
  numbers: ['compact', ({ theme }) => expect(theme.numbers.notation).toBe('compact')],
  percent: ['off', ({ theme }) => expect(theme.numbers.percent).toBe(false)],
  currencyDisplay: ['code', ({ theme }) => expect(theme.numbers.currencyDisplay).toBe('code')],
  scale: ['1.25', ({ theme }) => expect(theme.layout.scale).toBe(1.25)],
  safe: ['10', ({ theme }) => expect(theme.layout.safe).toEqual({ x: 192, y: 108, width: 1536, height: 864 })],
  widgets: ['lower-third,meter', ({ theme, params }) => {
    expect(theme.layout.widgets).toEqual({ meter: true, bursts: false, lowerThird: true });
    expect(params.widgets).toEqual(['meter', 'lower-third']);
  }],
  meter: ['left', ({ theme }) => expect(theme.layout.meter.position).toBe('left')],
  meterStyle: ['thermometer', ({ theme }) => expect(theme.layout.meter.style).toBe('thermometer')],
  lowerThird: ['right', ({ theme }) => expect(theme.layout.lowerThird.side).toBe('right')],
  motion: ['reduced', ({ theme }) => expect(theme.motion).toEqual({ reduced: true, particleDensity: 0, durationScale: 0.5 })],
  density: ['0.5', ({ theme }) => expect(theme.motion.particleDensity).toBe(0.5)],
  campaign: ['local-love-2024', ({ params }) => expect(params.campaign).toBe('local-love-2024')],
  region: ['tohoku', ({ params }) => expect(params.region).toBe('tohoku')],
  feed: ['http://127.0.0.1:4000/', ({ params }) => expect(params.feed).toBe('http://127.0.0.1:4000/')],
  clock: ['test', ({ params }) => expect(params.clock).toBe('test')],
};

/** One refused value of every parameter. */
const REFUSED: Record<ParamName, string> = {
  preset: 'sunset', accent: 'pink', text: '#12', panel: 'rgba(0,0,0,.5)', font: 'Comic Sans', lang: 'fr',
  numbers: 'short', percent: 'maybe', currencyDisplay: 'emoji', scale: '3', safe: '-1', widgets: 'meter,ticker',
  meter: 'middle', meterStyle: 'pie', lowerThird: 'center', motion: 'none', density: '1e3', campaign: 'Local Love',
  region: '../etc', feed: 'javascript:alert(1)', clock: 'fast',
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
    expect(parsed.theme.look).toEqual(PRESETS['local-love']);
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
    const { theme } = parseParams('preset=minimal&text=fff&accent=00c853');
    expect(theme.look.colors.text).toBe('#ffffff');
    expect(theme.look.colors.accent).toBe('#00c853');
    expect(theme.look.colors.panel).toBe(PRESETS.minimal.colors.panel);
    expect(theme.look.panel).toEqual(PRESETS.minimal.panel);
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
      { param: 'lang', value: 'en, ja', reason: 'is given 2 times; give it once', allowed: 'ja | en', fallback: 'ja' },
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
