import {
  CanvasGraphicsContextSystem,
  CanvasGraphicsPipe,
  CanvasNineSliceSpritePipe,
  CanvasParticleContainerPipe,
  CanvasRenderer,
  CanvasRendererTextSystem,
  ExtensionType,
  extensions,
} from 'pixi.js';

/**
 * Pixi's canvas renderer, for a browser without WebGL (layer.ts), in a module of its own so that only such a
 * browser fetches it. OBS's browser always has WebGL, in software when hardware acceleration is off.
 */
export { CanvasRenderer };

// What the canvas renderer draws our scenes with. Pixi registers these when a scene class is imported; the
// build cuts those lines (scripts/build/pixi-cuts.ts) so that a browser with WebGL does not load them.
extensions.add(CanvasRendererTextSystem, CanvasGraphicsContextSystem, CanvasGraphicsPipe, CanvasNineSliceSpritePipe, CanvasParticleContainerPipe);

/**
 * Pixi's canvas renderer (8.22) has no pipe for meshes: a scene holding one (the meter's fill and its light)
 * throws at every render, and the whole canvas stays blank. Without WebGL a mesh is left out instead, said
 * once in the console: the meter shows its panel, figures and marks, without the fill.
 */
class MeshLeftOut {
  static readonly extension = { type: [ExtensionType.CanvasPipes], name: 'mesh' } as const;
  private static told = false;

  addRenderable(): void {
    if (MeshLeftOut.told) return;
    MeshLeftOut.told = true;
    console.warn("this browser has no WebGL: the meter's fill is not drawn (pixi's canvas renderer draws no meshes)");
  }

  updateRenderable(): void {}

  validateRenderable(): boolean {
    return false;
  }

  destroy(): void {}
}

extensions.add(MeshLeftOut);
