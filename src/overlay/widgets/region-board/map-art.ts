import { CanvasSource, Texture } from 'pixi.js';
import { canvasOf, cssRgba } from '../../art/canvas.ts';
import type { JapanMap } from './map-projection.ts';

/**
 * The map of Japan drawn once on a canvas at the size it is shown (`scale` stage units per map unit), to
 * become one texture: a few thousand points of coastline cost the canvas a moment once, where the GPU
 * would redraw them every frame.
 */
export function mapArt(map: JapanMap, scale: number, resolution: number, colors: { land: number; landAlpha: number; coast: number; coastAlpha: number }): Texture {
  const { canvas, context } = canvasOf(map.width * scale + 4, map.height * scale + 4, resolution, 'the map of Japan');
  context.translate(2, 2);
  context.beginPath();
  for (const ring of map.rings) {
    for (let i = 0; i < ring.length; i += 2) {
      const x = (ring[i]! / 10) * scale;
      const y = (ring[i + 1]! / 10) * scale;
      if (i === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.closePath();
  }
  context.fillStyle = cssRgba(colors.land, colors.landAlpha);
  context.fill();
  context.lineJoin = 'round';
  context.lineWidth = 1.2;
  context.strokeStyle = cssRgba(colors.coast, colors.coastAlpha);
  context.stroke();
  return textureOf(canvas, resolution);
}

/** A white disc with a soft rim, tinted and scaled for each region's mark. */
export function discArt(diameter: number, resolution: number): Texture {
  const { canvas, context } = canvasOf(diameter + 2, diameter + 2, resolution, 'the region marks');
  context.beginPath();
  context.arc(diameter / 2 + 1, diameter / 2 + 1, diameter / 2, 0, Math.PI * 2);
  context.fillStyle = '#ffffff';
  context.fill();
  return textureOf(canvas, resolution);
}

/** A white ring: the highlight around the mark of the region on stage. */
export function ringArt(diameter: number, width: number, resolution: number): Texture {
  const { canvas, context } = canvasOf(diameter + 2, diameter + 2, resolution, 'the region marks');
  context.beginPath();
  context.arc(diameter / 2 + 1, diameter / 2 + 1, diameter / 2 - width / 2, 0, Math.PI * 2);
  context.lineWidth = width;
  context.strokeStyle = '#ffffff';
  context.stroke();
  return textureOf(canvas, resolution);
}

/** A white rounded rectangle for row plates and bars, stretched by a NineSliceSprite. */
export function plateArt(radius: number, resolution: number): Texture {
  const size = radius * 2 + 2;
  const { canvas, context } = canvasOf(size, size, resolution, 'the region board');
  context.beginPath();
  context.roundRect(0, 0, size, size, radius);
  context.fillStyle = '#ffffff';
  context.fill();
  return textureOf(canvas, resolution);
}

/** A texture the size of the drawing in stage units, `resolution` pixels to each. */
function textureOf(canvas: HTMLCanvasElement, resolution: number): Texture {
  return new Texture({ source: new CanvasSource({ resource: canvas, resolution }) });
}
