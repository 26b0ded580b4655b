import { campaignAmount, donationAmount, milestonesReached, raisedWithAdjustments, uncappedAmount } from '../../donation/index.ts';
import {
  REACTION_KINDS,
  emptyTotals,
  type Adjustment,
  type LocalizedText,
  type CampaignConfig,
  type LedgerEntry,
  type Rates,
  type ReactionTotals,
} from '../../protocol/index.ts';
import { Ledger } from '../adjustments/ledger.ts';
import type { TimelineRow } from '../store/records.ts';
import type { CellTotals } from '../store/store.ts';
import { buildTimeline, type TimelineMinute } from './timeline.ts';

/** The kinds a rate applies to (gifts count, but their diamonds earn). */
const EARNING_KINDS = ['likes', 'comments', 'shares', 'giftDiamonds'] as const;

export interface ScopeFigures {
  totals: ReactionTotals;
  /** The campaign's rates applied to this scope's totals alone, before the cap, as decimal digits (exact). */
  earnedUncappedMinor: string;
}

/**
 * How the donation was computed, from the totals alone: the same report whether built from the journal
 * on disk or from the running server. Uncapped amounts are decimal strings, as they may pass 2^53; the
 * capped amounts never exceed the cap, a safe integer.
 */
/** A region's money: its reactions' amount (capped alone), its own adjustments, and the two together. */
export interface RegionFigures extends ScopeFigures {
  reactionsMinor: number;
  adjustmentsMinor: number;
  raisedMinor: number;
}

export interface AuditReport {
  campaign: { id: string; name: LocalizedText; currency: string; markets: number };
  generatedAt: string;
  /** Where the figures were read: `journal <dir>` or `live`. */
  source: string;
  rates: Rates;
  totals: ReactionTotals;
  byRegion: Record<string, RegionFigures>;
  byMarket: Record<string, ScopeFigures>;
  cells: (CellTotals & { earnedUncappedMinor: string })[];
  donation: {
    earnedByKindMinor: Record<(typeof EARNING_KINDS)[number], string>;
    earnedUncappedMinor: string;
    capMinor: number;
    /** What reactions earned, capped. */
    reactionsMinor: number;
    /** The adjustments in force (not voided), added after the cap. */
    adjustmentsMinor: number;
    /** The total: reactions plus adjustments, never below 0. */
    raisedMinor: number;
    goalMinor: number;
    milestonesReached: number;
  };
  /** Every adjustment, oldest first, with its reason and time; a voided one keeps its place, marked with its void. */
  adjustments: (Adjustment & { atIso: string; voidedAtIso: string | null })[];
  /** The ledger as journaled: every addition and void in commit order. */
  ledger: LedgerEntry[];
  /** Minute by minute: reactions counted, and the amounts at the end of each minute. */
  timeline: TimelineMinute[];
  /** Cells in the journal whose region or market the campaign no longer has: counted nowhere above. */
  excludedCells: CellTotals[];
  method: string;
}

export const REPORT_METHOD =
  'For each kind, floor(count x amountMinor / per) on the campaign totals (exact integer arithmetic), ' +
  'summed, then capped at capMinor. Per-region, per-market and per-cell amounts apply the same rule to ' +
  'their own totals; floored separately, they need not add up to the campaign amount exactly. ' +
  "giftDiamonds is the gifts' value in TikTok coins: TikTok's diamondCount is a gift's price in coins (a Rose is 1), " +
  'and its rate is per coin. ' +
  'Adjustments (matching, offline, corrections) not voided are added after the cap: a region\'s own to the ' +
  'region, every one to the campaign. The total is never below 0.';

/**
 * Builds the audit report from the region x market cells. Every campaign cell appears (zeros included),
 * in campaign order, so two reports of the same totals are equal whatever produced them.
 */
export function buildAuditReport(input: {
  campaign: CampaignConfig;
  cells: readonly CellTotals[];
  ledger: readonly LedgerEntry[];
  timeline: readonly TimelineRow[];
  goalMinor: number;
  source: string;
  generatedAt: Date;
}): AuditReport {
  const { campaign } = input;
  const ledger = new Ledger();
  for (const entry of input.ledger) ledger.apply(entry);
  const byCell = new Map(input.cells.map((cell) => [`${cell.region}/${cell.market}`, cell.totals]));
  const known = new Set<string>();
  const cells: AuditReport['cells'] = [];
  const byRegion: Record<string, RegionFigures> = {};
  const marketTotals = new Map(campaign.markets.map((market) => [market.id, emptyTotals()]));
  const totals = emptyTotals();
  for (const region of campaign.regions) {
    const regionTotals = emptyTotals();
    for (const market of campaign.markets) {
      const key = `${region.id}/${market.id}`;
      known.add(key);
      const cellTotals = { ...emptyTotals(), ...byCell.get(key) };
      cells.push({ region: region.id, market: market.id, totals: cellTotals, earnedUncappedMinor: earned(cellTotals, campaign.rates) });
      addInto(regionTotals, cellTotals);
      addInto(marketTotals.get(market.id)!, cellTotals);
      addInto(totals, cellTotals);
    }
    const reactionsMinor = donationAmount(regionTotals, campaign.rates, campaign.capMinor);
    const adjustmentsMinor = ledger.netMinor(region.id);
    byRegion[region.id] = {
      ...figures(regionTotals, campaign.rates),
      reactionsMinor,
      adjustmentsMinor: Number(adjustmentsMinor),
      raisedMinor: raisedWithAdjustments(reactionsMinor, adjustmentsMinor),
    };
  }
  const byMarket = Object.fromEntries([...marketTotals].map(([id, marketTotal]) => [id, figures(marketTotal, campaign.rates)]));
  const reactionsMinor = campaignAmount(campaign, totals);
  const adjustmentsMinor = ledger.netMinor(null);
  const raisedMinor = raisedWithAdjustments(reactionsMinor, adjustmentsMinor);
  const earnedByKindMinor = Object.fromEntries(
    EARNING_KINDS.map((kind) => [kind, earned({ ...emptyTotals(), [kind]: totals[kind] }, campaign.rates)]),
  ) as AuditReport['donation']['earnedByKindMinor'];
  return {
    campaign: { id: campaign.id, name: campaign.name, currency: campaign.currency, markets: campaign.markets.length },
    generatedAt: input.generatedAt.toISOString(),
    source: input.source,
    rates: campaign.rates,
    totals,
    byRegion,
    byMarket,
    cells,
    donation: {
      earnedByKindMinor,
      earnedUncappedMinor: earned(totals, campaign.rates),
      capMinor: campaign.capMinor,
      reactionsMinor,
      adjustmentsMinor: Number(adjustmentsMinor),
      raisedMinor,
      goalMinor: input.goalMinor,
      milestonesReached: milestonesReached(campaign.milestones, raisedMinor),
    },
    adjustments: ledger.list().map((adjustment) => ({
      ...adjustment,
      atIso: new Date(adjustment.at).toISOString(),
      voidedAtIso: adjustment.voided ? new Date(adjustment.voided.at).toISOString() : null,
    })),
    ledger: [...ledger.entries()],
    timeline: buildTimeline(campaign, input.timeline, ledger),
    excludedCells: input.cells.filter((cell) => !known.has(`${cell.region}/${cell.market}`)),
    method: REPORT_METHOD,
  };
}

function earned(totals: ReactionTotals, rates: Rates): string {
  return uncappedAmount(totals, rates).toString();
}

function figures(totals: ReactionTotals, rates: Rates): ScopeFigures {
  return { totals, earnedUncappedMinor: earned(totals, rates) };
}

function addInto(target: ReactionTotals, source: ReactionTotals): void {
  for (const kind of REACTION_KINDS) target[kind] += source[kind];
}
