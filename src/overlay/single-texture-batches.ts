import { GlLimitsSystem } from 'pixi.js';

let installed = false;

/**
 * Makes pixi's batches sample one texture each (every renderer made afterwards). Pixi's default batch
 * shader picks each pixel's texture from up to 16 with a chain of `if`s on a varying; a software GPU
 * (SwiftShader: OBS without hardware acceleration) cannot tell that a whole triangle takes the same branch,
 * so it pays for every branch at every pixel. Measured on the meter alone in a storm: the GPU process spent
 * 35 ms per frame with 16 textures a batch, 22 ms with 4 and 20 ms with 1. The price is a draw call
 * wherever the texture changes, a few per widget, which costs far less.
 *
 * The limit is set in the limits system itself, before any shader or batcher reads it at context start.
 */
export function useSingleTextureBatches(): void {
  if (installed) return;
  installed = true;
  const contextChange = GlLimitsSystem.prototype.contextChange;
  GlLimitsSystem.prototype.contextChange = function (this: GlLimitsSystem): void {
    contextChange.call(this);
    this.maxBatchableTextures = 1;
  };
}
