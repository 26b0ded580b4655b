import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readControls } from '../../../src/builder/builder-state.ts';
import { paramDocList, type ParamDoc } from '../../../src/theme/param-docs.ts';
import { defaultParams } from '../../../src/theme/params-schema.ts';
import { fromOverlayUrl, paramTexts } from '../../../src/theme/url.ts';

const BASE = 'http://127.0.0.1:5173/';

/** Any value a control can hold: one of its options, a step of its range, on/off, a colour, an id. */
const controlText = (doc: ParamDoc) => {
  switch (doc.control) {
    case 'select':
      return fc.constantFrom(...doc.options);
    case 'multi':
      return fc.subarray([...doc.options], { minLength: 1 }).map((words) => words.join(','));
    case 'switch':
      return fc.constantFrom('on', 'off');
    case 'number':
      return fc.integer({ min: 0, max: Math.round((doc.max! - doc.min!) / doc.step!) }).map((i) => String(Math.round((doc.min! + i * doc.step!) * 100) / 100));
    case 'color':
      return fc.oneof(fc.constant('preset'), fc.stringMatching(/^[0-9a-f]{6}([0-9a-f]{2})?$/));
    case 'text':
      return doc.name === 'feed' ? fc.constantFrom('', 'http://127.0.0.1:4000/') : fc.oneof(fc.constant(''), fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/));
  }
};

describe('URL builder state', () => {
  it('gives the bare overlay URL for untouched controls', () => {
    const { url, parsed } = readControls({}, `${BASE}builder.html`);
    expect(url).toBe(BASE + 'builder.html');
    expect(readControls({}, BASE).url).toBe(BASE);
    expect(parsed.params).toEqual(defaultParams());
  });

  it("round-trips: the builder's URL gives the overlay the very parameters and theme the builder showed", () => {
    fc.assert(
      fc.property(fc.tuple(...paramDocList().map(controlText)), (values) => {
        const texts = Object.fromEntries(paramDocList().map((doc, i) => [doc.name, values[i]]));
        const { parsed, url } = readControls(texts, BASE);
        expect(parsed.problems).toEqual([]);
        const overlay = fromOverlayUrl(url);
        expect(overlay.problems).toEqual([]);
        expect(overlay.params).toEqual(parsed.params);
        expect(overlay.theme).toEqual(parsed.theme);
        // Loading the URL back into the controls gives the same URL.
        expect(readControls(paramTexts(overlay.params), BASE).url).toBe(url);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('warns, with the overlay\'s own words, about a value the overlay would refuse, and leaves it out of the URL', () => {
    const { parsed, url } = readControls({ region: 'Tōhoku!', scale: '1.5' }, BASE);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ param: 'region', reason: 'is not an id', fallback: 'all' });
    expect(url).toBe(`${BASE}?scale=1.5`);
  });
});
