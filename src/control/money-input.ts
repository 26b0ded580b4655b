/**
 * Reads an amount a producer types in major units ("25,000,000" yen, "1500.50" dollars, "-5,000" for a
 * correction when `signed`) as integer minor units, by string arithmetic: a float never touches money.
 * Returns an error naming the field (`goal` unless told) and what is wrong.
 */
export function parseMajorAmount(
  text: string,
  fractionDigits: number,
  { field = 'goal', signed = false }: { field?: string; signed?: boolean } = {},
): { ok: true; minor: number } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/[,\s_¥$€£]/g, '').replace(/^[−–]/, '-');
  const match = (signed ? /^(-?)(\d+)(?:\.(\d*))?$/ : /^()(\d+)(?:\.(\d*))?$/).exec(cleaned);
  if (!match) return { ok: false, message: `${field}: type a whole amount, e.g. ${signed ? '-5000 or ' : ''}25000000` };
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length > fractionDigits) {
    return { ok: false, message: fractionDigits === 0 ? `${field}: this currency has no fractions` : `${field}: at most ${fractionDigits} digits after the point` };
  }
  const magnitude = BigInt(whole) * 10n ** BigInt(fractionDigits) + BigInt(fraction.padEnd(fractionDigits, '0') || '0');
  if (magnitude === 0n || (!signed && magnitude < 0n)) return { ok: false, message: signed ? `${field}: must not be 0` : `${field}: must be greater than 0` };
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: `${field}: too large` };
  return { ok: true, minor: Number(sign === '-' ? -magnitude : magnitude) };
}
