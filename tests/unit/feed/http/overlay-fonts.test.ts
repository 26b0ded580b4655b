import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontManifestOf } from '../../../../src/feed/http/font-manifest.ts';
import { FaceIndex, chooseFonts, fontElements } from '../../../../src/feed/http/overlay-fonts.ts';
import { parseUnicodeRange } from '../../../../src/theme/language-fonts.ts';

const require = createRequire(import.meta.url);
/** An @fontsource stylesheet as the package ships it (quoted family, woff2 then woff). */
const sheet = (pkg: string, weight: number) => readFileSync(require.resolve(`@fontsource/${pkg}/${weight}.css`), 'utf8');
const manifest = fontManifestOf([sheet('noto-sans-jp', 500), sheet('noto-sans-jp', 900), sheet('noto-sans-tc', 500)]);
const index = new FaceIndex(manifest);
const file = (url: string) => url.split('/').pop()!;

describe('the font manifest', () => {
  it("reads every @font-face rule of the stylesheets: family, weight, woff2 file and range, each range once", () => {
    const jp500 = manifest.faces.filter((face) => face.family === 'Noto Sans JP' && face.weight === 500);
    expect(jp500.length).toBeGreaterThan(100);
    expect(jp500.every((face) => face.url.endsWith('.woff2') && face.style === 'normal')).toBe(true);
    expect(jp500.map((face) => file(face.url))).toContain('noto-sans-jp-latin-500-normal.woff2');
    // The same subsets in another weight share their ranges.
    const jp900 = manifest.faces.filter((face) => face.family === 'Noto Sans JP' && face.weight === 900);
    expect(jp900.map((face) => face.range).sort()).toEqual(jp500.map((face) => face.range).sort());
    expect(new Set(manifest.ranges).size).toBe(manifest.ranges.length);
    const latin = jp500.find((face) => face.url.includes('-latin-500'))!;
    expect(parseUnicodeRange(manifest.ranges[latin.range]!).some(([from, to]) => from <= 0x41 && to >= 0x41)).toBe(true);
  });

  it("reads the minifier's unquoted family and skips rules without a woff2 file or a range", () => {
    const minified = fontManifestOf([
      '@font-face{font-family:Noto Sans KR;font-style:normal;font-weight:800;src:url(/assets/kr-1.woff2)format("woff2");unicode-range:U+AC00-AC0F}',
      '@font-face{font-family:Old;font-weight:400;src:url(/assets/old.woff)format("woff");unicode-range:U+0041}',
      '@font-face{font-family:Whole;font-weight:400;src:url(/assets/whole.woff2)}',
    ]);
    expect(minified).toEqual({ ranges: ['U+AC00-AC0F'], faces: [{ family: 'Noto Sans KR', weight: 800, style: 'normal', url: '/assets/kr-1.woff2', range: 0 }] });
  });
});

describe('the fonts chosen for a page', () => {
  it('takes only the subsets of the characters shown, in the weight they are set in', () => {
    const chosen = chooseFonts(index, ['Noto Sans JP'], [
      [900, '目標'],
      [500, '0123'],
    ]);
    const files = chosen.faces.map((face) => file(face.url));
    // Digits are in slice 118 as well as in the latin file, which is defined last: the browser draws them
    // from that one, so only it is taken.
    expect(files.filter((name) => name.includes('-500-'))).toEqual(['noto-sans-jp-latin-500-normal.woff2']);
    expect(files.filter((name) => name.includes('-900-')).length).toBeGreaterThanOrEqual(1);
    expect(files.length).toBeLessThanOrEqual(3);
    expect(chosen.page).toEqual({ faces: ['Noto Sans JP'], glyphs: { 900: '目標', 500: '0123' } });
  });

  it('asks a later face only for what the faces before it lack, as the overlay does', () => {
    const rule = (family: string, url: string, range: string) =>
      `@font-face{font-family:'${family}';font-weight:500;src:url(${url}) format('woff2');unicode-range:${range}}`;
    const small = new FaceIndex(fontManifestOf([rule('First', '/a.woff2', 'U+41-42'), rule('Second', '/b-1.woff2', 'U+41-42'), rule('Second', '/b-2.woff2', 'U+43')]));
    expect(chooseFonts(small, ['First', 'Second'], [[500, 'AB']]).faces.map((face) => face.url)).toEqual(['/a.woff2']);
    expect(chooseFonts(small, ['First', 'Second'], [[500, 'ABC']]).faces.map((face) => face.url)).toEqual(['/a.woff2', '/b-2.woff2']);
    expect(chooseFonts(small, ['Second', 'First'], [[500, 'ABC']]).faces.map((face) => face.url)).toEqual(['/b-1.woff2', '/b-2.woff2']);
  });

  it('takes, of the subsets holding a character, the one defined last, and writes them in the build\'s order', () => {
    const rule = (url: string, range: string) => `@font-face{font-family:F;font-weight:500;src:url(${url}) format('woff2');unicode-range:${range}}`;
    const overlapping = new FaceIndex(fontManifestOf([rule('/latin.woff2', 'U+0-FF'), rule('/slice.woff2', 'U+41,U+A5')]));
    expect(chooseFonts(overlapping, ['F'], [[500, 'A']]).faces.map((face) => face.url)).toEqual(['/slice.woff2']);
    expect(chooseFonts(overlapping, ['F'], [[500, 'Az']]).faces.map((face) => face.url)).toEqual(['/latin.woff2', '/slice.woff2']);
  });

  it('takes the JP face for nothing that the Chinese face before it holds', () => {
    const chosen = chooseFonts(index, ['Noto Sans TC', 'Noto Sans JP'], [[500, '萬個の円']]);
    expect(chosen.faces.length).toBeGreaterThan(0);
    expect(chosen.faces.every((face) => face.family === 'Noto Sans TC')).toBe(true);
  });

  it('chooses nothing for an empty text, a weight the build lacks, or a character no face has', () => {
    expect(chooseFonts(index, ['Noto Sans JP'], [[500, '']]).faces).toEqual([]);
    expect(chooseFonts(index, ['Noto Sans JP'], [[300, 'abc']]).faces).toEqual([]);
    expect(chooseFonts(index, ['Noto Sans JP'], [[500, '\u{1F600}']]).faces).toEqual([]);
  });

  it('writes preloads, the rules and the characters, with no campaign text able to end an element', () => {
    const chosen = chooseFonts(index, ['Noto Sans JP'], [[500, '</script><b>&']]);
    const head = fontElements(chosen, manifest.ranges);
    expect(head.match(/<link rel="preload" href="[^"]+\.woff2" as="font" type="font\/woff2" crossorigin fetchpriority="low">/g)).toHaveLength(chosen.faces.length);
    expect(head.match(/@font-face\{/g)).toHaveLength(chosen.faces.length);
    expect(head.match(/<\/script>/g)).toHaveLength(1);
    expect(head).not.toContain('<b>');
  });
});
