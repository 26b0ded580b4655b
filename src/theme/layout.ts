import type { OverlayParams } from './params-schema.ts';
import type { Rect } from './rect.ts';

/**
 * Where the widgets sit on the 1920x1080 stage, from the layout parameters, so that they never cover each
 * other: the lower third owns the bottom corner of its side, the reaction flow rises in the opposite column,
 * and the meter goes where the producer asked, yielding to both.
 */

/** The meters' footprints in stage px at scale 1 (the views draw exactly inside these). */
export const METER_SIZES = {
  bar: { width: 820, height: 230 },
  thermometer: { width: 280, height: 700 },
} as const;

export interface MeterPlacement {
  /** The meter's panel on the stage, scale included. */
  readonly box: Rect;
  /** Celebration banners hang below the panel, or above it when the panel sits on the bottom edge. */
  readonly bannersBelow: boolean;
}

type LayoutParams = Pick<OverlayParams, 'meter' | 'meterStyle' | 'lowerThird' | 'scale'>;

/**
 * top: the top-left corner. bottom: the bottom corner away from the lower third. left / right: that side,
 * centred vertically (where a thermometer stands naturally).
 */
export function placeMeter(params: LayoutParams, safe: Rect): MeterPlacement {
  const size = METER_SIZES[params.meterStyle];
  const width = size.width * params.scale;
  const height = Math.min(size.height * params.scale, safe.height);
  const left = safe.x;
  const right = safe.x + safe.width - width;
  const middle = safe.y + (safe.height - height) / 2;
  const bottom = safe.y + safe.height - height;
  const at = (x: number, y: number, bannersBelow: boolean): MeterPlacement => ({
    box: { x: Math.round(x), y: Math.round(y), width, height },
    bannersBelow,
  });
  switch (params.meter) {
    case 'top':
      return at(left, safe.y, true);
    case 'bottom':
      return at(params.lowerThird === 'left' ? right : left, bottom, false);
    case 'left':
      return at(left, middle, true);
    case 'right':
      return at(right, middle, true);
  }
}

/** The reaction flow's column as the bursts widget draws it by default (its own look). */
export interface BurstColumn {
  readonly centreX: number;
  /** How far particles reach either side of the centre, sway included. */
  readonly halfWidth: number;
  /** The line particles appear on. */
  readonly baseY: number;
}

/** Space kept between the flow and the meter. */
const GAP = 24;

/**
 * How far to move the reaction flow from its default column: mirrored to the left when the lower third is
 * on the right, pushed inwards when a side meter stands in its column, and started above a meter that sits
 * at the bottom of its column.
 */
export function burstOffset(column: BurstColumn, params: LayoutParams, meter: Rect | null, stageWidth = 1920): { x: number; y: number } {
  const onLeft = params.lowerThird === 'right';
  let centreX = onLeft ? stageWidth - column.centreX : column.centreX;
  let baseY = column.baseY;
  if (meter) {
    const meterLeft = meter.x;
    const meterRight = meter.x + meter.width;
    const overlaps = centreX + column.halfWidth > meterLeft && centreX - column.halfWidth < meterRight;
    const meterBottom = meter.y + meter.height;
    if (overlaps && meterBottom > baseY - GAP) {
      // The meter covers where particles are born: start the flow above it.
      baseY = meter.y - GAP;
    } else if (overlaps && (params.meter === 'left' || params.meter === 'right')) {
      centreX = onLeft ? meterRight + GAP + column.halfWidth : meterLeft - GAP - column.halfWidth;
    }
  }
  return { x: Math.round(centreX - column.centreX), y: Math.round(baseY - column.baseY) };
}
