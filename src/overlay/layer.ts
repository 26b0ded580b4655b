import { Container, isWebGLSupported, WebGLRenderer, type Renderer, type RendererOptions } from 'pixi.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './fit-stage.ts';
import { useIdleScheduler } from './idle-scheduler.ts';
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
 * imports put the WebGPU renderer's code among the scripts every overlay loads (about 20 KiB gzip). It is
 * tried straight away: pixi's `isWebGLSupported` makes and throws away a context of its own (10-30 ms in
 * software WebGL, on the way to the first frame), so it is asked only once a renderer failed. A browser
 * without WebGL gets pixi's canvas renderer, fetched only then, as the detection would give it; any other
 * failure (a context lost while it was made) is an error, not a quiet switch to a renderer that draws less.
 */
async function createRenderer(): Promise<Renderer> {
  const options = rendererOptions();
  if (!webglMissing) {
    try {
      return await initialised(new WebGLRenderer(), options);
    } catch (error) {
      if (isWebGLSupported()) throw error;
      webglMissing = true;
    }
  }
  return initialised(new (await import('./renderer-fallback.ts')).CanvasRenderer(), options);
}

/** This browser has no WebGL: found once a WebGL renderer failed to start; every later layer goes straight to canvas. */
let webglMissing = false;

async function initialised(renderer: Renderer, options: Partial<RendererOptions>): Promise<Renderer> {
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
 * A widget's still part (`Widget.still`: the meter's panel) has a canvas of its own under that one, drawn
 * only when the part changed: a frame that moves the rest does not blend the panel again, pixel by pixel.
 *
 * A box is the bounds on the stage of what its canvas shows, grown (never shrunk) as that grows, so a
 * canvas is resized only when the widget reaches further than before. A widget whose view is hidden hides
 * its canvases, which then cost the page's compositor nothing.
 */
export class Layer {
  /** Set when something the widget draws may have changed: the next frame draws this layer. */
  dirty = true;
  /** Whether the widget said it moves at the last step (the frame after its motion ends is drawn too). */
  moved = false;
  private fit = { scale: 1, x: 0, y: 0 };
  /** The still part must be drawn again whatever it says: the window changed size. */
  private stillRefit = true;
  /** Whether the still part's canvas showed it at its last draw (it hides with the widget's view). */
  private stillShown = false;
  private destroyed = false;

  private constructor(
    readonly widget: Widget,
    private readonly main: LayerCanvas,
    private readonly under: LayerCanvas | null,
  ) {
    main.holds(widget.view);
    if (under && widget.still) under.holds(widget.still.view);
  }

  /**
   * The widget's canvas, made while the widget is built, and its still part's: made alongside when
   * `stillDraws` announces one, else once the widget turns out to have one. Each renderer compiles the
   * programs of what it will draw (`draws`, `stillDraws`) as soon as it is made (warm-up.ts), unless the
   * layer has drawn by then.
   */
  static async create(
    building: Widget | Promise<Widget>,
    options: { onTop: boolean; draws: readonly DrawKind[]; stillDraws: readonly DrawKind[] | null },
  ): Promise<Layer> {
    useSingleTextureBatches();
    useIdleScheduler();
    let layer: Layer | null = null;
    let failed = false;
    const make = async (draws: readonly DrawKind[]): Promise<Renderer> => {
      const renderer = await createRenderer();
      // Not once the layer has drawn (its first frame compiled them) or is gone.
      warmUpSoon(renderer, draws, () => !failed && !layer?.drawnOnce && !layer?.destroyed);
      return renderer;
    };
    const { draws, stillDraws } = options;
    const made = [make(draws), ...(stillDraws ? [make(stillDraws)] : [])];
    const [widget, ...renderers] = await Promise.all([building, ...made]).catch(async (error: unknown) => {
      failed = true;
      for (const renderer of await Promise.allSettled(made)) if (renderer.status === 'fulfilled') renderer.value.destroy(true);
      throw error;
    });
    if (widget.still && renderers.length === 1) renderers.push(await make([]));
    if (!widget.still && renderers.length === 2) renderers.pop()!.destroy(true);
    const [main, under] = renderers.map((renderer) => new LayerCanvas(renderer, options.onTop));
    layer = new Layer(widget, main!, under ?? null);
    return layer;
  }

  /** Whether any of the layer's canvases has drawn. */
  private get drawnOnce(): boolean {
    return this.main.drawnOnce || (this.under?.drawnOnce ?? false);
  }

  /** The layer's canvases, bottom first. */
  get canvases(): HTMLCanvasElement[] {
    return this.under ? [this.under.canvas, this.main.canvas] : [this.main.canvas];
  }

  get rendererName(): string {
    return this.main.renderer.name;
  }

  get batchTextures(): number {
    return this.main.renderer.limits.maxBatchableTextures;
  }

  /** The names of the render pipes of the layer's renderer (pixi skips, silently, what has no pipe). */
  get renderPipes(): string[] {
    return Object.keys(this.main.renderer.renderPipes);
  }

  /** The window changed size: the stage's scale and offset (fit-stage.ts), applied at the next draw. */
  setFit(fit: { scale: number; x: number; y: number }): void {
    this.fit = fit;
    this.main.unplace();
    this.under?.unplace();
    this.stillRefit = true;
    this.dirty = true;
  }

  /** Draws what is due (the widget if it is dirty, its still part if that changed); returns whether anything was rendered. */
  draw(): boolean {
    if (this.destroyed) return false;
    const shown = this.widget.view.visible;
    let drew = false;
    const still = this.widget.still;
    if (this.under && still) {
      const stillShown = shown && still.view.visible;
      if (still.changed || this.stillRefit || stillShown !== this.stillShown) {
        still.changed = false;
        this.stillRefit = false;
        this.stillShown = stillShown;
        drew = this.under.draw(stillShown, this.fit);
      }
    }
    if (this.dirty) {
      this.dirty = false;
      drew = this.main.draw(shown, this.fit) || drew;
    }
    return drew;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.main.destroy();
    this.under?.destroy();
  }
}

/** One canvas of a layer: a pixi renderer sized and placed over the box of what it shows. */
class LayerCanvas {
  /** Whether it has rendered a frame (the first one is flushed to the GPU process at once). */
  drawnOnce = false;
  /** What the renderer draws: the root, scaled and placed to the stage's fit. */
  private readonly scene = new Container({ label: 'scene' });
  private readonly root = new Container({ label: 'layer' });
  private view: Container | null = null;
  /** The stage units covered so far, or null while the view has drawn nothing. */
  private stageBox: PixelBox | null = null;
  private placed: PixelBox | null = null;

  constructor(
    readonly renderer: Renderer,
    onTop: boolean,
  ) {
    this.scene.addChild(this.root);
    const style = renderer.canvas.style;
    style.position = 'absolute';
    style.visibility = 'hidden';
    if (onTop) style.zIndex = '1';
  }

  get canvas(): HTMLCanvasElement {
    return this.renderer.canvas;
  }

  holds(view: Container): void {
    this.view = view;
    this.root.addChild(view);
  }

  /** Placed afresh at the next draw (the fit changed). */
  unplace(): void {
    this.placed = null;
  }

  /** Draws the view (when `shown`), hiding the canvas while there is nothing to show; returns whether it rendered. */
  draw(shown: boolean, fit: { scale: number; x: number; y: number }): boolean {
    if (!shown || !this.view) {
      this.canvas.style.visibility = 'hidden';
      return false;
    }
    this.measure(this.view);
    if (this.stageBox === null) {
      this.canvas.style.visibility = 'hidden';
      return false;
    }
    this.place(this.stageBox, fit);
    this.canvas.style.visibility = 'visible';
    this.renderer.render({ container: this.scene });
    // The first frame is the costly one in the GPU process (uploads, first draws): it starts on it now,
    // while the page goes on (building the next widgets), not only when the page is composited.
    if (!this.drawnOnce && 'gl' in this.renderer) this.renderer.gl.flush();
    this.drawnOnce = true;
    return true;
  }

  destroy(): void {
    // The view is the widget's to destroy.
    this.scene.destroy({ children: false });
    this.renderer.destroy(true);
  }

  /** Grows the stage box to the view's bounds now (clipped to the stage). */
  private measure(view: Container): void {
    const bounds = view.getBounds();
    if (bounds.isEmpty()) return;
    // getBounds is in window pixels, through the root's current transform (not yet the fit's before the
    // canvas is first placed): back to stage units through that same transform.
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
  private place(stageBox: PixelBox, fit: { scale: number; x: number; y: number }): void {
    const density = window.devicePixelRatio || 1;
    const box = windowBox(stageBox, fit, density);
    const placed = this.placed;
    if (placed && placed.left === box.left && placed.top === box.top && placed.right === box.right && placed.bottom === box.bottom) return;
    this.placed = box;
    const width = box.right - box.left;
    const height = box.bottom - box.top;
    if (this.renderer.width !== width || this.renderer.height !== height) this.renderer.resize(width, height);
    const style = this.canvas.style;
    style.left = `${box.left}px`;
    style.top = `${box.top}px`;
    this.root.scale.set(fit.scale);
    this.root.position.set(fit.x - box.left, fit.y - box.top);
  }
}
