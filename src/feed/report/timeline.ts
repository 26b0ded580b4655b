import { campaignAmount, raisedWithAdjustments } from '../../donation/index.ts';
import { REACTION_KINDS, emptyTotals, type CampaignConfig, type ReactionTotals } from '../../protocol/index.ts';
import type { Ledger } from '../adjustments/ledger.ts';
import type { TimelineRow } from '../store/records.ts';

const MINUTE_MS = 60_000;

/** One minute of the show: the reactions counted in it, and the amounts as they stood at its end. */
export interface TimelineMinute {
  /** The minute's start, ISO 8601 UTC. */
  minute: string;
  /** Reactions committed during this minute, campaign-wide. */
  counted: ReactionTotals;
  /** Cumulative, at the end of the minute: what reactions had earned (capped), the adjustments in force, the total. */
  reactionsMinor: number;
  adjustmentsMinor: number;
  raisedMinor: number;
}

/**
 * The show minute by minute, from the store's per-minute counts and the ledger: every minute from the
 * first reaction or adjustment to the last, quiet minutes included, so a chart of it has an even time axis.
 */
export function buildTimeline(
  campaign: Pick<CampaignConfig, 'rates' | 'capMinor'>,
  rows: readonly TimelineRow[],
  ledger: Pick<Ledger, 'entries' | 'netMinor'>,
): TimelineMinute[] {
  const counted = new Map(rows.map(([minute, ...counts]) => [minute, counts] as const));
  const minutes = [...counted.keys(), ...ledger.entries().map((entry) => Math.floor(entry.at / MINUTE_MS))];
  if (minutes.length === 0) return [];
  const first = Math.min(...minutes);
  const last = Math.max(...minutes);
  const cumulative = emptyTotals();
  const timeline: TimelineMinute[] = [];
  for (let minute = first; minute <= last; minute++) {
    const counts = counted.get(minute);
    const inMinute = emptyTotals();
    REACTION_KINDS.forEach((kind, index) => {
      inMinute[kind] = counts?.[index] ?? 0;
      cumulative[kind] += inMinute[kind];
    });
    const reactionsMinor = campaignAmount(campaign, cumulative);
    const adjustments = ledger.netMinor(null, (minute + 1) * MINUTE_MS - 1);
    timeline.push({
      minute: new Date(minute * MINUTE_MS).toISOString(),
      counted: inMinute,
      reactionsMinor,
      adjustmentsMinor: Number(adjustments),
      raisedMinor: raisedWithAdjustments(reactionsMinor, adjustments),
    });
  }
  return timeline;
}

/** The timeline as CSV: one row per minute, counts of that minute, amounts cumulative at its end. */
export function timelineToCsv(timeline: readonly TimelineMinute[]): string {
  const header = ['minute', ...REACTION_KINDS, 'reactionsMinor', 'adjustmentsMinor', 'raisedMinor'];
  const rows = timeline.map((row) => [row.minute, ...REACTION_KINDS.map((kind) => row.counted[kind]), row.reactionsMinor, row.adjustmentsMinor, row.raisedMinor]);
  return [header, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';
}
