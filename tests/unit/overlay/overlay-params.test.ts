import { describe, expect, it } from 'vitest';
import { fitStage } from '../../../src/overlay/fit-stage.ts';

describe('fitStage', () => {
  it('maps 1920x1080 one to one', () => {
    expect(fitStage(1920, 1080)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('scales down to 720p', () => {
    expect(fitStage(1280, 720)).toEqual({ scale: 2 / 3, x: 0, y: 0 });
  });

  it('letterboxes a window of another shape, centred', () => {
    expect(fitStage(1920, 1200)).toEqual({ scale: 1, x: 0, y: 60 });
    expect(fitStage(1000, 1080)).toEqual({ scale: 1000 / 1920, x: 0, y: (1080 - 1080 * (1000 / 1920)) / 2 });
  });
});
