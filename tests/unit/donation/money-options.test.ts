import { describe, expect, it } from 'vitest';
import { MoneyFormatter } from '../../../src/donation/index.ts';

describe('MoneyFormatter options (the currencyDisplay and numbers URL parameters)', () => {
  it('writes the currency as a symbol, a code or a name', () => {
    expect(new MoneyFormatter('JPY', 'en', { currencyDisplay: 'code' }).formatMinor(1_234)).toMatch(/^JPY\s1,234$/);
    expect(new MoneyFormatter('JPY', 'ja', { currencyDisplay: 'name' }).formatMinor(1_234)).toBe('1,234円');
    expect(new MoneyFormatter('USD', 'en', { currencyDisplay: 'name' }).formatMinor(1_234)).toBe('12.34 US dollars');
  });

  it('cuts compact figures instead of rounding them up (never overstates what was raised)', () => {
    expect(new MoneyFormatter('JPY', 'en').formatCompactMinor(12_990_000)).toBe('¥12M');
    expect(new MoneyFormatter('JPY', 'ja').formatCompactMinor(12_345_678)).toBe('￥1234万');
  });
});
