import type { Language } from '../../protocol/index.ts';
import { mixHex, toRgba, withAlpha } from './color.ts';
import { FONT_STACKS } from './fonts.ts';
import type { OverlayParams } from './params-schema.ts';
import { PRESETS, type PresetId } from './presets.ts';
import type { Theme } from './theme-schema.ts';

/** The 1920x1080 stage the margins are measured on (the stage itself lives in stage.ts, above us). */
const FRAME = { width: 1920, height: 1080 } as const;

/**
 * Everything a widget needs to know about how to look and behave, resolved from the URL: the preset's look
 * with the producer's overrides applied, the layout in stage pixels, number display and motion.
 * Widgets receive this object; none of them reads the URL or a global.
 */
export interface OverlayTheme {
  readonly preset: PresetId;
  /** The preset's look after `accent`, `text`, `panel` and `font`. */
  readonly look: Theme;
  /** The CSS font stack of `look.font.family`. */
  readonly fontFamily: string;
  readonly lang: Language;
  readonly numbers: {
    readonly notation: OverlayParams['numbers'];
    readonly percent: boolean;
    readonly currencyDisplay: OverlayParams['currencyDisplay'];
  };
  readonly layout: {
    /** Multiplies every widget's size. */
    readonly scale: number;
    /** The title-safe rectangle on the stage: nothing is drawn outside it. */
    readonly safe: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
    readonly widgets: { readonly meter: boolean; readonly bursts: boolean; readonly lowerThird: boolean };
    readonly meter: { readonly position: OverlayParams['meter']; readonly style: OverlayParams['meterStyle'] };
    readonly lowerThird: { readonly side: OverlayParams['lowerThird'] };
  };
  readonly motion: {
    readonly reduced: boolean;
    /** Particles per reaction relative to normal; 0 when motion is reduced. */
    readonly particleDensity: number;
    /** Multiplies every tween's duration: reduced motion moves less, and briefly. */
    readonly durationScale: number;
  };
}

/** A chosen accent replaces the preset's colours that are "the accent" in spirit: fill, glow, outline. */
function applyAccent(look: Theme, accent: string): Theme {
  const { colors } = look;
  return {
    ...look,
    colors: {
      ...colors,
      accent,
      panelBorder: look.panel.style === 'outline' ? withAlpha(accent, toRgba(colors.panelBorder).alpha) : colors.panelBorder,
    },
    fill: [
      { offset: 0, color: mixHex(accent, '#ffffff', 0.35) },
      { offset: 1, color: accent },
    ],
    glow: { ...look.glow, color: accent },
  };
}

/** Applies the look parameters to the preset: preset values < explicit parameters. */
export function resolveLook(params: Pick<OverlayParams, 'preset' | 'accent' | 'text' | 'panel' | 'font'>): Theme {
  let look = PRESETS[params.preset];
  if (params.accent !== null) look = applyAccent(look, params.accent);
  if (params.text !== null) {
    // Secondary text keeps the preset's relation to the main text: the same colour, dimmer.
    const mutedAlpha = toRgba(look.colors.textMuted).alpha * toRgba(params.text).alpha;
    look = { ...look, colors: { ...look.colors, text: params.text, textMuted: withAlpha(params.text, mutedAlpha) } };
  }
  if (params.panel !== null) look = { ...look, colors: { ...look.colors, panel: params.panel } };
  if (params.font !== 'preset') look = { ...look, font: { ...look.font, family: params.font } };
  return look;
}

export function resolveTheme(params: OverlayParams): OverlayTheme {
  const look = resolveLook(params);
  const marginX = Math.round((FRAME.width * params.safe) / 100);
  const marginY = Math.round((FRAME.height * params.safe) / 100);
  const reduced = params.motion === 'reduced';
  return {
    preset: params.preset,
    look,
    fontFamily: FONT_STACKS[look.font.family],
    lang: params.lang,
    numbers: { notation: params.numbers, percent: params.percent, currencyDisplay: params.currencyDisplay },
    layout: {
      scale: params.scale,
      safe: { x: marginX, y: marginY, width: FRAME.width - 2 * marginX, height: FRAME.height - 2 * marginY },
      widgets: {
        meter: params.widgets.includes('meter'),
        bursts: params.widgets.includes('bursts'),
        lowerThird: params.widgets.includes('lower-third'),
      },
      meter: { position: params.meter, style: params.meterStyle },
      lowerThird: { side: params.lowerThird },
    },
    motion: {
      reduced,
      particleDensity: reduced ? 0 : params.density,
      durationScale: reduced ? 0.5 : 1,
    },
  };
}
