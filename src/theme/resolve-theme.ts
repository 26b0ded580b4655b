import { composite, contrastRatio, mixHex, toRgba, withAlpha } from './color.ts';
import { resolveLanguage } from '../i18n/language-tag.ts';
import { bundledFamilies, fontStack } from './fonts.ts';
import { placeMeter } from './layout.ts';
import type { OverlayParams } from './params-schema.ts';
import { PRESETS } from './presets.ts';
import type { Theme } from './theme.ts';
import type { ThemePreset } from './theme-schema.ts';

/** The stage the margins are measured on (stage.ts, which draws it, lives above this layer). */
const FRAME = { width: 1920, height: 1080 } as const;

/** Timings of the donation meter at normal motion. */
const METER_TIMING = { fillSeconds: 1.2, celebrationSeconds: 3 } as const;

/** A chosen accent replaces the preset's colours that are "the accent" in spirit: fill, glow, outline. */
function applyAccent(look: ThemePreset, accent: string): ThemePreset {
  const { colors } = look;
  return {
    ...look,
    colors: {
      ...colors,
      accent,
      panelBorder: look.panel.style === 'outline' ? withAlpha(accent, toRgba(colors.panelBorder).alpha) : colors.panelBorder,
    },
    fill: [mixHex(accent, '#ffffff', 0.35), accent],
    glow: { ...look.glow, color: accent },
  };
}

/** The preset with the look parameters applied: preset values < explicit parameters. */
export function resolveLook(params: Pick<OverlayParams, 'preset' | 'accent' | 'text' | 'panel' | 'font'>): ThemePreset {
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

const rgb = (hex: string) => toRgba(hex).rgb;
const alpha = (hex: string) => toRgba(hex).alpha;

/**
 * The preset's colours as the widgets draw them. Text colours are laid on the panel colour (pixi tints carry
 * no alpha, and text always sits on a panel); the panel, track, border and shadow keep their own alpha.
 */
function themeColors(look: ThemePreset): Theme['colors'] {
  const { colors } = look;
  const panel = withAlpha(colors.panel, 1);
  const onPanel = (hex: string) => rgb(composite(hex, panel));
  const glass = look.panel.style === 'glass';
  const text = composite(colors.text, panel);
  const celebrationText = contrastRatio(panel, colors.milestone) >= contrastRatio(text, colors.milestone) ? panel : text;
  return {
    // Glass catches light at the top; solid and outline panels are flat.
    panelTop: rgb(glass ? mixHex(panel, '#ffffff', 0.12) : panel),
    panelBottom: rgb(glass ? mixHex(panel, '#000000', 0.18) : panel),
    panelAlpha: alpha(colors.panel),
    panelEdge: rgb(colors.panelBorder),
    panelEdgeAlpha: alpha(colors.panelBorder),
    shadow: rgb(look.shadow.color),
    shadowAlpha: alpha(look.shadow.color),
    text: rgb(text),
    textMuted: onPanel(colors.textMuted),
    label: onPanel(mixHex(colors.accent, withAlpha(colors.text, 1), 0.4)),
    accent: rgb(colors.accent),
    track: rgb(colors.track),
    trackAlpha: alpha(colors.track),
    fillStops: look.fill.map(rgb),
    marker: onPanel(colors.textMuted),
    markerReached: rgb(colors.milestone),
    celebration: rgb(colors.milestone),
    celebrationText: rgb(celebrationText),
    glow: rgb(look.glow.color),
    glowStrength: look.glow.strength,
  };
}

export function resolveTheme(params: OverlayParams): Theme {
  const look = resolveLook(params);
  const marginX = Math.round((FRAME.width * params.safe) / 100);
  const marginY = Math.round((FRAME.height * params.safe) / 100);
  const safe = { x: marginX, y: marginY, width: FRAME.width - 2 * marginX, height: FRAME.height - 2 * marginY };
  const meter = placeMeter(params, safe);
  const reduced = params.motion === 'reduced';
  const durationScale = reduced ? 0.5 : 1;
  // The schema only lets through tags that resolve (param-types.ts languageParam).
  const { language, locale } = resolveLanguage(params.lang) ?? { language: 'ja', locale: 'ja-JP' };
  return {
    preset: params.preset,
    lang: language,
    locale,
    fontFamily: fontStack(look.font.family, language),
    fontFaces: bundledFamilies(language),
    weights: { regular: look.font.weights.body, heavy: look.font.weights.title, number: look.font.weights.number },
    labels: { letterSpacing: look.font.letterSpacing, uppercase: look.font.uppercaseLabels },
    colors: themeColors(look),
    panel: {
      style: look.panel.style,
      radius: look.panel.radius,
      borderWidth: look.panel.borderWidth,
      shadowBlur: look.shadow.blur,
      shadowOffsetY: look.shadow.offsetY,
    },
    bar: { radius: look.bar.radius, thickness: look.bar.thickness },
    bursts: { likes: look.bursts.likes.map(rgb), comment: rgb(look.bursts.comment), gift: rgb(look.bursts.gift) },
    numbers: { notation: params.numbers, percent: params.percent, currencyDisplay: params.currencyDisplay, reference: params.ref, adjustments: params.adjustments },
    layout: {
      scale: params.scale,
      safe,
      widgets: {
        meter: params.widgets.includes('meter'),
        bursts: params.widgets.includes('bursts'),
        lowerThird: params.widgets.includes('lower-third'),
        board: params.widgets.includes('board'),
        clock: params.widgets.includes('clock'),
      },
      meter: { position: params.meter, style: params.meterStyle, ...meter },
      lowerThird: { side: params.lowerThird },
      board: { style: params.board },
    },
    motion: { reduced, particleDensity: reduced ? 0 : params.density, durationScale },
    donationMeter: {
      fillSeconds: METER_TIMING.fillSeconds * durationScale,
      celebrationSeconds: METER_TIMING.celebrationSeconds,
    },
  };
}
