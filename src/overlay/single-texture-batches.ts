import { Batcher, DefaultBatcher, GlLimitsSystem, type BatchableElement } from 'pixi.js';

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
 * Pixi's own contextChange is not run: it finds how many textures a batch may take by compiling a test
 * shader of that many `if`s and waiting for its status, a GPU round trip at every renderer's start for an
 * answer that is replaced by one anyway.
 */
export function useSingleTextureBatches(): void {
  if (installed) return;
  installed = true;
  GlLimitsSystem.prototype.contextChange = function (this: GlLimitsSystem): void {
    const { gl, context } = (this as unknown as { _renderer: { gl: WebGL2RenderingContext; context: { webGLVersion: number } } })._renderer;
    this.maxTextures = gl.getParameter(gl.MAX_TEXTURE_IMAGE_UNITS) as number;
    this.maxBatchableTextures = 1;
    this.maxUniformBindings = context.webGLVersion === 2 ? (gl.getParameter(gl.MAX_UNIFORM_BUFFER_BINDINGS) as number) : 0;
  };
  keepRunsInOneBatch();
}

/**
 * Pixi 8's batcher (Batcher.break) marks a texture source as "in this batch" with a tick *before* it
 * finishes the full batch and starts a new one, which moves the tick on: the source that opened the new
 * batch is left with a stale mark. The next element on that same source then looks like a new texture,
 * and with one texture a batch that means a new batch again. So every element after the first batch became
 * a draw call of its own: each glyph of the meter's counting figures, eleven calls a frame for two figures.
 * A software GPU pays a set-up per draw call.
 *
 * The fix renews the mark of the source that opened a batch: the first element packed after a batch was
 * finished within `break` is that one, and the tick has moved on by exactly two (one in `_finishBatch`,
 * one after it). Outside `break` nothing is touched (an element updated in place is packed there too).
 * tests/e2e/batching.test.ts checks the draw calls, so a pixi that changes this code fails there.
 */
function keepRunsInOneBatch(): void {
  type Internals = {
    break(instructionSet: unknown): void;
    _finishBatch(...args: unknown[]): void;
  };
  type Pack = (element: BatchableElement, float32View: Float32Array, uint32View: Uint32Array, index: number, textureId: number) => void;
  type Packer = { packAttributes: Pack; packQuadAttributes: Pack };
  const batcher = Batcher.prototype as unknown as Internals;
  const packer = DefaultBatcher.prototype as unknown as Packer;
  let batchOpened = false;
  const renewMark = (element: BatchableElement) => {
    if (!batchOpened) return;
    batchOpened = false;
    (element.texture._source as unknown as { _batchTick: number })._batchTick += 2;
  };
  const breakBatches = batcher.break;
  batcher.break = function (this: Internals, instructionSet: unknown): void {
    batchOpened = false;
    try {
      breakBatches.call(this, instructionSet);
    } finally {
      batchOpened = false;
    }
  };
  const finishBatch = batcher._finishBatch;
  batcher._finishBatch = function (this: Internals, ...args: unknown[]): void {
    finishBatch.apply(this, args);
    batchOpened = true;
  };
  for (const name of ['packAttributes', 'packQuadAttributes'] as const) {
    const pack = packer[name];
    // Named parameters, not a rest array: this runs for every element packed, every frame.
    packer[name] = function (this: Packer, element, float32View, uint32View, index, textureId): void {
      renewMark(element);
      pack.call(this, element, float32View, uint32View, index, textureId);
    };
  }
}
