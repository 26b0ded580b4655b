import type { Language, Region } from '../protocol/index.ts';
import { el } from './dom.ts';

/** What the preview shows: a roster entry, an inline card or the card on air (they share these fields). */
export interface PreviewCard {
  readonly nameJa: string;
  readonly nameLatin: string;
  readonly title: { readonly ja: string; readonly en: string };
  readonly region: string | { readonly id: string; readonly name: { readonly ja: string; readonly en: string } };
  readonly photo?: string | null;
}

/**
 * A DOM likeness of the overlay's lower third (same parts, same order: tab, photo, bar, plate, strip),
 * so a producer sees what Take will put on air. Every text goes in as textContent.
 */
export function cardPreview(card: PreviewCard, regions: readonly Region[], lang: Language): HTMLElement {
  const region = typeof card.region === 'string' ? regions.find((r) => r.id === card.region) : card.region;
  const regionName = region ? (lang === 'en' ? region.name.en.toLocaleUpperCase('en') : region.name.ja) : String(card.region);
  // Photos were validated by the schema: a path under /assets or an image data URL.
  const photo = card.photo ? el('img', { class: 'lt-photo', attrs: { src: card.photo, alt: '' } }) : null;
  return el('div', { class: `lt${photo ? '' : ' lt-no-photo'}`, attrs: { 'data-testid': 'card-preview' } }, [
    photo,
    el('div', { class: 'lt-body' }, [
      el('div', { class: 'lt-tab', text: regionName }),
      el('div', { class: 'lt-plate' }, [el('div', { class: 'lt-name-ja', text: card.nameJa }), el('div', { class: 'lt-name-latin', text: card.nameLatin })]),
      el('div', { class: 'lt-strip', text: card.title[lang] }),
    ]),
  ]);
}
