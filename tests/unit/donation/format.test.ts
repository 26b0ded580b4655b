import { describe, expect, it } from 'vitest';
import { MoneyFormatter, percentOfGoal } from '../../../src/donation/index.ts';

describe('MoneyFormatter', () => {
  it('formats yen, which has no minor digits, in both languages', () => {
    expect(new MoneyFormatter('JPY', 'en').formatMinor(12_345_678)).toBe('¥12,345,678');
    expect(new MoneyFormatter('JPY', 'ja').formatMinor(12_345_678)).toBe('￥12,345,678');
  });

  it('spells a currency without minor digits as its parts read, up to the largest safe amount', () => {
    for (const [currency, locale] of [['JPY', 'ja-JP'], ['JPY', 'en'], ['KRW', 'ko-KR'], ['VND', 'vi-VN'], ['JPY', 'th-TH']] as const) {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const formatter = new MoneyFormatter(currency, locale);
      expect(formatter.fractionDigits).toBe(0);
      for (const amount of [0, 7, 1_000, 12_345_678, Number.MAX_SAFE_INTEGER]) {
        expect(formatter.formatMinor(amount)).toBe(parts.formatToParts(BigInt(amount)).map((part) => part.value).join(''));
      }
    }
    expect(new MoneyFormatter('KRW', 'ko-KR').formatMinor(Number.MAX_SAFE_INTEGER)).toBe('₩9,007,199,254,740,991');
  });

  it('splices cents from the integer remainder instead of dividing by 100', () => {
    const usd = new MoneyFormatter('USD', 'en');
    expect(usd.fractionDigits).toBe(2);
    expect(usd.formatMinor(15_000_005)).toBe('$150,000.05');
    expect(usd.formatMinor(7)).toBe('$0.07');
    // 2^53 - 1 cents: a float division would print ...740,991.99 wrongly rounded.
    expect(usd.formatMinor(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
  });
});

describe('percentOfGoal', () => {
  it('floors, so 99.99% never shows as 100%', () => {
    expect(percentOfGoal(9_999, 10_000)).toBe(99);
    expect(percentOfGoal(10_000, 10_000)).toBe(100);
    expect(percentOfGoal(25_000, 10_000)).toBe(250);
    expect(percentOfGoal(5, 0)).toBe(0);
  });
});

describe('MoneyFormatter.formatCompactMinor', () => {
  it('gives short labels for round amounts, in each language', () => {
    expect(new MoneyFormatter('JPY', 'en').formatCompactMinor(5_000_000)).toBe('¥5M');
    expect(new MoneyFormatter('JPY', 'ja').formatCompactMinor(15_000_000)).toBe('￥1500万');
    expect(new MoneyFormatter('USD', 'en').formatCompactMinor(15_000_000)).toBe('$150K');
  });
});
