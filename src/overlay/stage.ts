import { Application, Container, Ticker } from 'pixi.js';
import type { FeedState, LowerThirdState, ShowClockState, StageRegionState } from '../protocol/index.ts';
import type { Clock, FrameDriver } from './clock.ts';
import { fitStage } from './fit-stage.ts';
import type { Widget } from './widget.ts';

/**
 * Our clock is the only frame loop. Pixi keeps its own on `Ticker.system` (pointer-over checks and the
 * renderer's texture garbage collection) and `Ticker.shared`: each runs requestAnimationFrame forever,
 * a few percent of a core while the overlay is idle, and the collector would drop the GPU copy of an
 * atlas left unused during a quiet spell, to upload it again at the next burst. The overlay takes no
 * pointer input and keeps every texture it made in use, so both loops are stopped and kept from restarting.
 */
function stopPixiTickers(): void {
  for (const ticker of [Ticker.system, Ticker.shared]) {
    ticker.autoStart = false;
    ticker.stop();
  }
}

/**
 * The pixi application, the scaled 1920x1080 scene and the widgets on it. It is the clock's FrameDriver:
 * the clock asks it to step and draw, and it never draws on its own (pixi's ticker is not started).
 */
export class Stage implements FrameDriver {
  /** Frames actually rendered since start: what an idle overlay must keep at zero. */
  framesDrawn = 0;
  /** Whether the last step said something still moves (the clock then draws another frame). */
  moving = false;
  private readonly scene = new Container({ label: 'scene' });
  private readonly widgets: Widget[] = [];
  private sizeDirty = true;
  private drawWaiters: (() => void)[] = [];
  private destroyed = false;

  private constructor(
    readonly app: Application,
    private readonly clock: Clock,
  ) {
    app.stage.addChild(this.scene);
    clock.attach(this);
    window.addEventListener('resize', this.onResize);
  }

  static async create(clock: Clock, host: HTMLElement): Promise<Stage> {
    const app = new Application();
    await app.init({
      preference: 'webgl', // WebGPU is not available in OBS's browser
      backgroundAlpha: 0,
      // No MSAA: its resolve halves a software-rendered 1080p canvas. Every edge that needs smoothing is
      // baked into a texture (canvas art, cacheAsTexture with its own antialias) or drawn feathered.
      antialias: false,
      autoStart: false,
      sharedTicker: false,
      // Pixi would otherwise load its browser extras at init (accessibility, DOM, pointer events,
      // spritesheets, filters): 11 KiB gzip and a round trip before the first frame, none of it used.
      // Each scene class we draw with (Graphics, Mesh, Text, ParticleContainer, NineSliceSprite)
      // registers its own render pipe when imported.
      manageImports: false,
      resolution: window.devicePixelRatio || 1,
      autoDensity: true,
      width: window.innerWidth,
      height: window.innerHeight,
    });
    host.appendChild(app.canvas);
    stopPixiTickers();
    return new Stage(app, clock);
  }

  get rendererName(): string {
    return this.app.renderer.name;
  }

  /** Puts a widget on the stage, handing it the newest states when there are any yet. */
  add(widget: Widget, state: FeedState | null = null, lowerThird: LowerThirdState | null = null): void {
    if (state) widget.onFeed(state);
    if (lowerThird) widget.onLowerThird?.(lowerThird);
    this.widgets.push(widget);
    this.scene.addChild(widget.view);
    this.clock.wake();
  }

  widget(name: string): Widget | undefined {
    return this.widgets.find((widget) => widget.name === name);
  }

  /** Hands a newer feed state to every widget and wakes the clock so their motion gets drawn. */
  feed(state: FeedState): void {
    for (const widget of this.widgets) widget.onFeed(state);
    this.clock.wake();
  }

  /** Hands a newer lower-third state to the widgets that draw it, and wakes the clock. */
  lowerThird(state: LowerThirdState): void {
    for (const widget of this.widgets) widget.onLowerThird?.(state);
    this.clock.wake();
  }

  /** Hands the show's own states (clock, region on stage) to the widgets that draw them, and wakes the clock. */
  showState(state: { clock?: ShowClockState; stageRegion?: StageRegionState }): void {
    for (const widget of this.widgets) {
      if (state.clock) widget.onClock?.(state.clock);
      if (state.stageRegion) widget.onStageRegion?.(state.stageRegion);
    }
    this.clock.wake();
  }

  step(deltaMs: number): boolean {
    let moving = false;
    // Every widget is updated, even after one has said it moves.
    for (const widget of this.widgets) moving = widget.update(deltaMs) || moving;
    this.moving = moving;
    return moving;
  }

  draw(): void {
    if (this.sizeDirty) this.fitToWindow();
    this.app.render();
    this.framesDrawn++;
    for (const resolve of this.drawWaiters.splice(0)) resolve();
  }

  /** Resolves after the next frame is drawn. */
  nextDraw(): Promise<void> {
    return new Promise((resolve) => this.drawWaiters.push(resolve));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('resize', this.onResize);
    this.clock.destroy();
    for (const widget of this.widgets.splice(0)) widget.destroy();
    this.app.destroy(true, { children: true });
  }

  private readonly onResize = (): void => {
    this.sizeDirty = true;
    this.clock.wake();
  };

  private fitToWindow(): void {
    this.sizeDirty = false;
    const width = window.innerWidth;
    const height = window.innerHeight;
    if (this.app.renderer.width !== width || this.app.renderer.height !== height) this.app.renderer.resize(width, height);
    const { scale, x, y } = fitStage(width, height);
    this.scene.scale.set(scale);
    this.scene.position.set(x, y);
  }
}
