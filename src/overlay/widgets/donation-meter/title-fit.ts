import { CanvasTextMetrics, type Container, type Text } from 'pixi.js';
import { MAX_CONDENSE, fitToWidth } from '../lower-third/fit.ts';

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

/** Line spacing of a wrapped note: room for Thai marks above and below without lines touching. */
const NOTE_LINE_HEIGHT = 1.3;
const CONDENSE_STEPS = [0.95, 0.9, 0.85, MAX_CONDENSE];

export interface WrapFit {
  /** The row's width: lines wrap in it. */
  readonly width: number;
  /** Most lines the row holds. */
  readonly lines: number;
  readonly size: number;
  /** The smallest size still legible on air; below it the text is condensed instead. */
  readonly minSize: number;
}

/**
 * Sets a wrapping label in as few lines of `fit.width` as it can at a legible size, at most `fit.lines`:
 * each line count is tried from `size` down to `minSize` before the next (one line at 20 reads better
 * than two at 22). A text that needs more lines is condensed (wrapped wider, drawn narrower) down to
 * MAX_CONDENSE, and only a text longer still is shrunk below `minSize`; it is never clipped. Lines break
 * where the language allows it (line-breaking.ts: Thai between words). It measures text, so it is called
 * when the text changes, never per frame. Returns the number of lines it is set in.
 */
export function fitWrapped(label: Text, fit: WrapFit): number {
  const lineCount = () => CanvasTextMetrics.measureText(label.text, label.style).lines.length;
  label.scale.set(1);
  label.style.wordWrapWidth = fit.width;
  for (let lines = 1; lines <= fit.lines; lines++) {
    for (let size = fit.size; size >= fit.minSize; size--) {
      label.style.fontSize = size;
      label.style.lineHeight = Math.round(size * NOTE_LINE_HEIGHT);
      if (lineCount() <= lines) return lineCount();
    }
  }
  for (const condense of CONDENSE_STEPS) {
    label.style.wordWrapWidth = fit.width / condense;
    if (lineCount() <= fit.lines) {
      label.scale.set(condense, 1);
      return lineCount();
    }
  }
  const lines = lineCount();
  const shrink = fit.lines / lines;
  label.scale.set(MAX_CONDENSE * shrink, shrink);
  return lines;
}
