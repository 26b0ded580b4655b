import { z } from '../protocol/zod.ts';

/**
 * Colours as producers write them in a URL: #rgb, #rrggbb or #rrggbbaa, with or without the `#`
 * (a bare `#` in a URL starts the fragment, so `accent=ff5a7a` is the form we print).
 * Decoded to one canonical spelling, lower-case `#rrggbb` or `#rrggbbaa` (alpha ff dropped), so that
 * two spellings of one colour give the same theme and the same canonical URL.
 */
const HEX = /^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

export const COLOR_ALLOWED = 'hex colour rgb, rrggbb or rrggbbaa (alpha last)';

/** Lower-case, `#`-prefixed, 6 or 8 digits; alpha `ff` dropped. Assumes `HEX` matched. */
export function canonicalHex(input: string): string {
  let digits = input.replace(/^#/, '').toLowerCase();
  if (digits.length <= 4) digits = [...digits].map((digit) => digit + digit).join('');
  if (digits.endsWith('ff') && digits.length === 8) digits = digits.slice(0, 6);
  return `#${digits}`;
}

/** A canonical hex colour, as stored in theme files and decoded from URLs. */
export const HexColor = z.pipe(z.string().check(z.regex(HEX, { error: `is not a ${COLOR_ALLOWED}` })), z.transform(canonicalHex));

/** The colour as pixi wants it: 0xrrggbb and an alpha in 0..1. */
export interface Rgba {
  readonly rgb: number;
  readonly alpha: number;
}

/** Splits a canonical hex colour (see `canonicalHex`) into pixi's number and alpha. */
export function toRgba(hex: string): Rgba {
  const digits = canonicalHex(hex).slice(1);
  const rgb = Number.parseInt(digits.slice(0, 6), 16);
  const alpha = digits.length === 8 ? Number.parseInt(digits.slice(6, 8), 16) / 255 : 1;
  return { rgb, alpha };
}

/** `#rrggbb` (no alpha) for the colour inputs of the builder, which know no alpha. */
export function withoutAlpha(hex: string): string {
  return canonicalHex(hex).slice(0, 7);
}

function hexByte(value: number): string {
  return Math.round(Math.min(Math.max(value, 0), 255)).toString(16).padStart(2, '0');
}

function fromRgba({ rgb, alpha }: Rgba): string {
  return canonicalHex(`#${rgb.toString(16).padStart(6, '0')}${hexByte(alpha * 255)}`);
}

/** The colour `t` of the way from `from` to `to` (0 = from, 1 = to), alpha included. */
export function mixHex(from: string, to: string, t: number): string {
  const a = toRgba(from);
  const b = toRgba(to);
  const channel = (shift: number) => {
    const x = (a.rgb >> shift) & 255;
    const y = (b.rgb >> shift) & 255;
    return Math.round(x + (y - x) * t);
  };
  const rgb = (channel(16) << 16) | (channel(8) << 8) | channel(0);
  return fromRgba({ rgb, alpha: a.alpha + (b.alpha - a.alpha) * t });
}

/** The same colour with another alpha (0..1). */
export function withAlpha(hex: string, alpha: number): string {
  return fromRgba({ rgb: toRgba(hex).rgb, alpha });
}

/** `over` (with its alpha) laid on `under`, as an opaque colour: what the eye sees of text on a panel. */
export function composite(over: string, under: string): string {
  return withAlpha(mixHex(withAlpha(under, 1), withAlpha(over, 1), toRgba(over).alpha), 1);
}

/** WCAG relative luminance of the colour's rgb. */
function luminance(hex: string): number {
  const { rgb } = toRgba(hex);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear((rgb >> 16) & 255) + 0.7152 * linear((rgb >> 8) & 255) + 0.0722 * linear(rgb & 255);
}

/** WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `mixHex` for pixi's 0xrrggbb numbers. */
export function mixRgb(from: number, to: number, t: number): number {
  const hex = (rgb: number) => `#${rgb.toString(16).padStart(6, '0')}`;
  return toRgba(mixHex(hex(from), hex(to), t)).rgb;
}
