
export interface MoneyFormatOptions {
  /** ¥ (symbol), JPY (code) or 円 / yen (name). Default: symbol. */
  readonly currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
}

/**
 * Formats integer minor units as money without dividing by a power of ten in floating point:
 * the major part is formatted by `Intl` (grouping, symbol, position) and the fraction digits are
 * spliced in from the integer remainder.
 */
export class MoneyFormatter {
  readonly fractionDigits: number;
  private readonly format: Intl.NumberFormat;
  private readonly compact: Intl.NumberFormat;
  private readonly scale: bigint;

  /** `locale`: a BCP 47 locale (`zh-Hant-TW`); its grouping, symbol placement and compact words apply. */
  constructor(currency: string, locale: string, options: MoneyFormatOptions = {}) {
    const base = { style: 'currency', currency, currencyDisplay: options.currencyDisplay ?? 'symbol' } as const;
    this.format = numberFormat(locale, base);
    // Compact figures are cut, never rounded up: ¥12.99M raised must not read as ¥13M. (`roundingMode` is
    // ES2023: OBS 31's Chromium 127 honours it; OBS 30's Chromium 103 ignores it and rounds half up.)
    this.compact = numberFormat(locale, { ...base, notation: 'compact', roundingMode: 'trunc' } as Intl.NumberFormatOptions);
    this.fractionDigits = this.format.resolvedOptions().maximumFractionDigits ?? 0;
    this.scale = 10n ** BigInt(this.fractionDigits);
  }

  /**
   * A short label for a round amount, such as a milestone marker: ¥5M, ￥500万. Intl rounds it for display,
   * so it is for labels only, never for the amount raised. Whole major units, split off with BigInt.
   */
  formatCompactMinor(amountMinor: number): string {
    return this.compact.format(BigInt(amountMinor) / this.scale);
  }

  formatMinor(amountMinor: number): string {
    const minor = BigInt(amountMinor);
    const major = minor / this.scale;
    // Without minor units (yen, won) there is no fraction to splice in: the whole string is Intl's. The meter
    // formats its counting figure up to every frame, and the parts cost ten times the string.
    if (this.fractionDigits === 0) return this.format.format(major);
    const fraction = (minor % this.scale).toString().padStart(this.fractionDigits, '0');
    return this.format
      .formatToParts(Number(major))
      .map((part) => (part.type === 'fraction' ? fraction : part.value))
      .join('');
  }
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * One Intl.NumberFormat per locale and options, shared: making one loads the locale's data (5-20 ms each in
 * a browser, the compact one the most), and the meter's texts, its glyphs and the board ask for the same.
 */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\n${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** Whole percent of the goal reached, floored, from integers (99.9% shows as 99%, never a premature 100%). */
export function percentOfGoal(raisedMinor: number, goalMinor: number): number {
  if (goalMinor <= 0) return 0;
  return Number((BigInt(raisedMinor) * 100n) / BigInt(goalMinor));
}
