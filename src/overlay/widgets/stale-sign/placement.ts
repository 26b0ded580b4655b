import type { Theme } from '../../../theme/default-theme.ts';

/** Space between the meter's panel and the sign. */
const GAP = 14;

/**
 * Where the stale-feed sign sits: against the meter whose numbers it qualifies, on the side its celebration
 * banners use (no banner starts while the feed is down), aligned with the meter's outer edge, and always
 * inside the title-safe area.
 */
export function staleSignPosition(layout: Theme['layout'], size: { width: number; height: number }, stageWidth = 1920): { x: number; y: number } {
  const { box, bannersBelow } = layout.meter;
  const { safe } = layout;
  const onRight = box.x + box.width / 2 > stageWidth / 2;
  const x = onRight ? box.x + box.width - size.width : box.x;
  const y = bannersBelow ? box.y + box.height + GAP : box.y - GAP - size.height;
  const clamp = (value: number, min: number, max: number) => Math.round(Math.min(Math.max(value, min), max));
  return { x: clamp(x, safe.x, safe.x + safe.width - size.width), y: clamp(y, safe.y, safe.y + safe.height - size.height) };
}
