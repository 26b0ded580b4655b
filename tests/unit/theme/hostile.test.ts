import fc from 'fast-check';
import { z } from '../../../src/protocol/zod.ts';
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../src/theme/parse-params.ts';
import { OverlayParamsSchema, PARAM_NAMES } from '../../../src/theme/params-schema.ts';
import type { Theme } from '../../../src/theme/theme.ts';
import { resolveLook } from '../../../src/theme/resolve-theme.ts';
import { ThemePreset } from '../../../src/theme/theme-schema.ts';

/** Keys a hostile or careless URL might use: ours, near-misses, prototype names, junk. */
const hostileKey = fc.oneof(
  fc.constantFrom(...PARAM_NAMES),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'Lang', 'meter[]', '', '%', '%E0%A4%A', '<script>'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** Values: markup, huge and odd numbers, broken percent-encodings, control characters, 10k characters. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)', 'data:text/html,<b>x</b>',
    '1e308', '-1e308', '9'.repeat(400), 'NaN', 'Infinity', '-0', '0x10', '1_000', '  1', '1.', '.5', '1.234567',
    '%', '%%', '%ZZ', '%E0%A4%A', '%C0%AF', '%00', '%uD800', '\u0000', '\u202E', '\uD800', '#fff', 'preset,preset',
    'meter,meter,meter', ',', '', 'on', 'OFF', 'top', 'thermometer', 'http://[::1', 'http://127.0.0.1:3000',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant('x'.repeat(10_000)),
  fc.constant('%'.repeat(3_000)),
);

/** A raw query string, not percent-encoded by us, so broken encodings reach URLSearchParams as they are. */
const hostileQuery = fc
  .array(fc.tuple(hostileKey, hostileValue, fc.constantFrom('=', '', '==')), { maxLength: 12 })
  .map((pairs) => pairs.map(([key, value, equals]) => `${key}${equals}${value}`).join('&'));

/** Every number of the theme is finite, colours are 0xrrggbb and the meter lies inside the title-safe area. */
function expectDrawable(theme: Theme): void {
  const numbers = (value: unknown): number[] =>
    typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(numbers) : [];
  expect(numbers(theme).every(Number.isFinite)).toBe(true);
  for (const color of numbers(theme.colors)) expect(color >= 0 && color <= 0xffffff).toBe(true);
  const { safe, meter } = theme.layout;
  expect(meter.box.x).toBeGreaterThanOrEqual(safe.x);
  expect(meter.box.y).toBeGreaterThanOrEqual(safe.y);
  expect(meter.box.x + meter.box.width).toBeLessThanOrEqual(safe.x + safe.width + 0.5);
  expect(meter.box.y + meter.box.height).toBeLessThanOrEqual(safe.y + safe.height + 0.5);
}

const UNSAFE_FOR_DISPLAY = /[\p{Cc}\p{Cf}\u2028\u2029]|[\uD800-\uDFFF]/u;

describe('parseParams on hostile query strings', () => {
  it('never throws and always yields complete, valid parameters and theme, and display-safe problems', () => {
    fc.assert(
      fc.property(hostileQuery, fc.oneof(fc.constant(''), fc.string({ maxLength: 20 })), (query, hash) => {
        const parsed = parseParams(query, hash);
        // Complete: every parameter has a value the schema itself accepts (it can print it back).
        expect(() => z.encode(OverlayParamsSchema, parsed.params)).not.toThrow();
        expect(Object.keys(parsed.params).sort()).toEqual([...PARAM_NAMES].sort());
        expect(ThemePreset.safeParse(resolveLook(parsed.params)).success).toBe(true);
        expectDrawable(parsed.theme);
        for (const problem of parsed.problems) {
          for (const text of [problem.param, problem.value, problem.reason, problem.allowed, problem.fallback]) {
            expect(typeof text).toBe('string');
            expect(text.length).toBeLessThanOrEqual(200);
            expect(UNSAFE_FOR_DISPLAY.test(problem.value + problem.param)).toBe(false);
          }
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('never lets a bad or unknown parameter discard a good one', () => {
    const goodQuery = 'preset=night&lang=en&meterStyle=thermometer&scale=1.5&widgets=meter,bursts';
    const good = parseParams(goodQuery).params;
    const others = hostileKey.filter((key) => !['preset', 'lang', 'meterStyle', 'scale', 'widgets'].includes(key));
    fc.assert(
      fc.property(fc.array(fc.tuple(others, hostileValue), { maxLength: 8 }), (pairs) => {
        const query = new URLSearchParams(goodQuery);
        for (const [key, value] of pairs) query.append(key, value);
        const parsed = parseParams(query);
        expect(parsed.params).toMatchObject({ preset: good.preset, lang: good.lang, meterStyle: good.meterStyle, scale: good.scale, widgets: good.widgets });
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
