import type { FeedState } from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import type { Stage } from './stage.ts';
import type { OverlayParams } from '../theme/params-schema.ts';

/**
 * `window.__localLove`: what tests and benchmarks read from the page. Plain data and two functions; it
 * costs nothing while nobody reads it, so it is present in every build.
 */
export interface LocalLoveHook {
  /** Resolves once the widgets are drawn with the first feed state; rejects when the overlay cannot start. */
  readonly ready: Promise<void>;
  isReady: boolean;
  error: string | null;
  /** Every layer's renderer name: 'webgl' in OBS and in our tests ('canvas' only in a browser without WebGL: layer.ts). */
  readonly rendererName: string | null;
  /** The most textures any layer's batches sample (1: see single-texture-batches.ts); null before the first layer. */
  readonly batchTextures: number | null;
  /** The render pipes every layer's renderer has (the build cuts pixi's unused ones: scripts/build/pixi-cuts.ts). */
  readonly renderPipes: readonly string[] | null;
  lastState: FeedState | null;
  /** The URL parameters as the overlay understood them (defaults and fallbacks filled in). */
  params: OverlayParams | null;
  /** Frames rendered since start: stays put while nothing moves. */
  readonly framesDrawn: number;
  /** Whether any widget still moves (frames are being drawn); false when the overlay is idle. */
  readonly moving: boolean;
  /** performance.now() when the first frame with the widgets was drawn. */
  firstDrawAtMs: number | null;
  /** performance.now() when the first frame with the meter showing the feed's amount was drawn (the bench's "on air"). */
  meterOnAirAtMs: number | null;
  /** Test clock only (`?clock=test`): move time by `ms`, then draw one frame. */
  advance(ms: number): void;
  /** A widget's inspect() data, or null when no widget has that name. */
  widget(name: string): Record<string, unknown> | null;
}

declare global {
  interface Window {
    __localLove?: LocalLoveHook;
  }
}

export function installTestHook(clock: Clock): { hook: LocalLoveHook; attach(stage: Stage): void; settle(error?: unknown): void } {
  let stage: Stage | null = null;
  let settleReady: (error?: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = (error) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error(String(error))));
  });
  ready.catch(() => {}); // the error is also kept in `hook.error`; nobody has to await `ready`
  const hook: LocalLoveHook = {
    ready,
    isReady: false,
    error: null,
    get rendererName() {
      return stage?.rendererName ?? null;
    },
    get batchTextures() {
      return stage?.batchTextures ?? null;
    },
    get renderPipes() {
      return stage?.renderPipes ?? null;
    },
    lastState: null,
    params: null,
    get framesDrawn() {
      return stage?.framesDrawn ?? 0;
    },
    get moving() {
      return stage?.moving ?? false;
    },
    firstDrawAtMs: null,
    meterOnAirAtMs: null,
    advance: (ms) => clock.advance(ms),
    widget: (name) => stage?.widget(name)?.inspect() ?? null,
  };
  window.__localLove = hook;
  return {
    hook,
    attach(attached) {
      stage = attached;
    },
    settle(error) {
      if (error === undefined) {
        hook.isReady = true;
        hook.firstDrawAtMs = performance.now();
      } else {
        hook.error = error instanceof Error ? error.message : String(error);
      }
      settleReady(error);
    },
  };
}
