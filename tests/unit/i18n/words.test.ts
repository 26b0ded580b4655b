import { describe, expect, it } from 'vitest';
import { loadWords, say, wordsOf } from '../../../src/i18n/words.ts';
import { LANGUAGES } from '../../../src/protocol/index.ts';

describe('dictionaries, one per language, loaded on demand', () => {
  it('has English at once (the console speaks it) and refuses a language used before it is loaded', async () => {
    expect(wordsOf('en').goal).toBe('GOAL');
    expect(say({ id: 'ignored' }, 'en')).toBe('ignored');
    expect(() => wordsOf('ja')).toThrow(/ja words are used before they are loaded/);
    const ja = await loadWords('ja');
    expect(wordsOf('ja')).toBe(ja);
    expect(ja.goal).not.toBe(wordsOf('en').goal);
  });

  it('loads every language, each its own dictionary with the same keys as English', async () => {
    const all = await Promise.all(LANGUAGES.map((lang) => loadWords(lang)));
    expect(new Set(all).size).toBe(LANGUAGES.length);
    for (const words of all) expect(Object.keys(words).sort()).toEqual(Object.keys(wordsOf('en')).sort());
  });
});
