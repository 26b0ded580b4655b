import { z } from 'zod';
import { Slug } from '../../protocol/index.ts';
import { HexColor } from './color.ts';
import { BUNDLED_WEIGHTS, FONT_IDS } from './fonts.ts';

/**
 * The look of a theme preset, as stored in assets/themes/*.json. Every colour, weight and corner a widget
 * draws with comes from here (or from a URL parameter that overrides part of it), resolved into a Theme
 * (theme.ts); never from a constant in a widget.
 * Sizes are in stage pixels (the 1920x1080 stage), before the `scale` parameter.
 */

const FontWeight = z.union(BUNDLED_WEIGHTS.map((weight) => z.literal(weight)), { error: `must be one of the bundled weights ${BUNDLED_WEIGHTS.join(', ')}` });
/** The builder's words for a preset, in its two interface languages. */
const Bilingual = z.strictObject({ ja: z.string().min(1).max(120), en: z.string().min(1).max(120) });
const Pixels = (max: number) => z.number().min(0).max(max);

export const ThemePreset = z.strictObject({
  id: Slug,
  name: Bilingual,
  description: Bilingual.describe('one line for the URL builder: when this look suits a show'),
  font: z.strictObject({
    family: z.enum(FONT_IDS),
    weights: z.strictObject({
      title: FontWeight.describe('names, the amount'),
      body: FontWeight.describe('titles, labels'),
      number: FontWeight.describe('the counting amount and the percentage'),
    }),
    letterSpacing: z.number().min(-2).max(8).describe('extra spacing of small labels, px'),
    uppercaseLabels: z.boolean().describe('labels such as GOAL in capitals (latin text only)'),
  }),
  colors: z.strictObject({
    accent: HexColor.describe('highlights, the percentage, the lower-third bar'),
    text: HexColor,
    textMuted: HexColor.describe('labels and secondary lines'),
    panel: HexColor.describe('panel background, with alpha'),
    panelBorder: HexColor,
    track: HexColor.describe('the empty part of the meter'),
    milestone: HexColor.describe('milestone ticks and the celebration flash'),
  }),
  fill: z.array(HexColor).min(2).max(5).describe('the meter fill gradient, evenly spaced along the direction the meter fills'),
  panel: z.strictObject({
    style: z.enum(['solid', 'glass', 'outline']).describe('solid fill, glass (fill with a sheen), or outline (border in the accent)'),
    radius: Pixels(48),
    borderWidth: Pixels(6),
  }),
  bar: z.strictObject({
    radius: Pixels(32),
    thickness: z.number().min(8).max(64).describe('height of the bar meter, width of the thermometer tube'),
  }),
  shadow: z.strictObject({
    color: HexColor.describe('with alpha; fully transparent for none'),
    blur: Pixels(40),
    offsetY: z.number().min(-20).max(20),
  }),
  glow: z.strictObject({
    color: HexColor,
    strength: z.number().min(0).max(1).describe('0 for none; neon looks glow around the fill'),
  }),
  bursts: z.strictObject({
    likes: z.array(HexColor).min(1).max(6).describe('heart colours, picked in turn'),
    comment: HexColor,
    gift: HexColor,
  }),
});
export type ThemePreset = z.infer<typeof ThemePreset>;
