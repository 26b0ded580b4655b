/**
 * Makes any string from a URL fit to show a producer: control and invisible formatting characters
 * (which could reorder or hide text) become `�`, and long values are cut to `max` characters with `…`.
 * It does not escape markup: every string reaches the page through `textContent`, where markup is inert.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu;

export function displayText(value: string, max = 48): string {
  const characters = Array.from(value.length > max * 4 ? value.slice(0, max * 4) : value);
  const shown = characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : characters.join('');
  return shown.replace(UNSAFE, '\uFFFD');
}
