import type { Container } from 'pixi.js';
import { fitToWidth } from '../lower-third/fit.ts';

/**
 * Makes a one-line label fit `maxWidth` the way the lower third does: condensed first, then shrunk as a
 * whole, never clipped. A long title in a language that runs long (Thai, Vietnamese) still shows in full.
 */
export function fitLine(line: Container, maxWidth: number): void {
  const { scaleX, scaleY } = fitToWidth(line.width, maxWidth);
  line.scale.set(scaleX, scaleY);
}

/** Shrinks a wrapped label (about its anchor) until it is no taller than `maxHeight`: a third line never runs into the amount. */
export function fitHeight(block: Container, maxHeight: number): void {
  if (block.height > maxHeight) block.scale.set(maxHeight / block.height);
}
