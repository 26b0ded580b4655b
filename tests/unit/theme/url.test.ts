import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramDocList, type ParamDoc } from '../../../src/theme/param-docs.ts';
import { parseParams } from '../../../src/theme/parse-params.ts';
import { defaultParams } from '../../../src/theme/params-schema.ts';
import { fromOverlayUrl, toOverlayUrl, toQuery } from '../../../src/theme/url.ts';

const hexDigits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: length, maxLength: length });
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);

/** Any valid spelling of a value of the parameter, drawn from what its doc says. */
function validText(doc: ParamDoc): fc.Arbitrary<string> {
  switch (doc.control) {
    case 'select':
      return fc.constantFrom(...doc.options);
    case 'multi':
      return fc.subarray([...doc.options], { minLength: 1 }).chain((words) => fc.shuffledSubarray(words, { minLength: words.length })).map((words) => words.join(','));
    case 'switch':
      return fc.constantFrom('on', 'off', '1', '0', 'true', 'false', 'yes', 'no');
    case 'number': {
      const steps = Math.round((doc.max! - doc.min!) / doc.step!);
      return fc.integer({ min: 0, max: steps }).map((i) => String(Math.round((doc.min! + i * doc.step!) * 100) / 100));
    }
    case 'color':
      return fc.oneof(fc.constant('preset'), fc.constantFrom(3, 4, 6, 8).chain(hexDigits), fc.constantFrom(3, 6, 8).chain(hexDigits).map((hex) => `#${hex}`));
    case 'text':
      return doc.name === 'feed'
        ? fc.oneof(fc.constant('self'), fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }).filter((url) => url.length < 500))
        : fc.oneof(fc.constant(doc.defaultText), id);
  }
}

/** A query with any subset of the parameters, each with any valid spelling. */
const validQuery = fc
  .tuple(...paramDocList().map((doc) => fc.option(validText(doc), { nil: undefined })))
  .map((values) => {
    const query = new URLSearchParams();
    paramDocList().forEach((doc, i) => {
      const value = values[i];
      if (value !== undefined) query.set(doc.name, value);
    });
    return query;
  });

const BASE = 'http://127.0.0.1:5173/';

describe('canonical overlay URLs', () => {
  it('has no query for the defaults', () => {
    expect(toOverlayUrl(`${BASE}?lang=en#x`, defaultParams())).toBe(BASE);
  });

  it('lists only changed parameters, in schema order, readable', () => {
    const { params } = parseParams('meterStyle=thermometer&preset=night&widgets=bursts,meter&accent=%2300AAFF&feed=http://127.0.0.1:4000/');
    expect(toQuery(params)).toBe('preset=night&accent=00aaff&widgets=meter,bursts&meterStyle=thermometer&feed=http://127.0.0.1:4000/');
  });

  it('round-trips every valid query: URL -> parameters -> URL -> the same parameters and the same URL', () => {
    fc.assert(
      fc.property(validQuery, (query) => {
        const first = parseParams(query);
        expect(first.problems).toEqual([]);
        const url = toOverlayUrl(BASE, first.params);
        const again = fromOverlayUrl(url);
        expect(again.problems).toEqual([]);
        expect(again.params).toEqual(first.params);
        expect(again.theme).toEqual(first.theme);
        expect(toOverlayUrl(BASE, again.params)).toBe(url);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('escapes what would break a query', () => {
    const { params } = parseParams(new URLSearchParams({ feed: 'http://127.0.0.1:4000/?a=1&b=2#x' }));
    const url = toOverlayUrl(BASE, params);
    expect(url).toBe(`${BASE}?feed=http://127.0.0.1:4000/%3Fa%3D1%26b%3D2%23x`);
    expect(fromOverlayUrl(url).params.feed).toBe('http://127.0.0.1:4000/?a=1&b=2#x');
  });
});
