import { describe, expect, it } from 'vitest';
import { HexColor, canonicalHex, composite, contrastRatio, mixHex, toRgba, withAlpha, withoutAlpha } from '../../../src/theme/color.ts';

describe('hex colours', () => {
  it('spells every accepted form one canonical way', () => {
    expect(canonicalHex('F0A')).toBe('#ff00aa');
    expect(canonicalHex('#f0a8')).toBe('#ff00aa88');
    expect(canonicalHex('#FF00AA')).toBe('#ff00aa');
    expect(canonicalHex('ff00aaff')).toBe('#ff00aa');
    expect(canonicalHex('#ff00aa80')).toBe('#ff00aa80');
  });

  it('refuses what is not a hex colour', () => {
    for (const bad of ['', '#', 'red', '#ff00a', '#gg0000', '#ff00aa0', 'ff00aa80ff', ' #fff']) {
      expect(HexColor.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('splits into pixi number and alpha', () => {
    expect(toRgba('#ff00aa')).toEqual({ rgb: 0xff00aa, alpha: 1 });
    expect(toRgba('#00000080').alpha).toBeCloseTo(128 / 255);
    expect(withoutAlpha('#11223344')).toBe('#112233');
  });

  it('mixes colours and sets alpha', () => {
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixHex('#ff0000', '#0000ff', 0)).toBe('#ff0000');
    expect(mixHex('#ff000000', '#ff0000', 1)).toBe('#ff0000');
    expect(withAlpha('#123456', 0.5)).toBe('#12345680');
    expect(withAlpha('#12345680', 1)).toBe('#123456');
  });
});

describe('composite and contrast', () => {
  it('lays a translucent colour on an opaque one', () => {
    expect(composite('#ffffff80', '#000000')).toBe('#808080');
    expect(composite('#ff0000', '#00ff00')).toBe('#ff0000');
    expect(composite('#ff000000', '#00ff00')).toBe('#00ff00');
  });

  it('measures WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5);
  });
});
