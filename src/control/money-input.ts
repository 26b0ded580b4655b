/**
 * Reads an amount a producer types in major units ("25,000,000" yen, "1500.50" dollars) as integer minor
 * units, by string arithmetic: a float never touches the goal. Returns an error naming what is wrong.
 */
export function parseMajorAmount(text: string, fractionDigits: number): { ok: true; minor: number } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/[,\s_¥$€£]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: 'goal: type a whole amount, e.g. 25000000' };
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > fractionDigits) {
    return { ok: false, message: fractionDigits === 0 ? 'goal: this currency has no fractions' : `goal: at most ${fractionDigits} digits after the point` };
  }
  const minor = BigInt(whole) * 10n ** BigInt(fractionDigits) + BigInt(fraction.padEnd(fractionDigits, '0') || '0');
  if (minor <= 0n) return { ok: false, message: 'goal: must be greater than 0' };
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'goal: too large' };
  return { ok: true, minor: Number(minor) };
}
