import { describe, expect, it } from 'vitest';
import { growBox, windowBox } from '../../../src/overlay/layer-box.ts';

describe('growBox', () => {
  it('takes in what was seen, with a margin, snapped outwards to the grid', () => {
    expect(growBox(null, { left: 100, top: 50, right: 300, bottom: 200 })).toEqual({ left: 64, top: 32, right: 320, bottom: 224 });
  });

  it('never shrinks, and grows only on the side the widget reached further', () => {
    const known = growBox(null, { left: 100, top: 50, right: 300, bottom: 200 });
    expect(growBox(known, { left: 120, top: 60, right: 280, bottom: 190 })).toEqual(known);
    expect(growBox(known, { left: 120, top: 60, right: 500, bottom: 190 })).toEqual({ ...known, right: 544 });
  });

  it('stays on the stage', () => {
    expect(growBox(null, { left: 0, top: 0, right: 1920, bottom: 1080 })).toEqual({ left: 0, top: 0, right: 1920, bottom: 1080 });
  });
});

describe('windowBox', () => {
  it('maps a stage box through the fit, outwards to whole device pixels', () => {
    // 1280x720: scale 2/3; 100 stage units -> 66.67 px, rounded outwards.
    expect(windowBox({ left: 100, top: 100, right: 200, bottom: 200 }, { scale: 2 / 3, x: 0, y: 0 }, 1)).toEqual({ left: 66, top: 66, right: 134, bottom: 134 });
  });

  it('keeps the letterbox offset, and rounds on the device grid at a density of 2', () => {
    expect(windowBox({ left: 0, top: 0, right: 1920, bottom: 1080 }, { scale: 0.5, x: 10.25, y: 0 }, 2)).toEqual({ left: 10, top: 0, right: 970.5, bottom: 540 });
  });
});
