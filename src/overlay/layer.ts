import { Container, isWebGLSupported, WebGLRenderer, type Renderer, type RendererOptions } from 'pixi.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './fit-stage.ts';
import { growBox, windowBox, type PixelBox } from './layer-box.ts';
import { useSingleTextureBatches } from './single-texture-batches.ts';
import type { Widget } from './widget.ts';
import { warmUpSoon, type DrawKind } from './warm-up.ts';

/** Every layer's renderer: sized at its first draw (place). */
function rendererOptions(): Partial<RendererOptions> {
  return {
    backgroundAlpha: 0,
    // No MSAA: its resolve halves a software-rendered canvas. Every edge that needs smoothing is baked
    // into a texture (canvas art, cacheAsTexture with its own antialias) or drawn feathered.
    antialias: false,
    // Pixi would otherwise load its browser extras at init (accessibility, DOM, pointer events,
    // spritesheets, filters): 11 KiB gzip and a round trip before the first frame, none of it used.
    // Each scene class we draw with registers its own render pipe when imported.
    manageImports: false,
    resolution: window.devicePixelRatio || 1,
    autoDensity: true,
    width: 1,
    height: 1,
  };
}

/**
 * A WebGL renderer, made directly rather than through pixi's `autoDetectRenderer`: OBS's browser always has
 * WebGL (in software when hardware acceleration is off) and never WebGPU, and the detection's dynamic
 * imports put the WebGPU renderer's code among the scripts every overlay loads (about 20 KiB gzip). A
 * browser without WebGL still gets pixi's canvas renderer, fetched only then, as the detection would give it.
 */
async function createRenderer(): Promise<Renderer> {
  const options = rendererOptions();
  const renderer: Renderer = isWebGLSupported() ? new WebGLRenderer() : new (await import('./renderer-fallback.ts')).CanvasRenderer();
  try {
    await renderer.init(options);
  } catch (error) {
    renderer.destroy(true);
    throw error;
  }
  return renderer;
}

/**
 * One widget on a canvas of its own, sized to the widget's box. Software WebGL (SwiftShader, OBS without
 * hardware acceleration) pays for every pixel it clears and blends, so a widget that did not move is not
 * drawn at all, and one that moves clears and draws only its own box instead of the whole 1080p picture.
 *
 * The box is the widget's bounds on the stage, grown (never shrunk) as the widget grows, so a canvas is
 * resized only when the widget reaches further than before. A widget whose view is hidden hides its
 * canvas, which then costs the page's compositor nothing.
 */
export class Layer {
  /** Set when something the widget draws may have changed: the next frame draws this layer. */
  dirty = true;
  /** Whether the widget said it moves at the last step (the frame after its motion ends is drawn too). */
  moved = false;
  /** What the renderer draws: the root, scaled and placed to the stage's fit. */
  private readonly scene = new Container({ label: 'scene' });
  private readonly root = new Container({ label: 'layer' });
  /** The stage units covered so far, or null while the widget has drawn nothing. */
  private stageBox: PixelBox | null = null;
  private placed: PixelBox | null = null;
  private fit = { scale: 1, x: 0, y: 0 };
  private destroyed = false;
  private drawnOnce = false;

  private constructor(
    readonly widget: Widget,
    private readonly renderer: Renderer,
  ) {
    this.scene.addChild(this.root);
    this.root.addChild(widget.view);
    const style = renderer.canvas.style;
    style.position = 'absolute';
    style.visibility = 'hidden';
  }

  /**
   * The renderer is made while the widget is built; then its programs are compiled for what the widget
   * `draws` (warm-up.ts), unless the layer has drawn by then.
   */
  static async create(building: Widget | Promise<Widget>, options: { onTop: boolean; draws: readonly DrawKind[] }): Promise<Layer> {
    useSingleTextureBatches();
    let layer: Layer | null = null;
    let failed = false;
    const made = createRenderer();
    // Not once the layer has drawn (its first frame compiled them) or is gone.
    const stillWanted = () => !failed && !layer?.drawnOnce && !layer?.destroyed;
    made.then((renderer) => warmUpSoon(renderer, options.draws, stillWanted), () => {});
    const [widget, renderer] = await Promise.all([building, made]).catch(async (error: unknown) => {
      failed = true;
      (await made.catch(() => null))?.destroy(true);
      throw error;
    });
    if (options.onTop) renderer.canvas.style.zIndex = '1';
    layer = new Layer(widget, renderer);
    return layer;
  }

  get canvas(): HTMLCanvasElement {
    return this.renderer.canvas;
  }

  get rendererName(): string {
    return this.renderer.name;
  }

  get batchTextures(): number {
    return this.renderer.limits.maxBatchableTextures;
  }

  /** The window changed size: the stage's scale and offset (fit-stage.ts), applied at the next draw. */
  setFit(fit: { scale: number; x: number; y: number }): void {
    this.fit = fit;
    this.placed = null;
    this.dirty = true;
  }

  /** Draws the widget if it is dirty; returns whether anything was rendered. */
  draw(): boolean {
    if (!this.dirty || this.destroyed) return false;
    this.dirty = false;
    const view = this.widget.view;
    if (!view.visible) {
      this.canvas.style.visibility = 'hidden';
      return false;
    }
    this.measure();
    if (this.stageBox === null) {
      this.canvas.style.visibility = 'hidden';
      return false;
    }
    this.place(this.stageBox);
    this.canvas.style.visibility = 'visible';
    const first = !this.drawnOnce;
    this.drawnOnce = true;
    this.renderer.render({ container: this.scene });
    // The first frame is the costly one in the GPU process (uploads, first draws): it starts on it now,
    // while the page goes on (building the next widgets), not only when the page is composited.
    if (first && 'gl' in this.renderer) this.renderer.gl.flush();
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // The widget's own view is the widget's to destroy.
    this.scene.destroy({ children: false });
    this.renderer.destroy(true);
  }

  /** Grows the stage box to the view's bounds now (clipped to the stage). */
  private measure(): void {
    const bounds = this.widget.view.getBounds();
    if (bounds.isEmpty()) return;
    // getBounds is in window pixels, through the root's current transform (not yet the fit's before the
    // layer is first placed): back to stage units through that same transform.
    const scale = this.root.scale.x;
    const toStage = (at: number, offset: number) => (at - offset) / scale;
    const seen: PixelBox = {
      left: Math.max(0, toStage(bounds.minX, this.root.x)),
      top: Math.max(0, toStage(bounds.minY, this.root.y)),
      right: Math.min(STAGE_WIDTH, toStage(bounds.maxX, this.root.x)),
      bottom: Math.min(STAGE_HEIGHT, toStage(bounds.maxY, this.root.y)),
    };
    if (seen.right <= seen.left || seen.bottom <= seen.top) return;
    this.stageBox = growBox(this.stageBox, seen);
  }

  /** Sizes and places the canvas over the stage box, on whole device pixels, the stage drawn where it always was. */
  private place(stageBox: PixelBox): void {
    const density = window.devicePixelRatio || 1;
    const box = windowBox(stageBox, this.fit, density);
    const placed = this.placed;
    if (placed && placed.left === box.left && placed.top === box.top && placed.right === box.right && placed.bottom === box.bottom) return;
    this.placed = box;
    const width = box.right - box.left;
    const height = box.bottom - box.top;
    if (this.renderer.width !== width || this.renderer.height !== height) this.renderer.resize(width, height);
    const style = this.canvas.style;
    style.left = `${box.left}px`;
    style.top = `${box.top}px`;
    this.root.scale.set(this.fit.scale);
    this.root.position.set(this.fit.x - box.left, this.fit.y - box.top);
  }
}
