import { describe, expect, it } from 'vitest';
import { fitStage } from '../../../src/overlay/fit-stage.ts';

describe('fitStage', () => {
  it('maps 1920x1080 one to one', () => {
    expect(fitStage(1920, 1080)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('scales down to 720p and up to 4K', () => {
    expect(fitStage(1280, 720)).toEqual({ scale: 2 / 3, x: 0, y: 0 });
    expect(fitStage(3840, 2160)).toEqual({ scale: 2, x: 0, y: 0 });
  });

  it('letterboxes a window of another shape, centred', () => {
    expect(fitStage(1920, 1200)).toEqual({ scale: 1, x: 0, y: 60 });
    const narrow = fitStage(1000, 1000);
    expect(narrow.scale).toBe(1000 / 1920);
    expect(narrow.x).toBeCloseTo(0, 9);
    expect(narrow.y).toBeCloseTo((1000 - 1080 * (1000 / 1920)) / 2, 9);
  });
});
