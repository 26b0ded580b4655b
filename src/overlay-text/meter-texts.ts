import { ReferenceAmount } from '../donation/index.ts';
import { fill, wordsOf } from '../i18n/words.ts';
import { hasLetterCase } from '../i18n/language-tag.ts';
import type { TextPicker } from '../i18n/pick-text.ts';
import type { CampaignInfo, Language, LocalizedText } from '../protocol/index.ts';
import type { Theme } from '../theme/theme.ts';
import { GLYPH_SAMPLES, halfWidth, moneyChars, moneyOf } from './money-text.ts';
import type { WeightedText } from './weighted-text.ts';

/**
 * What the meter's texts are made of. The overlay's widget context is one (overlay/widget.ts); the feed
 * server makes one for the page it writes (startGlyphs, in start-glyphs.ts), so both derive the same texts.
 */
export interface MeterTextContext {
  readonly campaign: CampaignInfo;
  /** The language every word is drawn in (the theme's `lang`). */
  readonly lang: Language;
  /** A campaign text in `lang`, or in the campaign's fallback order (the console names what fell back). */
  readonly text: TextPicker;
  readonly region: string | null;
  /** The market whose viewers' contribution the meter adds a line for (`market=`), or null. */
  readonly market: string | null;
  readonly theme: Theme;
}

/** The meter's texts, derived once from the campaign, the language and the theme. */
export function meterTexts(context: MeterTextContext) {
  const { campaign, lang, region, theme, text } = context;
  const money = moneyOf(campaign.currency, theme);
  const scope = campaign.regions.find((r) => r.id === region);
  const campaignName = text(campaign.name, 'campaign name');
  const name = scope ? `${campaignName} · ${text(scope.name, `name of region ${scope.id}`)}` : campaignName;
  return {
    amount: money.amount,
    // Capitals for a Latin-script title when the theme sets labels in capitals; Japanese, Thai... have no case.
    title: hasLetterCase(lang) && theme.labels.uppercase ? name.toLocaleUpperCase(theme.locale) : name,
    /** `adjustments=split`: the line under the amount; '' when adjustments add nothing. */
    adjustmentsNote: (adjustmentsMinor: number) =>
      adjustmentsMinor === 0
        ? ''
        : fill(adjustmentsMinor > 0 ? wordsOf(lang).adjustmentsAdded : wordsOf(lang).adjustmentsCorrected, { amount: money.amount(Math.abs(adjustmentsMinor)) }),
    marks: meterMarks(context, money),
    /** A passed goal's own mark (not in the campaign file): its compact amount, and its label or the amount. */
    passedGoalMark: (mark: { readonly atMinor: number; readonly label: LocalizedText | null }) => ({
      markerLabel: halfWidth(money.formatter.formatCompactMinor(mark.atMinor)),
      bannerLabel: mark.label ? context.text(mark.label, `label of the goal at ${mark.atMinor}`) : fill(wordsOf(lang).goalPassed, { amount: money.amount(mark.atMinor) }),
    }),
    /** Before the goal: GOAL, or NEXT GOAL once the meter has moved on past the first goal. */
    goalLine: (goalMinor: number, moved: boolean) => `${moved ? wordsOf(lang).nextGoal : wordsOf(lang).goal} ${money.amount(goalMinor)}`,
    // The notes under the panel: one market's viewers (`market=`), and the viewer's own currency (`ref`).
    marketLine: marketLine(context, money.amount),
    referenceLine: referenceLine(context),
    // Every glyph the counting figures can use: the glyph strip holds exactly these.
    figureChars: moneyChars(money),
  };
}

/**
 * The meter's marks, ascending: the campaign's milestones and, on the campaign's meter, the goals it moves
 * on to (the first goal and the stretch goals), so a passed goal stays on the bar as a marker after the roll
 * and reaching one celebrates like a milestone. A milestone at a goal's amount keeps the milestone's banner.
 */
function meterMarks(context: MeterTextContext, money: ReturnType<typeof moneyOf>): { atMinor: number; markerLabel: string; bannerLabel: string }[] {
  const { campaign, lang, region, text } = context;
  const marks = new Map<number, { atMinor: number; markerLabel: string; bannerLabel: string }>();
  const label = (atMinor: number, banner: string) => ({ atMinor, markerLabel: halfWidth(money.formatter.formatCompactMinor(atMinor)), bannerLabel: banner });
  const ownGoal = campaign.regions.find((r) => r.id === region)?.goalMinor;
  if (ownGoal === undefined && campaign.stretchGoals.length > 0) {
    for (const atMinor of [campaign.goalMinor, ...campaign.stretchGoals.map((goal) => goal.atMinor)]) {
      marks.set(atMinor, label(atMinor, fill(wordsOf(lang).goalPassed, { amount: money.amount(atMinor) })));
    }
  }
  campaign.milestones.forEach((milestone, index) => marks.set(milestone.atMinor, label(milestone.atMinor, text(milestone.label, `label of milestone ${index + 1}`))));
  return [...marks.values()].sort((a, b) => a.atMinor - b.atMinor);
}

/** `Viewers in Taiwan: ¥1,234,567`, or null without `market=` (or with a market the campaign lacks). */
function marketLine(context: MeterTextContext, amount: (minor: number) => string): ((minor: number) => string) | null {
  const market = context.campaign.markets.find((candidate) => candidate.id === context.market);
  if (!market) return null;
  const words = wordsOf(context.lang).marketGave;
  const name = context.text(market.name, `name of market ${market.id}`);
  return (minor) => fill(words, { market: name, amount: amount(minor) });
}

/** `≈ NT$2,550,617 (approx.)` in the viewer's currency, or null when there is no rate for it (or `ref=off`). */
function referenceLine({ campaign, lang, theme }: MeterTextContext): ((minor: number) => string) | null {
  if (!theme.numbers.reference) return null;
  const reference = ReferenceAmount.forViewer(campaign.referenceRates, campaign.currency, theme.locale);
  return reference ? (minor) => fill(wordsOf(lang).approx, { amount: reference.formatMinor(minor) }) : null;
}

/**
 * Every glyph the meter can draw, each in the weight it is set in: the title and banners heavy, the goal
 * and marker labels and notes regular, the figures in the number weight. The meter loads these before it
 * is built (pixi rasterises text once); the feed server preloads their font files with the page.
 */
export function meterGlyphs(context: MeterTextContext): WeightedText[] {
  const texts = meterTexts(context);
  const { campaign } = context;
  const goals = [campaign.goalMinor, campaign.capMinor, ...campaign.stretchGoals.map((goal) => goal.atMinor), ...campaign.regions.map((r) => r.goalMinor ?? 0)];
  const { regular, heavy, number } = context.theme.weights;
  // The notes plate and the split line are set in the regular weight (meter-notes.ts, MeterViewBase.showNote).
  const notes = [texts.marketLine, texts.referenceLine].flatMap((line) => (line ? GLYPH_SAMPLES.map(line) : []));
  if (context.region !== null) notes.push(fill(wordsOf(context.lang).campaignTotal, { amount: GLYPH_SAMPLES.map(texts.amount).join('') }));
  else notes.push(...campaign.stretchGoals.flatMap((goal) => (goal.label ? [context.text(goal.label, `label of the stretch goal at ${goal.atMinor}`)] : [])));
  const split = context.theme.numbers.adjustments === 'split' ? [texts.adjustmentsNote(1), texts.adjustmentsNote(-1)] : [];
  // A passed goal the campaign file does not list (the control page's, a step) has a banner and a marker of any amount.
  const passedGoal = GLYPH_SAMPLES.map((atMinor) => texts.passedGoalMark({ atMinor, label: null }));
  return [
    [heavy, texts.title + [...texts.marks, ...passedGoal].map((m) => m.bannerLabel).join('')],
    [regular, [...goals.flatMap((goal) => [texts.goalLine(goal, false), texts.goalLine(goal, true)]), ...[...texts.marks, ...passedGoal].map((m) => m.markerLabel), ...notes, ...split].join('')],
    [number, texts.figureChars],
  ];
}
