import { Application, Container, type ApplicationOptions } from 'pixi.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './fit-stage.ts';
import { growBox, windowBox, type PixelBox } from './layer-box.ts';
import { useSingleTextureBatches } from './single-texture-batches.ts';
import type { Widget } from './widget.ts';

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

async function createApp(): Promise<Application> {
  const app = new Application();
  try {
    await app.init(layerOptions());
  } catch (error) {
    app.destroy(true);
    throw error;
  }
  return app;
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
   * `withStill` announces one, else once the widget turns out to have one.
   */
  static async create(building: Widget | Promise<Widget>, onTop: boolean, withStill = false): Promise<Layer> {
    useSingleTextureBatches();
    const made = [createApp(), ...(withStill ? [createApp()] : [])];
    const [widget, ...apps] = await Promise.all([building, ...made]).catch(async (error: unknown) => {
      for (const app of await Promise.allSettled(made)) if (app.status === 'fulfilled') app.value.destroy(true);
      throw error;
    });
    if (widget.still && apps.length === 1) apps.push(await createApp());
    if (!widget.still && apps.length === 2) apps.pop()!.destroy(true);
    const [main, under] = apps.map((app) => new LayerCanvas(app, onTop));
    return new Layer(widget, main!, under ?? null);
  }

  /** The layer's canvases, bottom first. */
  get canvases(): HTMLCanvasElement[] {
    return this.under ? [this.under.canvas, this.main.canvas] : [this.main.canvas];
  }

  get rendererName(): string {
    return this.main.app.renderer.name;
  }

  get batchTextures(): number {
    return this.main.app.renderer.limits.maxBatchableTextures;
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

/** One canvas of a layer: a pixi Application sized and placed over the box of what it shows. */
class LayerCanvas {
  private readonly root = new Container({ label: 'layer' });
  private view: Container | null = null;
  /** The stage units covered so far, or null while the view has drawn nothing. */
  private stageBox: PixelBox | null = null;
  private placed: PixelBox | null = null;

  constructor(
    readonly app: Application,
    onTop: boolean,
  ) {
    app.stage.addChild(this.root);
    const style = app.canvas.style;
    style.position = 'absolute';
    style.visibility = 'hidden';
    if (onTop) style.zIndex = '1';
  }

  get canvas(): HTMLCanvasElement {
    return this.app.canvas;
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
    this.app.render();
    return true;
  }

  destroy(): void {
    this.app.destroy(true, { children: false });
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
    if (this.app.renderer.width !== width || this.app.renderer.height !== height) this.app.renderer.resize(width, height);
    const style = this.canvas.style;
    style.left = `${box.left}px`;
    style.top = `${box.top}px`;
    this.root.scale.set(fit.scale);
    this.root.position.set(fit.x - box.left, fit.y - box.top);
  }
}
