import type { Language } from '../protocol/index.ts';
import type { OverlayParams } from './params-schema.ts';
import type { PresetId } from './presets.ts';
import type { ThemePreset } from './theme-schema.ts';
import type { Rect } from './rect.ts';


/**
 * Everything a widget needs to know about how to look and behave, resolved from the URL by
 * resolve-theme.ts: the preset's look with the producer's overrides, as pixi wants it (0xrrggbb numbers
 * and separate alphas), the layout in stage pixels, number display and motion.
 * Widgets receive this object in their context; none of them reads the URL, a preset or a global.
 */
export interface Theme {
  readonly preset: PresetId;
  /** The language every word is drawn in. */
  readonly lang: Language;
  /** The BCP 47 locale money and numbers are formatted in: `zh-Hant-HK`, or the language's main market. */
  readonly locale: string;
  /** The font stack for pixi text: the language's bundled faces always come last before the generic family. */
  readonly fontFamily: string;
  /** The language's bundled faces, whose glyphs must be loaded before pixi rasterises text (fonts.ts). */
  readonly fontFaces: readonly string[];
  /** regular: titles and labels; heavy: names, banners; number: the amount and percentage. */
  readonly weights: { readonly regular: number; readonly heavy: number; readonly number: number };
  /** Extra spacing of small labels, px; and whether Latin labels are set in capitals. */
  readonly labels: { readonly letterSpacing: number; readonly uppercase: boolean };
  readonly colors: {
    readonly panelTop: number;
    readonly panelBottom: number;
    readonly panelAlpha: number;
    readonly panelEdge: number;
    readonly panelEdgeAlpha: number;
    readonly shadow: number;
    readonly shadowAlpha: number;
    readonly text: number;
    readonly textMuted: number;
    /** Small titles over the amount: the accent, softened toward the text colour. */
    readonly label: number;
    readonly accent: number;
    readonly track: number;
    readonly trackAlpha: number;
    /** The meter fill, evenly spaced along the direction it fills. */
    readonly fillStops: readonly number[];
    readonly marker: number;
    readonly markerReached: number;
    readonly celebration: number;
    /** Text on the celebration colour: whichever of the panel and text colours reads better on it. */
    readonly celebrationText: number;
    readonly glow: number;
    /** 0 for none: neon looks glow around the fill. */
    readonly glowStrength: number;
  };
  readonly panel: {
    readonly style: ThemePreset['panel']['style'];
    readonly radius: number;
    readonly borderWidth: number;
    readonly shadowBlur: number;
    readonly shadowOffsetY: number;
  };
  readonly bar: { readonly radius: number; readonly thickness: number };
  readonly bursts: { readonly likes: readonly number[]; readonly comment: number; readonly gift: number };
  readonly numbers: {
    readonly notation: OverlayParams['numbers'];
    readonly percent: boolean;
    readonly currencyDisplay: OverlayParams['currencyDisplay'];
    /** Show the approximate line in the viewer's currency when the campaign declares reference rates (`ref`). */
    readonly reference: boolean;
    readonly adjustments: OverlayParams['adjustments'];
  };
  readonly layout: {
    /** Multiplies every widget's size. */
    readonly scale: number;
    /** The title-safe rectangle on the stage: nothing is drawn outside it. */
    readonly safe: Rect;
    readonly widgets: { readonly meter: boolean; readonly bursts: boolean; readonly lowerThird: boolean; readonly board: boolean; readonly clock: boolean };
    readonly meter: {
      readonly position: OverlayParams['meter'];
      readonly style: OverlayParams['meterStyle'];
      /** The meter's panel on the stage, scale included (layout.ts). */
      readonly box: Rect;
      /** Celebration banners hang below the panel, or above it when it sits on the bottom edge. */
      readonly bannersBelow: boolean;
    };
    readonly lowerThird: { readonly side: OverlayParams['lowerThird'] };
    /** The region board on the map of Japan, or as compact bars. */
    readonly board: { readonly style: OverlayParams['board'] };
  };
  readonly motion: {
    readonly reduced: boolean;
    /** Particles per reaction relative to normal; 0 when motion is reduced. */
    readonly particleDensity: number;
    /** Multiplies the duration of every movement: reduced motion moves less, and briefly. */
    readonly durationScale: number;
  };
  readonly donationMeter: {
    /** Seconds for the fill and the counter to reach a new value. */
    readonly fillSeconds: number;
    /** Seconds a milestone celebration stays on screen (reading time: motion settings do not shorten it). */
    readonly celebrationSeconds: number;
  };
}
