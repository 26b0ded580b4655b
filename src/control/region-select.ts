import { fallbackOrder, pickText } from '../i18n/pick-text.ts';
import type { Language, Region } from '../protocol/index.ts';
import { el } from './dom.ts';

/** A region's name in the preview language, or in its fallback when the campaign lacks that language. */
export function regionName(region: Region, lang: Language): string {
  return pickText(region.name, fallbackOrder(lang)).text;
}

/**
 * Fills a dropdown with the campaign's regions in the preview language, after an optional first option.
 * The list changes only with the regions or the language, so it is rebuilt only then and the producer's
 * choice is kept.
 */
export function fillRegionSelect(select: HTMLSelectElement, regions: readonly Region[], lang: Language, first?: { text: string; value: string }): void {
  const shownFor = `${regions.map((region) => region.id).join(',')} ${lang}`;
  if (select.dataset.regionsShownFor === shownFor) return;
  select.dataset.regionsShownFor = shownFor;
  const kept = select.value;
  select.replaceChildren(
    ...(first ? [el('option', { text: first.text, attrs: { value: first.value } })] : []),
    ...regions.map((region) => el('option', { text: regionName(region, lang), attrs: { value: region.id } })),
  );
  if (kept) select.value = kept;
}
