import { Application, Container, type ApplicationOptions } from 'pixi.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './fit-stage.ts';
import { growBox, windowBox, type PixelBox } from './layer-box.ts';
import { useSingleTextureBatches } from './single-texture-batches.ts';
import type { Widget } from './widget.ts';
import { warmUpSoon, type DrawKind } from './warm-up.ts';

/** Every layer's renderer: sized at its first draw (place). */
function layerOptions(): Partial<ApplicationOptions> {
  return {
    preference: 'webgl', // WebGPU is not available in OBS's browser
    backgroundAlpha: 0,
    // No MSAA: its resolve halves a software-rendered canvas. Every edge that needs smoothing is baked
    // into a texture (canvas art, cacheAsTexture with its own antialias) or drawn feathered.
    antialias: false,
    autoStart: false,
    sharedTicker: false,
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
  private readonly root = new Container({ label: 'layer' });
  /** The stage units covered so far, or null while the widget has drawn nothing. */
  private stageBox: PixelBox | null = null;
  private placed: PixelBox | null = null;
  private fit = { scale: 1, x: 0, y: 0 };
  private destroyed = false;
  private drawnOnce = false;

  private constructor(
    readonly widget: Widget,
    private readonly app: Application,
  ) {
    app.stage.addChild(this.root);
    this.root.addChild(widget.view);
    const style = app.canvas.style;
    style.position = 'absolute';
    style.visibility = 'hidden';
  }

  /**
   * The renderer is made while the widget is built; then its programs are compiled for what the widget
   * `draws` (warm-up.ts), unless the layer has drawn by then.
   */
  static async create(building: Widget | Promise<Widget>, options: { onTop: boolean; draws: readonly DrawKind[] }): Promise<Layer> {
    useSingleTextureBatches();
    const app = new Application();
    let layer: Layer | null = null;
    let failed = false;
    const made = app.init(layerOptions());
    // Not once the layer has drawn (its first frame compiled them) or is gone.
    const stillWanted = () => !failed && !layer?.drawnOnce && !layer?.destroyed;
    made.then(() => warmUpSoon(app.renderer, options.draws, stillWanted), () => {});
    const [widget] = await Promise.all([building, made]).catch((error: unknown) => {
      failed = true;
      app.destroy(true);
      throw error;
    });
    if (options.onTop) app.canvas.style.zIndex = '1';
    layer = new Layer(widget, app);
    return layer;
  }

  get canvas(): HTMLCanvasElement {
    return this.app.canvas;
  }

  get rendererName(): string {
    return this.app.renderer.name;
  }

  get batchTextures(): number {
    return this.app.renderer.limits.maxBatchableTextures;
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
    this.app.render();
    // The first frame is the costly one in the GPU process (uploads, first draws): it starts on it now,
    // while the page goes on (building the next widgets), not only when the page is composited.
    if (first && 'gl' in this.app.renderer) this.app.renderer.gl.flush();
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.app.destroy(true, { children: false });
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
    if (this.app.renderer.width !== width || this.app.renderer.height !== height) this.app.renderer.resize(width, height);
    const style = this.canvas.style;
    style.left = `${box.left}px`;
    style.top = `${box.top}px`;
    this.root.scale.set(this.fit.scale);
    this.root.position.set(this.fit.x - box.left, this.fit.y - box.top);
  }
}
