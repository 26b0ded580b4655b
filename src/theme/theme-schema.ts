import { z } from '../protocol/zod.ts';
import { Slug } from '../protocol/index.ts';
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
const Bilingual = z.strictObject({ ja: z.string().check(z.minLength(1), z.maxLength(120)), en: z.string().check(z.minLength(1), z.maxLength(120)) });
const Pixels = (max: number) => z.number().check(z.minimum(0), z.maximum(max));

export const ThemePreset = z.strictObject({
  id: Slug,
  name: Bilingual,
  description: Bilingual.check(z.describe('one line for the URL builder: when this look suits a show')),
  font: z.strictObject({
    family: z.enum(FONT_IDS),
    weights: z.strictObject({
      title: FontWeight.check(z.describe('names, the amount')),
      body: FontWeight.check(z.describe('titles, labels')),
      number: FontWeight.check(z.describe('the counting amount and the percentage')),
    }),
    letterSpacing: z.number().check(z.minimum(-2), z.maximum(8), z.describe('extra spacing of small labels, px')),
    uppercaseLabels: z.boolean().check(z.describe('labels such as GOAL in capitals (latin text only)')),
  }),
  colors: z.strictObject({
    accent: HexColor.check(z.describe('highlights, the percentage, the lower-third bar')),
    text: HexColor,
    textMuted: HexColor.check(z.describe('labels and secondary lines')),
    panel: HexColor.check(z.describe('panel background, with alpha')),
    panelBorder: HexColor,
    track: HexColor.check(z.describe('the empty part of the meter')),
    milestone: HexColor.check(z.describe('milestone ticks and the celebration flash')),
  }),
  fill: z.array(HexColor).check(z.minLength(2), z.maxLength(5), z.describe('the meter fill gradient, evenly spaced along the direction the meter fills')),
  panel: z.strictObject({
    style: z.enum(['solid', 'glass', 'outline']).check(z.describe('solid fill, glass (fill with a sheen), or outline (border in the accent)')),
    radius: Pixels(48),
    borderWidth: Pixels(6),
  }),
  bar: z.strictObject({
    radius: Pixels(32),
    thickness: z.number().check(z.minimum(8), z.maximum(64), z.describe('height of the bar meter, width of the thermometer tube')),
  }),
  shadow: z.strictObject({
    color: HexColor.check(z.describe('with alpha; fully transparent for none')),
    blur: Pixels(40),
    offsetY: z.number().check(z.minimum(-20), z.maximum(20)),
  }),
  glow: z.strictObject({
    color: HexColor,
    strength: z.number().check(z.minimum(0), z.maximum(1), z.describe('0 for none; neon looks glow around the fill')),
  }),
  bursts: z.strictObject({
    likes: z.array(HexColor).check(z.minLength(1), z.maxLength(6), z.describe('heart colours, picked in turn')),
    comment: HexColor,
    gift: HexColor,
  }),
});
export type ThemePreset = z.infer<typeof ThemePreset>;
