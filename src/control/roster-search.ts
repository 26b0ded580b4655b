import type { Region, RosterEntry } from '../protocol/index.ts';

/**
 * Folds what a producer types and what the roster holds to one form: case and width ignored (ＡＢＣ = abc),
 * katakana read as hiragana (サトウ = さとう), long vowels' macrons dropped (Ryūnosuke = ryunosuke).
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u30a1-\u30f6]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60));
}

/**
 * The roster entries matching a search: every word of the query must appear in the person's names, title
 * (either language), region (id or either name) or id. An empty query lists everyone, in roster order.
 */
export function searchRoster(roster: readonly RosterEntry[], regions: readonly Region[], query: string): RosterEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...roster];
  return roster.filter((entry) => {
    const region = regions.find((candidate) => candidate.id === entry.region);
    const haystack = fold(
      [entry.id, entry.nameJa, entry.nameJa.replace(/\s+/g, ''), entry.nameLatin, entry.title.ja, entry.title.en, entry.region, region?.name.ja, region?.name.en].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}
