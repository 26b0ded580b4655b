import { describe, expect, it } from 'vitest';
import { wordPieces } from '../../../src/i18n/word-pieces.ts';

describe('wordPieces: where a line may break inside a token', () => {
  it('splits a Thai phrase without spaces into words, never inside one', () => {
    const pieces = wordPieces('ไลฟ์การกุศลเพื่อฟื้นฟู');
    expect(pieces.join('')).toBe('ไลฟ์การกุศลเพื่อฟื้นฟู');
    expect(pieces.length).toBeGreaterThan(2);
    // No piece starts with a mark or a following vowel: those belong to the letter before.
    for (const piece of pieces) expect(piece).not.toMatch(/^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0e30\u0e32\u0e33\u0e45]/u);
    expect(pieces).toContain('เพื่อ');
  });

  it('keeps graphemes whole elsewhere: Vietnamese stacked marks stay on their letter', () => {
    expect(wordPieces('Việt')).toEqual(['V', 'i', 'ệ', 't']);
    expect(wordPieces('ệ'.normalize('NFD'))).toHaveLength(1);
    expect(wordPieces('東北')).toEqual(['東', '北']);
  });
});
