/**
 * Scripts written without spaces between words, whose lines may only break between words: Thai (and
 * Lao, Khmer, Myanmar, which share the problem). Chinese, Japanese and Korean may break between any two
 * characters (Korean has spaces as well), so they keep grapheme breaking.
 */
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;

// Made at their first use: the first Intl.Segmenter of a page loads ICU's break rules (20-30 ms here),
// and most overlays break no line before their first frame.
let graphemes: Intl.Segmenter | null = null;
let words: Intl.Segmenter | null = null;

/**
 * The pieces a line-breaker may put on different lines, in order: whole words for a token of an unspaced
 * script (`ไลฟ์การกุศล` → `ไลฟ์`, `การ`, `กุศล`, found by `Intl.Segmenter`), else single graphemes (so a
 * combining mark or a Thai vowel never lands on a line apart from its letter).
 */
export function wordPieces(token: string): string[] {
  const segmenter = UNSPACED.test(token)
    ? (words ??= new Intl.Segmenter('th', { granularity: 'word' }))
    : (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
  return Array.from(segmenter.segment(token), (piece) => piece.segment);
}
