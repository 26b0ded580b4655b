import { z } from '../protocol/zod.ts';
import { resolveLanguage } from '../i18n/language-tag.ts';
import { LANGUAGES } from '../protocol/index.ts';
import { FONT_IDS } from './fonts.ts';
import { colorParam, enumParam, feedUrlParam, idParam, languageParam, numberParam, setParam, switchParam } from './param-types.ts';
import { DEFAULT_PRESET, PRESET_IDS } from './presets.ts';

/** The sections of the README table and of the URL builder, in order. */
export const PARAM_GROUPS = ['look', 'words and numbers', 'layout', 'motion', 'feed'] as const;
export type ParamGroup = (typeof PARAM_GROUPS)[number];

/** Tags each parameter of a section with its group (read back from the schema by param-docs.ts). */
function group<const T extends Record<string, z.ZodMiniType>>(name: ParamGroup, fields: T): T {
  return Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.check(z.meta({ group: name }))])) as T;
}

/** The widgets a producer can switch on and off, by their URL names. */
export const WIDGET_NAMES = ['meter', 'bursts', 'lower-third', 'board', 'clock'] as const;
export type WidgetName = (typeof WIDGET_NAMES)[number];
/** What shows without `widgets`: the region board and the show clock are asked for. */
const DEFAULT_WIDGETS: WidgetName[] = ['meter', 'bursts', 'lower-third'];

/**
 * Every URL parameter of the overlay, in one place: its type, default and description. The overlay
 * (parse-params.ts), the URL builder (src/builder) and README's table (scripts/params-table.ts) are all
 * generated from this object; there is no other list of parameters. The order here is the order of the
 * table, of the builder's controls and of the parameters in a canonical URL.
 *
 * Each value is a codec between the URL's text and a typed value, so it parses and prints (see url.ts).
 */
export const OverlayParamsSchema = z.strictObject({
  ...group('look', {
    preset: z._default(enumParam(PRESET_IDS), DEFAULT_PRESET).check(z.describe('Theme preset: colours, fonts, corners and panels in one word. The colour and font parameters below override parts of it.')),
    accent: z._default(colorParam(), null).check(z.describe("Accent colour: the meter fill, highlights and the lower-third bar; replaces the preset's fill gradient. Write it without # (ff5c7a).")),
    text: z._default(colorParam(), null).check(z.describe('Text colour.')),
    panel: z._default(colorParam(), null).check(z.describe('Panel background colour; the last two digits are its opacity (e.g. 1a1a2ee0).')),
    font: z._default(enumParam(['preset', ...FONT_IDS]), 'preset').check(z.describe("Font: noto-sans-jp is the bundled Noto face of the language on screen (JP, TC, KR, Thai or Latin), always available; system uses the computer's UI font.")),
  }),
  ...group('words and numbers', {
    lang: z._default(languageParam(LANGUAGES, resolveLanguage), 'ja').check(z.describe('Language of labels, names and money formatting, as a BCP 47 tag: ja, en, zh-Hant, ko, th, id, vi or fil. A region-qualified tag (en-US, zh-Hant-HK) speaks its language and formats money as that region does.')),
    numbers: z._default(enumParam(['full', 'compact']), 'full').check(z.describe('Money in full (¥12,345,678) or compact (¥1234万, ¥12M); compact figures are cut, never rounded up.')),
    percent: z._default(switchParam(), true).check(z.describe('Show the percentage of the goal.')),
    currencyDisplay: z._default(enumParam(['symbol', 'code', 'name']), 'symbol').check(z.describe('Currency as a symbol (¥), an ISO code (JPY) or a word (円, yen).')),
    ref: z._default(switchParam(), false).check(z.describe("on: when the campaign file declares fixed reference rates, a line under the meter with the amount in the viewer's own currency (by the region of lang), marked ≈ (approximate; never used for any computation).")),
    adjustments: z._default(enumParam(['merged', 'split']), 'merged').check(z.describe("Money added by the producer (a sponsor's match, a donation box, a correction): merged into the amount, or split, with a line under the amount saying how much of it they make.")),
  }),
  ...group('layout', {
    scale: z._default(numberParam(0.5, 2, 0.05), 1).check(z.describe('Size of every widget, 1 being designed for 1080p.')),
    safe: z._default(numberParam(0, 15, 0.5), 5).check(z.describe('Title-safe margin, in percent of the frame, kept clear on every edge.')),
    widgets: z._default(setParam(WIDGET_NAMES), DEFAULT_WIDGETS).check(z.describe('Which widgets show: board is the region board, clock the show clock (set on the control page).')),
    board: z._default(enumParam(['map', 'bars']), 'map').check(z.describe('The region board (widgets=…,board) on a map of Japan, or as compact bars for a small corner.')),
    meter: z._default(enumParam(['top', 'bottom', 'left', 'right']), 'top').check(z.describe('Where the donation meter sits: top left; bottom, in the corner away from the lower third; or centred on the left or right side.')),
    meterStyle: z._default(enumParam(['bar', 'thermometer']), 'bar').check(z.describe('Donation meter as a horizontal bar or a vertical thermometer (best with meter=left or right).')),
    lowerThird: z._default(enumParam(['left', 'right']), 'left').check(z.describe('Side the lower third sits on; the reaction flow rises on the other side.')),
  }),
  ...group('motion', {
    motion: z._default(enumParam(['full', 'reduced']), 'full').check(z.describe('reduced: no particles, shorter and calmer animations (for viewers sensitive to motion, or slow PCs).')),
    density: z._default(numberParam(0, 2, 0.1), 1).check(z.describe("Reaction particles on screen, relative to the audience's rate; 0 for none.")),
  }),
  ...group('feed', {
    campaign: z._default(idParam('any'), null).check(z.describe('Campaign id the overlay expects; a feed serving another shows an error card. any: whatever the feed serves.')),
    region: z._default(idParam('all'), null).check(z.describe("Show one region's totals (e.g. tohoku) instead of the whole campaign's.")),
    market: z._default(idParam('none'), null).check(z.describe("Add a line under the meter with what one market's viewers gave (e.g. tw), computed by the feed.")),
    feed: z._default(feedUrlParam('self'), null).check(z.describe('Address of the feed server; self: the server the overlay was loaded from.')),
    clock: z._default(enumParam(['real', 'test']), 'real').check(z.describe('test freezes time for repeatable screenshots; window.__localLove.advance(ms) moves it.')),
  }),
});

/** The typed value of every parameter, defaults filled in. */
export type OverlayParams = z.output<typeof OverlayParamsSchema>;
export type ParamName = keyof OverlayParams;

export const PARAM_NAMES = Object.keys(OverlayParamsSchema.shape) as ParamName[];

/** The parameters with every default, as the overlay sees a URL without a query. */
export function defaultParams(): OverlayParams {
  return OverlayParamsSchema.parse({});
}
