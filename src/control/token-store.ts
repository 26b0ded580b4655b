/**
 * The producer's token lives in this tab's sessionStorage: gone when the tab (or the OBS dock) closes,
 * never in a URL, never in the overlay's address, never sent anywhere but the control socket's auth.
 */
const KEY = 'local-love.control-token';

export function readToken(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage can be off (private mode): the token then lasts as long as the page.
  }
}
