import { Container, isWebGLSupported, WebGLRenderer, type Renderer, type RendererOptions } from 'pixi.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './fit-stage.ts';
import { useIdleScheduler } from './idle-scheduler.ts';
import { growBox, windowBox, type PixelBox } from './layer-box.ts';
import { useSingleTextureBatches } from './single-texture-batches.ts';
import type { StillPart, Widget } from './widget.ts';
import { warmUp, warmUpSoon, type DrawKind } from './warm-up.ts';

/** Every layer's renderer: sized at its first draw (place). */
function rendererOptions(): Partial<RendererOptions> {
  return {
    backgroundAlpha: 0,
    // No MSAA: its resolve halves a software-rendered canvas. Every edge that needs smoothing is baked
    // into a texture (canvas art, cacheAsTexture with its own antialias) or drawn feathered.
    antialias: false,
    // Pixi would otherwise load its browser extras at init (accessibility, DOM, pointer events,
    // spritesheets, filters): 11 KiB gzip and a round trip before the first frame, none of it used.
    // Each scene class we draw with registers its own render pipe when imported (the canvas renderer's,
    // cut from that registration by the build, are registered by renderer-fallback.ts).
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

/**
 * A layer's renderer made ahead of its widget (the meter's, at start-up), its programs compiled (`draws`)
 * as soon as it exists. Made with the widget, it came 30-70 ms after the meter was built: its creation's
 * steps waited behind the build on the main thread, and its context and programs were made in the GPU
 * process only then, while they can be made there as the page boots.
 */
export function rendererAhead(draws: readonly DrawKind[]): Promise<Renderer> {
  usePixiSettings();
  // At once, not from a task of its own (warmUpSoon): while the page loads, Chromium runs its timers late,
  // and one set here fired only after the meter's first frame, which then compiled the programs itself.
  const made = createRenderer().then((renderer) => {
    warmUp(renderer, draws);
    return renderer;
  });
  // A boot that fails before the layer is made must not leave the failure unhandled too.
  made.catch(() => {});
  return made;
}

/** The scheduling and batching every layer's renderer takes, set once before the first is made. */
function usePixiSettings(): void {
  useSingleTextureBatches();
  useIdleScheduler();
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
 * That canvas is made after the widget's first frame, which draws the still part on the widget's canvas,
 * under the rest: a second WebGL context costs 30-40 ms of the main thread to make, which the first frame
 * need not wait for.
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
  /** The still part's canvas, once made (makeStillCanvas); until then the still part is drawn on `main`. */
  private under: LayerCanvas | null = null;
  /** Settles once the still part has a canvas of its own, or will draw on `main` for good (it failed). */
  private stillCanvasMade: Promise<void> | null = null;
  /** The still part must be drawn again whatever it says: the window changed size. */
  private stillRefit = true;
  /** Whether the still part's canvas showed it at its last draw (it hides with the widget's view). */
  private stillShown = false;
  private destroyed = false;

  private constructor(
    readonly widget: Widget,
    private readonly main: LayerCanvas,
    /** What the still part draws with: its canvas compiles those programs before its first frame. */
    private readonly stillDraws: readonly DrawKind[],
    /** Asks for a frame: the still part's canvas is ready. */
    private readonly redraw: () => void,
  ) {
    if (widget.still) main.holds(widget.still.view);
    main.holds(widget.view);
  }

  /**
   * The widget's canvas, made while the widget is built (or before: `renderer`, from rendererAhead). Its
   * renderer compiles the programs of what it will draw (`draws`) as soon as it is made (warm-up.ts),
   * unless the layer has drawn by then; the still part's, made later, those of `stillDraws`.
   */
  static async create(
    building: Widget | Promise<Widget>,
    options: { onTop: boolean; draws: readonly DrawKind[]; stillDraws: readonly DrawKind[]; renderer?: Promise<Renderer> },
    redraw: () => void,
  ): Promise<Layer> {
    usePixiSettings();
    let layer: Layer | null = null;
    let failed = false;
    const made =
      options.renderer ??
      createRenderer().then((renderer) => {
        // Not once the layer has drawn (its first frame compiled them) or is gone.
        warmUpSoon(renderer, options.draws, () => !failed && !layer?.main.drawnOnce && !layer?.destroyed);
        return renderer;
      });
    const [widget, renderer] = await Promise.all([building, made]).catch(async (error: unknown) => {
      failed = true;
      (await made.catch(() => null))?.destroy(true);
      throw error;
    });
    layer = new Layer(widget, new LayerCanvas(renderer, options.onTop), options.stillDraws, redraw);
    return layer;
  }

  /** The layer's canvases, bottom first. */
  get canvases(): HTMLCanvasElement[] {
    return this.under ? [this.under.canvas, this.main.canvas] : [this.main.canvas];
  }

  /** Settles once the still part's own canvas, asked for at the widget's first frame, is made (or failed). */
  get stillSettled(): Promise<void> {
    return this.stillCanvasMade ?? Promise.resolve();
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
    if (still && this.under) {
      const stillShown = shown && still.view.visible;
      if (still.changed || this.stillRefit || stillShown !== this.stillShown) {
        still.changed = false;
        this.stillRefit = false;
        this.stillShown = stillShown;
        drew = this.under.draw(stillShown, this.fit);
      }
    } else if (still?.changed) {
      // Still on the widget's canvas: drawn with the rest.
      still.changed = false;
      this.dirty = true;
    }
    if (this.dirty) {
      this.dirty = false;
      drew = this.main.draw(shown, this.fit) || drew;
    }
    if (still && drew && this.stillCanvasMade === null) this.stillCanvasMade = this.makeStillCanvas(still);
    return drew;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.main.destroy();
    this.under?.destroy();
  }

  /**
   * Gives the still part its canvas, right under the widget's, from a task after the frame that put the
   * widget on air. A renderer that cannot be made leaves the still part on the widget's canvas, drawn with
   * the rest at every frame. The widget's renderer keeps its copies of what the part uploaded (a few
   * textures and buffers, never touched again): pixi can drop one renderer's copy only through its
   * internals, for far less memory than a second context takes anyway.
   */
  private async makeStillCanvas(still: StillPart): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.destroyed) return;
    let renderer: Renderer;
    try {
      renderer = await createRenderer();
    } catch (error) {
      console.warn(`the still part of ${this.widget.name} stays on its canvas: ${(error as Error).message}`);
      return;
    }
    if (this.destroyed) {
      renderer.destroy(true);
      return;
    }
    // Here, not in the frame that first draws it: that frame comes right after the widget went on air.
    warmUp(renderer, this.stillDraws);
    const under = new LayerCanvas(renderer, this.main.onTop);
    this.main.release(still.view);
    under.holds(still.view);
    forNextRenderer(still.view);
    this.main.canvas.before(under.canvas);
    this.under = under;
    this.stillRefit = true;
    this.dirty = true;
    this.redraw();
  }
}

/**
 * Readies `view`, drawn so far by another renderer, for the one that draws it next: a render group keeps
 * the instructions its last renderer built (batches in that renderer's buffers), and a baked container
 * (cacheAsTexture, art/bake.ts) its texture in that renderer's context. Both are made afresh.
 */
function forNextRenderer(view: Container): void {
  if (view.renderGroup) view.renderGroup.structureDidChange = true;
  if (view.isCachedAsTexture) view.updateCacheTexture();
  for (const child of view.children) forNextRenderer(child);
}

/** One canvas of a layer: a pixi renderer sized and placed over the box of what it shows. */
class LayerCanvas {
  /** Whether it has rendered a frame (the first one is flushed to the GPU process at once). */
  drawnOnce = false;
  /** What the renderer draws: the root, scaled and placed to the stage's fit. */
  private readonly scene = new Container({ label: 'scene' });
  private readonly root = new Container({ label: 'layer' });
  /** What it shows, bottom first (a widget's still part under its view, until the part has a canvas). */
  private readonly views: Container[] = [];
  /** The stage units covered so far, or null while the view has drawn nothing. */
  private stageBox: PixelBox | null = null;
  private placed: PixelBox | null = null;

  constructor(
    readonly renderer: Renderer,
    readonly onTop: boolean,
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

  /** Shows `view` too, above what it shows already. */
  holds(view: Container): void {
    this.views.push(view);
    this.root.addChild(view);
  }

  /** Shows `view` no more (it moves to another canvas): the box is measured afresh from what is left. */
  release(view: Container): void {
    this.views.splice(this.views.indexOf(view), 1);
    this.root.removeChild(view);
    this.stageBox = null;
    this.placed = null;
  }

  /** Placed afresh at the next draw (the fit changed). */
  unplace(): void {
    this.placed = null;
  }

  /** Draws the view (when `shown`), hiding the canvas while there is nothing to show; returns whether it rendered. */
  draw(shown: boolean, fit: { scale: number; x: number; y: number }): boolean {
    if (!shown || this.views.length === 0) {
      this.canvas.style.visibility = 'hidden';
      return false;
    }
    for (const view of this.views) if (view.visible) this.measure(view);
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
