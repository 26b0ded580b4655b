/**
 * The 2D canvas that baked artwork (shadows, glows, panels, photos) is drawn on once, to become a texture:
 * a blur or a clip done once by the canvas costs nothing per frame, where the GPU would redo it every frame.
 */

/** A 0xRRGGBB colour with an alpha, as the canvas wants it. */
export function cssRgba(color: number, alpha: number): string {
  return `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;
}

/**
 * A canvas of `width` x `height` stage units with `resolution` pixels per unit, its context scaled so that
 * drawing is in stage units. `purpose` ends the error thrown where no 2D context can be had.
 */
export function canvasOf(width: number, height: number, resolution: number, purpose: string): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * resolution);
  canvas.height = Math.ceil(height * resolution);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`a 2D canvas is needed to draw ${purpose}`);
  context.scale(resolution, resolution);
  return { canvas, context };
}
