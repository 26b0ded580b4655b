import type { ReferenceRates } from '../protocol/index.ts';
import { numberFormat } from './format.ts';

/** The currency people in a market count in, by the region of their locale (`zh-Hant-TW` → TWD). */
const REGION_CURRENCIES: Readonly<Record<string, string>> = {
  JP: 'JPY', TW: 'TWD', HK: 'HKD', MO: 'MOP', KR: 'KRW', TH: 'THB', ID: 'IDR', VN: 'VND', PH: 'PHP', US: 'USD',
  GB: 'GBP', CA: 'CAD', AU: 'AUD', SG: 'SGD', MY: 'MYR', CN: 'CNY',
};

export function currencyOfLocale(locale: string): string | null {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region ? (REGION_CURRENCIES[region] ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * An amount in another currency at a fixed reference rate, for display only: whole units, rounded down,
 * computed in BigInt from the integer rate (no float touches the amount), formatted by `Intl` in the
 * viewer's locale. The result is a label; nothing is ever computed from it.
 */
export class ReferenceAmount {
  private readonly format: Intl.NumberFormat;
  private readonly quoteScale: bigint;

  constructor(
    private readonly rate: { readonly baseMinor: number; readonly quoteMinor: number; readonly currency: string },
    locale: string,
  ) {
    this.format = numberFormat(locale, { style: 'currency', currency: rate.currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    const digits = numberFormat('en', { style: 'currency', currency: rate.currency }).resolvedOptions().maximumFractionDigits ?? 0;
    this.quoteScale = 10n ** BigInt(digits);
  }

  /** `NT$2,550,000` for ¥12,345,678 at ¥10,000 ≈ NT$2,066. */
  formatMinor(amountMinor: number): string {
    const quoteMinor = (BigInt(amountMinor) * BigInt(this.rate.quoteMinor)) / BigInt(this.rate.baseMinor);
    return this.format.format(quoteMinor / this.quoteScale);
  }

  /**
   * The reference amount for a viewer in `locale`, or null when there is nothing to show: no rates in the
   * campaign, a viewer who counts in the campaign's own currency, or one whose currency has no rate.
   */
  static forViewer(rates: ReferenceRates | undefined, campaignCurrency: string, locale: string): ReferenceAmount | null {
    const currency = currencyOfLocale(locale);
    if (!rates || currency === null || currency === campaignCurrency) return null;
    const rate = rates.rates.find((candidate) => candidate.currency === currency);
    return rate ? new ReferenceAmount(rate, locale) : null;
  }
}
