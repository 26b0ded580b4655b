import { Graphics, type MeshGeometry } from 'pixi.js';

/**
 * Has pixi's batcher draw `shape`, whatever its size. Left to itself, pixi draws a Graphics of 200
 * vertices or more (a rounded panel, a bulb) and a mesh of more than 100 (the meter's fill) with a shader
 * program of their own. Each program is linked at the first frame of a canvas, which waits for the link
 * (5-25 ms in software WebGL, on the way on air), and switched to at every frame that draws it. A canvas
 * whose shapes are all batched draws with the one program its sprites and texts use.
 */
export function batched<T extends Graphics | MeshGeometry>(shape: T): T {
  if (shape instanceof Graphics) shape.context.batchMode = 'batch';
  else shape.batchMode = 'batch';
  return shape;
}
