import { z } from 'zod';
import { Bilingual, Slug } from '../../protocol/index.ts';
import { HexColor } from './color.ts';
import { FONT_IDS } from './fonts.ts';

/**
 * The look of a theme preset, as stored in assets/themes/*.json. Everything a widget draws with comes
 * from here (or from a URL parameter that overrides part of it), never from a constant in a widget.
 * Sizes are in stage pixels (the 1920x1080 stage), before the `scale` parameter.
 */

const FontWeight = z.number().int().min(100).max(900).multipleOf(100);
const Pixels = (max: number) => z.number().min(0).max(max);

const GradientStop = z.strictObject({
  offset: z.number().min(0).max(1),
  color: HexColor,
});

export const Theme = z.strictObject({
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
  fill: z
    .array(GradientStop)
    .min(2)
    .max(5)
    .refine((stops) => stops[0]?.offset === 0 && stops.at(-1)?.offset === 1, { error: 'the first stop must be at 0 and the last at 1' })
    .refine((stops) => stops.every((stop, i) => i === 0 || stop.offset > stops[i - 1]!.offset), { error: 'offsets must ascend' })
    .describe('the meter fill gradient, along the direction the meter fills'),
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
export type Theme = z.infer<typeof Theme>;
export type ThemeInput = z.input<typeof Theme>;
