import { describe, expect, it } from 'vitest';
import { METER_SIZES, burstOffset, placeMeter } from '../../../src/theme/layout.ts';

const SAFE = { x: 96, y: 54, width: 1728, height: 972 };
const COLUMN = { centreX: 1620, halfWidth: 120, baseY: 996 };
const base = { meter: 'top', meterStyle: 'bar', lowerThird: 'left', scale: 1 } as const;

describe('placeMeter', () => {
  it('puts the bar in the top-left safe corner by default', () => {
    expect(placeMeter(base, SAFE)).toEqual({ box: { x: 96, y: 54, ...METER_SIZES.bar }, bannersBelow: true });
  });

  it('puts a bottom meter in the corner away from the lower third, banners above', () => {
    const right = placeMeter({ ...base, meter: 'bottom' }, SAFE);
    expect(right.box).toEqual({ x: 1824 - 820, y: 1026 - METER_SIZES.bar.height, ...METER_SIZES.bar });
    expect(right.bannersBelow).toBe(false);
    expect(placeMeter({ ...base, meter: 'bottom', lowerThird: 'right' }, SAFE).box.x).toBe(96);
  });

  it('stands a thermometer on either side, centred, and scales it', () => {
    const left = placeMeter({ ...base, meter: 'left', meterStyle: 'thermometer' }, SAFE);
    expect(left.box).toEqual({ x: 96, y: 54 + (972 - 700) / 2, width: 280, height: 700 });
    const right = placeMeter({ ...base, meter: 'right', meterStyle: 'thermometer', scale: 0.5 }, SAFE);
    expect(right.box).toEqual({ x: 1824 - 140, y: Math.round(54 + (972 - 350) / 2), width: 140, height: 350 });
  });

  it('never lets a scaled meter outgrow the safe area vertically', () => {
    const { box } = placeMeter({ ...base, meter: 'right', meterStyle: 'thermometer', scale: 2 }, SAFE);
    expect(box.y).toBeGreaterThanOrEqual(SAFE.y);
    expect(box.y + box.height).toBeLessThanOrEqual(SAFE.y + SAFE.height);
  });
});

describe('burstOffset', () => {
  it('leaves the flow where it is when nothing is in its way', () => {
    expect(burstOffset(COLUMN, base, placeMeter(base, SAFE).box)).toEqual({ x: 0, y: 0 });
    expect(burstOffset(COLUMN, base, null)).toEqual({ x: 0, y: 0 });
  });

  it('mirrors the flow to the left when the lower third is on the right', () => {
    expect(burstOffset(COLUMN, { ...base, lowerThird: 'right' }, null)).toEqual({ x: 300 - 1620, y: 0 });
  });

  it('starts the flow above a meter at the bottom of its column', () => {
    const params = { ...base, meter: 'bottom' } as const;
    const meter = placeMeter(params, SAFE).box;
    expect(burstOffset(COLUMN, params, meter)).toEqual({ x: 0, y: meter.y - 24 - 996 });
  });

  it('moves the flow inwards beside a thermometer on its side', () => {
    const params = { ...base, meter: 'right', meterStyle: 'thermometer' } as const;
    const meter = placeMeter(params, SAFE).box;
    const { x } = burstOffset(COLUMN, params, meter);
    expect(COLUMN.centreX + x + COLUMN.halfWidth).toBe(meter.x - 24);
  });
});
