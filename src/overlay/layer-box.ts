import { STAGE_HEIGHT, STAGE_WIDTH } from './fit-stage.ts';

/** A box by its edges: in stage units, or in window (CSS) pixels, as its user says. */
export interface PixelBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Room kept around what a widget has drawn so far, so a little growth does not resize its canvas. */
const MARGIN = 16;
/** Boxes grow in steps of this many stage units, for the same reason. */
const GRID = 32;

/** `known` grown to take in `seen` (with a margin, snapped outwards to the grid, clipped to the stage). */
export function growBox(known: PixelBox | null, seen: PixelBox): PixelBox {
  const grown = {
    left: Math.max(0, Math.floor((seen.left - MARGIN) / GRID) * GRID),
    top: Math.max(0, Math.floor((seen.top - MARGIN) / GRID) * GRID),
    right: Math.min(STAGE_WIDTH, Math.ceil((seen.right + MARGIN) / GRID) * GRID),
    bottom: Math.min(STAGE_HEIGHT, Math.ceil((seen.bottom + MARGIN) / GRID) * GRID),
  };
  if (known === null) return grown;
  return {
    left: Math.min(known.left, grown.left),
    top: Math.min(known.top, grown.top),
    right: Math.max(known.right, grown.right),
    bottom: Math.max(known.bottom, grown.bottom),
  };
}

/**
 * A stage box in window pixels, through the stage's fit (scale and offset), rounded outwards to whole device
 * pixels: a canvas placed there lines up with the device pixel grid, so the stage's pixels land exactly
 * where a single full-window canvas would have put them.
 */
export function windowBox(stageBox: PixelBox, fit: { scale: number; x: number; y: number }, density: number): PixelBox {
  const out = (stage: number, offset: number, round: (n: number) => number) => round((offset + stage * fit.scale) * density) / density;
  return {
    left: out(stageBox.left, fit.x, Math.floor),
    top: out(stageBox.top, fit.y, Math.floor),
    right: out(stageBox.right, fit.x, Math.ceil),
    bottom: out(stageBox.bottom, fit.y, Math.ceil),
  };
}
