import { MoneyFormatter } from '../../donation/index.ts';
import { z } from 'zod';
import { pickText } from '../../i18n/pick-text.ts';
import type { CampaignConfig } from '../../protocol/index.ts';
import type { AuditReport } from '../report/audit-report.ts';

/** The three sizes a PR team posts: a 16:9 slide or YouTube card, a 4:5 feed post, TikTok's vertical 9:16. */
export const RECAP_SIZES = ['1920x1080', '1080x1350', '1080x1920'] as const;
export type RecapSize = (typeof RECAP_SIZES)[number];

export function recapDimensions(size: RecapSize): { width: number; height: number } {
  const [width, height] = size.split('x').map(Number) as [number, number];
  return { width, height };
}

/**
 * The languages the card is written in. The overlay speaks eight; the card's words and its one bundled face
 * (Noto Sans JP) serve Japanese and English so far.
 */
export const RecapLanguage = z.enum(['ja', 'en']);
export type RecapLanguage = z.infer<typeof RecapLanguage>;

/** Everything a recap card says, in one language, already formatted: the template only lays it out. */
export interface RecapCard {
  lang: RecapLanguage;
  campaignName: string;
  /** "2024年3月11日 · 90分の生配信" */
  dateLine: string;
  totalLabel: string;
  total: string;
  /** "うちマッチング寄付・会場募金 ¥1,152,300", or null when there are no adjustments. */
  adjustmentsLine: string | null;
  reactions: { count: string; label: string }[];
  /** Each region's amount; `share` is its bar, 0..1 of the region that raised most. */
  regions: { name: string; amount: string; share: number }[];
  /** "9つの国と地域に生配信", with the number apart so it can stand out. */
  markets: { before: string; count: string; after: string };
  chartTitle: string;
  /** The amount raised at the end of each minute, 0..1 of the highest; null when the show has no minutes. */
  chart: { points: number[]; startLabel: string; endLabel: string; topLabel: string } | null;
  thanks: string;
}

const WORDS = {
  ja: {
    totalLabel: '集まった寄付',
    adjustments: (amount: string) => `うちマッチング寄付・会場募金など ${amount}`,
    zone: '',
    likes: 'いいね',
    comments: 'コメント',
    gifts: 'ギフト',
    shares: 'シェア',
    markets: ['', 'つの国と地域に生配信'],
    chartTitle: '配信中の寄付額の推移',
    live: (minutes: number) => `${minutes}分の生配信`,
    thanks: 'ご参加いただいた皆さま、ありがとうございました',
  },
  en: {
    totalLabel: 'Raised for the regions',
    adjustments: (amount: string) => `including ${amount} in matching gifts and donation boxes`,
    zone: ' JST',
    likes: 'likes',
    comments: 'comments',
    gifts: 'gifts',
    shares: 'shares',
    markets: ['streamed live in ', ' markets'],
    chartTitle: 'Amount raised over the show',
    live: (minutes: number) => `a ${minutes}-minute LIVE`,
    thanks: 'Thank you to everyone who tuned in and gave',
  },
} as const;

const LOCALE: Record<RecapLanguage, string> = { ja: 'ja-JP', en: 'en-US' };
/** The campaign is Japanese: dates and clock times are those of the stage, Japan time. */
const SHOW_TIME_ZONE = 'Asia/Tokyo';

/** The card's words and figures, from the report alone (which comes from the journal or Redis alone). */
export function recapCard(report: AuditReport, campaign: Pick<CampaignConfig, 'regions' | 'textFallback'>, lang: RecapLanguage): RecapCard {
  const text = (localized: Parameters<typeof pickText>[0]) => pickText(localized, [lang, ...(campaign.textFallback), 'en', 'ja']).text;
  const words = WORDS[lang];
  const money = new MoneyFormatter(report.campaign.currency, lang);
  // Intl writes yen in Japanese as the full-width ￥; beside Latin digits the half-width ¥ reads better.
  const amount = (minor: number) => money.formatMinor(minor).replaceAll('￥', '¥');
  const count = (n: number) => n.toLocaleString(LOCALE[lang]);
  const { totals, donation, timeline } = report;
  const regionName = (id: string) => {
    const region = campaign.regions.find((candidate) => candidate.id === id);
    return region ? text(region.name) : id;
  };
  const regionAmounts = Object.entries(report.byRegion).map(([id, figures]) => ({ id, raisedMinor: figures.raisedMinor }));
  const regionTop = Math.max(0, ...regionAmounts.map((region) => region.raisedMinor));
  const clock = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: SHOW_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  const day = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: SHOW_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' });
  const first = timeline[0];
  const last = timeline.at(-1);
  const highest = Math.max(0, ...timeline.map((minute) => minute.raisedMinor));
  const top = Math.max(1, highest);
  return {
    lang,
    campaignName: text(report.campaign.name),
    dateLine: first ? `${day.format(new Date(first.minute))} · ${words.live(timeline.length)}` : '',
    totalLabel: words.totalLabel,
    total: amount(donation.raisedMinor),
    // Net corrections below zero are not a story to post: the line shows only money added.
    adjustmentsLine: donation.adjustmentsMinor > 0 ? words.adjustments(amount(donation.adjustmentsMinor)) : null,
    reactions: (['likes', 'comments', 'gifts', 'shares'] as const).map((kind) => ({ count: count(totals[kind]), label: words[kind] })),
    regions: regionAmounts.map((region) => ({
      name: regionName(region.id),
      amount: amount(region.raisedMinor),
      share: regionTop > 0 ? region.raisedMinor / regionTop : 0,
    })),
    markets: { before: words.markets[0], count: count(report.campaign.markets), after: words.markets[1] },
    chartTitle: words.chartTitle,
    // Ratios for drawing only: the figures on the card are the integers above.
    chart:
      first && last
        ? {
            points: timeline.map((minute) => minute.raisedMinor / top),
            startLabel: clock.format(new Date(first.minute)),
            endLabel: `${clock.format(new Date(Date.parse(last.minute) + 60_000))}${words.zone}`,
            topLabel: amount(highest),
          }
        : null,
    thanks: words.thanks,
  };
}
