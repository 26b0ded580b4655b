import type { Renderer } from 'pixi.js';
import type { FeedState, LowerThirdState, ShowClockState, StageRegionState } from '../protocol/index.ts';
import type { Clock, FrameDriver } from './clock.ts';
import { fitStage } from './fit-stage.ts';
import { Layer } from './layer.ts';
import type { DrawKind } from './warm-up.ts';
import type { Widget } from './widget.ts';

/** The widget hooks that take a newer state. */
const STATE_HOOKS = ['onFeed', 'onMarketState', 'onCampaignState', 'onLowerThird', 'onClock', 'onStageRegion'] as const;
type StateHook = (typeof STATE_HOOKS)[number];

/**
 * The widgets on the 1920x1080 stage, scaled to the window, each on a layer of its own (a canvas; the meter's
 * has a second one under it for its still part, from its second frame on). It is the clock's FrameDriver:
 * the clock asks it to step and draw, and it never draws on its own (pixi runs no ticker here:
 * idle-scheduler.ts). A frame draws only the layers whose widget changed: what stands still costs nothing.
 */
export class Stage implements FrameDriver {
  /** Frames in which anything was rendered since start: what an idle overlay must keep at zero. */
  framesDrawn = 0;
  /** Whether the last step said something still moves (the clock then draws another frame). */
  moving = false;
  /** Bottom to top, in the order they were asked for (see add). */
  private readonly layers: Layer[] = [];
  private readonly order = new Map<Layer, number>();
  private added = 0;
  /** The newest state handed out by each hook: a widget added later starts from it. */
  private readonly newest = new Map<StateHook, unknown>();
  private fit = fitStage(window.innerWidth, window.innerHeight);
  private drawWaiters: (() => void)[] = [];
  private destroyed = false;

  private constructor(
    private readonly clock: Clock,
    private readonly host: HTMLElement,
  ) {
    clock.attach(this);
    window.addEventListener('resize', this.onResize);
  }

  static create(clock: Clock, host: HTMLElement): Stage {
    return new Stage(clock, host);
  }

  /** 'webgl' when every layer draws with WebGL ('canvas' without it: layer.ts); null before the first layer. */
  get rendererName(): string | null {
    const names = [...new Set(this.layers.map((layer) => layer.rendererName))];
    return names.length === 0 ? null : names.join('+');
  }

  /** The most textures any layer's batches sample; null before the first layer. */
  get batchTextures(): number | null {
    return this.layers.length === 0 ? null : Math.max(...this.layers.map((layer) => layer.batchTextures));
  }

  /** The render pipes every layer's renderer has; null before the first layer. */
  get renderPipes(): string[] | null {
    const [first, ...others] = this.layers.map((layer) => layer.renderPipes);
    return first ? first.filter((name) => others.every((pipes) => pipes.includes(name))) : null;
  }

  /**
   * Puts a widget (or one being built: its canvas is made meanwhile) on a layer of its own and hands it the
   * newest state of every kind the stage has seen, so a widget built late starts from the present. Layers
   * stack in the order `add` was called, whichever is built first; `onTop` ones (the error card, the stale
   * sign) above every other. `draws` says what the widget draws with: those programs are compiled while it
   * is built (warm-up.ts); `stillDraws`, what its still part (Widget.still) draws with, on its own canvas.
   * `renderer`: its canvas's renderer, made ahead (layer.ts, rendererAhead).
   */
  async add(
    building: Widget | Promise<Widget>,
    options: { onTop?: boolean; draws?: readonly DrawKind[]; stillDraws?: readonly DrawKind[]; renderer?: Promise<Renderer> } = {},
  ): Promise<Widget> {
    const order = this.added++;
    const layer = await Layer.create(
      building,
      { onTop: options.onTop ?? false, draws: options.draws ?? [], stillDraws: options.stillDraws ?? [], renderer: options.renderer },
      () => this.clock.wake(),
    );
    const { widget } = layer;
    if (this.destroyed) {
      layer.destroy();
      return widget;
    }
    for (const hook of STATE_HOOKS) {
      const state = this.newest.get(hook);
      const handler = widget[hook] as ((value: unknown) => void) | undefined;
      if (state !== undefined && handler) handler.call(widget, state);
    }
    layer.setFit(this.fit);
    const above = this.layers.findIndex((other) => this.order.get(other)! > order);
    this.order.set(layer, order);
    const before = above === -1 ? null : this.layers[above]!.canvases[0]!;
    for (const canvas of layer.canvases) this.host.insertBefore(canvas, before);
    this.layers.splice(above === -1 ? this.layers.length : above, 0, layer);
    this.clock.wake();
    return widget;
  }

  /** Settles once every still part asked for at its widget's first frame has its own canvas (layer.ts). */
  async stillCanvases(): Promise<void> {
    await Promise.all(this.layers.map((layer) => layer.stillSettled));
  }

  widget(name: string): Widget | undefined {
    return this.layers.find((layer) => layer.widget.name === name)?.widget;
  }

  /** Something the widget draws changed outside the feed (the stale sign, the show clock's second): draw it. */
  touch(widget: Widget): void {
    const layer = this.layers.find((candidate) => candidate.widget === widget);
    if (layer) layer.dirty = true;
    this.clock.wake();
  }

  /** Hands a newer feed state to the widgets that draw it, and wakes the clock so their motion gets drawn. */
  feed(state: FeedState): void {
    this.deliver('onFeed', state);
  }

  /** Hands a newer lower-third state to the widgets that draw it, and wakes the clock. */
  lowerThird(state: LowerThirdState): void {
    this.deliver('onLowerThird', state);
  }

  /** Hands the show's own states (clock, region on stage) to the widgets that draw them, and wakes the clock. */
  showState(state: { clock?: ShowClockState; stageRegion?: StageRegionState }): void {
    if (state.clock) this.deliver('onClock', state.clock);
    if (state.stageRegion) this.deliver('onStageRegion', state.stageRegion);
  }

  /** A market's (`market=`) newer state, for the widgets that draw it. */
  marketState(state: FeedState): void {
    this.deliver('onMarketState', state);
  }

  /** The whole campaign's newer state on a region's overlay, for the widgets that draw it. */
  campaignState(state: FeedState): void {
    this.deliver('onCampaignState', state);
  }

  step(deltaMs: number): boolean {
    let moving = false;
    // Every widget is updated, even after one has said it moves.
    for (const layer of this.layers) {
      const { widget } = layer;
      const moves = widget.update(deltaMs);
      // The frame after the last move is drawn too: it shows where the motion came to rest.
      if (widget.frameChanged ?? (moves || layer.moved)) layer.dirty = true;
      layer.moved = moves;
      moving = moves || moving;
    }
    this.moving = moving;
    return moving;
  }

  draw(): void {
    let drew = false;
    for (const layer of this.layers) drew = layer.draw() || drew;
    if (drew) this.framesDrawn++;
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
    for (const layer of this.layers.splice(0)) {
      layer.widget.destroy();
      layer.destroy();
    }
  }

  /** Hands a state to every widget with that hook; those are drawn at the next frame, the others are left alone. */
  private deliver<K extends StateHook>(hook: K, state: Parameters<NonNullable<Widget[K]>>[0]): void {
    this.newest.set(hook, state);
    for (const layer of this.layers) {
      const handler = layer.widget[hook] as ((value: typeof state) => void) | undefined;
      if (!handler) continue;
      handler.call(layer.widget, state);
      // One that tells its changes says at the next step whether this state changed what it shows.
      if (layer.widget.frameChanged === undefined) layer.dirty = true;
    }
    this.clock.wake();
  }

  private readonly onResize = (): void => {
    this.fit = fitStage(window.innerWidth, window.innerHeight);
    for (const layer of this.layers) layer.setFit(this.fit);
    this.clock.wake();
  };
}
