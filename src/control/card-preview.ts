import { DEFAULT_LOCALES } from '../i18n/language-tag.ts';
import { textPicker } from '../i18n/pick-text.ts';
import { cardWords } from '../lower-third/card-words.ts';
import type { Language, LocalizedText, Region } from '../protocol/index.ts';
import { el } from './dom.ts';

/** What the preview shows: a roster entry, an inline card or the card on air (they share these fields). */
export interface PreviewCard {
  readonly nameJa: string;
  readonly nameLatin: string;
  readonly names?: LocalizedText | undefined;
  readonly title: LocalizedText;
  readonly region: string | { readonly id: string; readonly name: LocalizedText };
  readonly photo?: string | null;
}

/** Missing texts fall back as on the overlay; the control page says nothing about it (the overlay's console does). */
const quietPicker = (lang: Language) => textPicker(lang, undefined, () => {});

/**
 * A DOM likeness of the overlay's lower third (same parts, same order: tab, photo, bar, plate, strip),
 * so a producer sees what Take will put on air. Every text goes in as textContent.
 */
export function cardPreview(card: PreviewCard, regions: readonly Region[], lang: Language): HTMLElement {
  const region = typeof card.region === 'string' ? regions.find((r) => r.id === card.region) : card.region;
  // A region the campaign lacks (a typo in an inline card) shows its id, as the server will refuse it.
  const words = cardWords({ ...card, region: region ?? { name: { en: String(card.region) } } }, lang, DEFAULT_LOCALES[lang], quietPicker(lang));
  // Photos were validated by the schema: a path under /assets or an image data URL.
  const photo = card.photo ? el('img', { class: 'lt-photo', attrs: { src: card.photo, alt: '' } }) : null;
  return el('div', { class: `lt${photo ? '' : ' lt-no-photo'}`, attrs: { 'data-testid': 'card-preview', lang } }, [
    photo,
    el('div', { class: 'lt-body' }, [
      el('div', { class: 'lt-tab', text: words.region }),
      el('div', { class: 'lt-plate' }, [el('div', { class: 'lt-name-ja', text: words.nameJa }), el('div', { class: 'lt-name-latin', text: words.nameLatin })]),
      el('div', { class: 'lt-strip', text: words.title }),
    ]),
  ]);
}
