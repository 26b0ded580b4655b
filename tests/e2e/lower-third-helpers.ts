import { PNG } from 'pngjs';
import type { OverlayHarness } from './harness.ts';

/** The producer token of the browser tests' feed servers. */
export const E2E_CONTROL_TOKEN = 'e2e-producer-token-0123456789';

export interface LowerThirdInspect {
  phase: 'hidden' | 'preparing' | 'entering' | 'shown' | 'updating' | 'leaving';
  cueId: number | null;
  texts: { nameJa: string; nameLatin: string; title: string; region: string } | null;
  hasPhoto: boolean;
  fit: Record<string, { scaleX: number; scaleY: number }> | null;
  textWidths: Record<string, number> | null;
  bounds: { x: number; y: number; width: number; height: number } | null;
  safe: { x: number; y: number; width: number; height: number };
}

export function lowerThird(overlay: OverlayHarness): Promise<LowerThirdInspect> {
  return overlay.evaluate<LowerThirdInspect>('window.__localLove.widget("lower-third")');
}

export function waitForPhase(overlay: OverlayHarness, phase: LowerThirdInspect['phase']): Promise<void> {
  return overlay.waitFor(`window.__localLove.widget("lower-third")?.phase === ${JSON.stringify(phase)}`);
}

export function advance(overlay: OverlayHarness, ms: number): Promise<unknown> {
  return overlay.evaluate(`window.__localLove.advance(${ms})`);
}

/** POSTs a control command over HTTP with the producer token; throws with the server's words when refused. */
export async function control(overlay: OverlayHarness, path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${overlay.feed.url}/api/control${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_CONTROL_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

/** How many pixels of a region of an `omitBackground` screenshot are drawn (alpha above 32). */
export function drawnPixels(screenshot: Buffer, region: { x: number; y: number; width: number; height: number }): number {
  const png = PNG.sync.read(screenshot);
  let drawn = 0;
  for (let y = Math.max(0, Math.floor(region.y)); y < Math.min(png.height, Math.ceil(region.y + region.height)); y++) {
    for (let x = Math.max(0, Math.floor(region.x)); x < Math.min(png.width, Math.ceil(region.x + region.width)); x++) {
      if (png.data[(y * png.width + x) * 4 + 3]! > 32) drawn++;
    }
  }
  return drawn;
}

/** The bottom band of the frame where a lower third lives (left or right), title-safe margins included. */
export const LOWER_BAND = { x: 0, y: 700, width: 1920, height: 380 } as const;
