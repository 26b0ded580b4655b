import { expect } from 'vitest';
import type { OverlayHarness } from './harness.ts';

/** Opens the overlay again in the harness's page with another query, and waits until it is drawn. */
export async function reopen(overlay: OverlayHarness, query: string): Promise<void> {
  await overlay.page.goto(`${overlay.feed.url}/?${query}`);
  await overlay.waitFor('window.__localLove && (window.__localLove.isReady || window.__localLove.error)');
  expect(await overlay.evaluate<string | null>('window.__localLove.error')).toBeNull();
}

/** Console warnings of the page from now on (the overlay reports every refused parameter there). */
export function collectWarnings(overlay: OverlayHarness): string[] {
  const warnings: string[] = [];
  overlay.page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

export const widget = <T = Record<string, unknown>>(overlay: OverlayHarness, name: string) =>
  overlay.evaluate<T>(`window.__localLove.widget(${JSON.stringify(name)})`);

export const advance = (overlay: OverlayHarness, ms: number) => overlay.evaluate(`window.__localLove.advance(${ms})`);
