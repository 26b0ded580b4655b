import type { Container } from 'pixi.js';
import type { Theme } from '../../../theme/default-theme.ts';
import type { StillPart } from '../../widget.ts';

export interface MeterViewOptions {
  readonly theme: Theme;
  /** Pixels per stage unit for text and baked artwork. */
  readonly resolution: number;
  readonly title: string;
  readonly goalLabel: string;
  /** Per milestone (same index): the short label beside its marker and the banner of its celebration. */
  readonly milestones: readonly { readonly markerLabel: string; readonly bannerLabel: string }[];
  /** Every character the amount and percent can show (digits, currency symbol, separators, %). */
  readonly figureChars: string;
  /**
   * `adjustments=split`: a note as long as the feed's will be (a match the size of the goal), so a style
   * can size the note's room once; null when adjustments are merged into the amount.
   */
  readonly noteSample: string | null;
}

/**
 * What the donation meter widget asks of its pixels, whichever style draws them (the `meterStyle` URL
 * parameter): the horizontal bar (bar-view.ts) or the vertical thermometer (thermometer-view.ts).
 * Everything is built once; these only move, tint, fade and swap figure glyphs.
 */
export interface MeterView {
  readonly root: Container;
  /** The panel and its celebration glow, drawn under `root` on a canvas of its own (Widget.still). */
  readonly still: StillPart;
  readonly amountText: string;
  readonly percentText: string;
  readonly goalText: string;
  readonly celebrating: boolean;
  /** Each marker's place, whether it shows and with its label, milestones first (inspect data for tests). */
  readonly markerStates: readonly { x: number; y: number; visible: boolean; labelled: boolean }[];
  showAmount(text: string): void;
  /** The percentage; hidden altogether when the theme says so (`percent=off`). */
  showPercent(text: string): void;
  showGoal(text: string): void;
  /** A second line of text under the amount (`adjustments=split`); '' for none. */
  showNote(text: string): void;
  /** How full, 0..1. */
  showFill(ratio: number): void;
  /** The light at the fill's end, 0..1, while the amount counts. */
  showMotion(intensity: number): void;
  /** The first `count` milestone markers are reached. */
  showReached(count: number): void;
  /** Where each milestone sits along the meter, 0..1; one at or past the end is hidden. */
  placeMarkers(ratios: readonly number[]): void;
  /**
   * The passed goal's own marker and banner (after the milestones': index `milestones.length` for
   * placeMarkers and celebrate), or null for none. Built only when the state names another passed goal.
   */
  showPassedGoal(mark: { readonly markerLabel: string; readonly bannerLabel: string } | null): void;
  celebrate(milestoneIndex: number): void;
  /** Whether anything it draws over the still part changed since this was last asked. */
  takeChanged(): boolean;
  /** Once a frame, after the celebration moved: marks the still part changed while its glow plays. */
  stepStill(): void;
  destroy(): void;
}
