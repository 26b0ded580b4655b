import { describe, expect, it } from 'vitest';
import { ReferenceAmount, currencyOfLocale } from '../../../src/donation/reference.ts';

const rates = {
  date: '2024-06-03',
  rates: [
    { currency: 'TWD', baseMinor: 10_000, quoteMinor: 206_600 },
    { currency: 'KRW', baseMinor: 10_000, quoteMinor: 88_000 },
    { currency: 'USD', baseMinor: 10_000, quoteMinor: 6_400 },
  ],
};

describe('reference amounts in the viewer currency', () => {
  it('finds the viewer currency from the locale region', () => {
    expect(currencyOfLocale('zh-Hant-TW')).toBe('TWD');
    expect(currencyOfLocale('zh-Hant-HK')).toBe('HKD');
    expect(currencyOfLocale('ko-KR')).toBe('KRW');
    expect(currencyOfLocale('ja-JP')).toBe('JPY');
    expect(currencyOfLocale('not a locale')).toBeNull();
  });

  it('converts with integers, rounds down to whole units, and formats in the viewer locale', () => {
    expect(ReferenceAmount.forViewer(rates, 'JPY', 'zh-Hant-TW')!.formatMinor(12_345_678)).toBe('$2,550,617');
    expect(ReferenceAmount.forViewer(rates, 'JPY', 'ko-KR')!.formatMinor(12_345_678)).toBe('₩108,641,966');
    expect(ReferenceAmount.forViewer(rates, 'JPY', 'en-US')!.formatMinor(12_345_678)).toBe('$79,012');
    // A value a double cannot hold exactly still converts exactly (BigInt all the way).
    expect(ReferenceAmount.forViewer(rates, 'JPY', 'en-US')!.formatMinor(Number.MAX_SAFE_INTEGER)).toBe('$57,646,075,230,342');
  });

  it('shows nothing for a viewer in the campaign currency, without a rate, or without rates at all', () => {
    expect(ReferenceAmount.forViewer(rates, 'JPY', 'ja-JP')).toBeNull();
    expect(ReferenceAmount.forViewer(rates, 'JPY', 'th-TH')).toBeNull();
    expect(ReferenceAmount.forViewer(undefined, 'JPY', 'zh-Hant-TW')).toBeNull();
  });
});
