import { contrastRatio, mixHex } from '../../../theme/color.ts';
import type { Theme } from '../../../theme/theme.ts';

const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;
const num = (color: string) => Number.parseInt(color.slice(1, 7), 16);

/** WCAG AAA for text: comfortably legible at a glance, on a broadcast, at 720p. */
const LEGIBLE = 7;

/**
 * The first of `candidates` (in order of preference) that reads well on `background`; failing that, the one
 * that reads best (WCAG contrast).
 */
export function readableOn(background: number, candidates: readonly number[]): number {
  const good = candidates.find((candidate) => contrastRatio(hex(candidate), hex(background)) >= LEGIBLE);
  if (good !== undefined) return good;
  let best = candidates[0] ?? 0xffffff;
  for (const candidate of candidates) {
    if (contrastRatio(hex(candidate), hex(background)) > contrastRatio(hex(best), hex(background))) best = candidate;
  }
  return best;
}

/**
 * The lower third's colours, all derived from the theme: a navy (panel) plate with white names, a
 * light strip with the title in the panel colour, and the region on a tab and a bar in the accent.
 */
export function lowerThirdPalette(theme: Theme) {
  const { colors } = theme;
  const ink = colors.panelBottom;
  const stripTop = colors.text;
  const stripBottom = num(mixHex(hex(colors.text), hex(colors.textMuted), 0.35));
  return {
    plateTop: colors.panelTop,
    plateBottom: colors.panelBottom,
    plateAlpha: Math.max(colors.panelAlpha, 0.88),
    edge: colors.panelEdge,
    edgeAlpha: colors.panelEdgeAlpha,
    stripTop,
    stripBottom,
    accent: colors.accent,
    accentLight: num(mixHex(hex(colors.accent), '#ffffff', 0.3)),
    nameJa: colors.text,
    nameLatin: colors.label,
    title: readableOn(stripBottom, [ink, 0x000000, colors.text]),
    region: readableOn(colors.accent, [ink, 0x000000, colors.text]),
    shadow: colors.shadow,
    shadowAlpha: Math.max(colors.shadowAlpha, 0.35),
  };
}

export type LowerThirdPalette = ReturnType<typeof lowerThirdPalette>;
