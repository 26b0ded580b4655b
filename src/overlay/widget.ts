import type { Container } from 'pixi.js';
import type { MeterTextContext } from '../overlay-text/meter-texts.ts';
import type { FeedState, LowerThirdState, ShowClockState, StageRegionState } from '../protocol/index.ts';

/** What every widget is given when it is created: what the meter's texts are made of, and the density. */
export interface WidgetContext extends MeterTextContext {
  /** Pixels per stage unit (window scale x device pixel ratio): rasterise text and artwork at this density. */
  readonly resolution: number;
}

/**
 * A part of a widget that changes rarely (the meter's panel), drawn on a canvas of its own under the
 * widget's view from the widget's second frame on (its first draws the part with the rest: layer.ts): a
 * frame that moves the rest blends it no more. The widget sets `changed` whenever anything in it changed;
 * the stage draws it at the next frame and clears the flag.
 */
export interface StillPart {
  /** In stage coordinates, like the widget's view; drawn under all of it. */
  readonly view: Container;
  changed: boolean;
}

/**
 * A piece of the overlay (donation meter, reaction bursts, lower third). The stage adds `view` to the
 * 1920x1080 scene and drives the widget; the widget never starts timers or animation frames of its own.
 */
export interface Widget {
  /** A name for tests and logs: `donation-meter`. */
  readonly name: string;
  /**
   * Everything the widget draws, positioned in stage coordinates. The stage gives it a canvas of its own,
   * sized to its bounds (a view whose bounds its children cannot tell, like particles, sets `boundsArea`).
   */
  readonly view: Container;
  /** What of it stands still, soon on a canvas of its own under `view` (see StillPart); most widgets have none. */
  readonly still?: StillPart;
  /**
   * A newer state arrived (seq only grows). May start tweens; the stage then draws until update() says done.
   * Only the widgets that draw the feed implement this (a widget that takes a state is drawn at the next frame).
   */
  onFeed?(state: FeedState): void;
  /** A newer state of the `market=` scope arrived (what one market's viewers gave); only the meter draws it. */
  onMarketState?(state: FeedState): void;
  /** On a region's overlay (`region=`): the whole campaign's state, from a connection of its own. */
  onCampaignState?(state: FeedState): void;
  /** A newer lower-third state arrived; only the widgets that draw it implement this. */
  onLowerThird?(state: LowerThirdState): void;
  /** A newer show-clock state arrived; only the show clock implements this. */
  onClock?(state: ShowClockState): void;
  /** The producer put a region on stage (or let the lower third choose again). */
  onStageRegion?(state: StageRegionState): void;
  /**
   * Advance the widget's own motion (the tweens of motion/ are advanced by the clock before this is called).
   * Returns true while anything still moves, so the stage knows whether to draw another frame.
   */
  update(deltaMs: number): boolean;
  /**
   * Set by a widget that can tell its frames apart: whether its last update(), or a state it took since,
   * changed anything the viewer sees. Such a widget is drawn only then, however long it says it moves: the
   * meter counts at every frame, but its figures change 20 times a second and its fill by less than a
   * pixel. A widget without it is drawn at every frame it moves, the one after, and when it takes a state.
   */
  readonly frameChanged?: boolean;
  /** What tests may read through window.__localLove (displayed text, values); plain data only. */
  inspect(): Record<string, unknown>;
  /** Releases GPU resources and tweens; safe to call more than once. */
  destroy(): void;
}

/** Builds a widget once the campaign is known; main.ts keeps a list of these, one line per widget. */
export type WidgetFactory = (context: WidgetContext) => Widget | Promise<Widget>;
