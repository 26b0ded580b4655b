import { campaignAmount, donationAmount, goalProblem, milestonesReached, raisedWithAdjustments } from '../../donation/index.ts';
import {
  PROTOCOL_VERSION,
  REACTION_KINDS,
  emptyTotals,
  placesOf,
  unknownPlace,
  type CampaignConfig,
  type CampaignPlaces,
  type ReactionDelta,
  type DonationState,
  type FeedState,
  type LedgerEntry,
  type ReactionTotals,
} from '../../protocol/index.ts';
import { Ledger } from '../adjustments/ledger.ts';
import { ReactionCheck, type CheckedCells } from './checked-cells.ts';

/** What `apply` accepts: a delta whose omitted counts are 0 (it is parsed and checked). */
export type ReactionDeltaInput = Partial<ReactionDelta> & Pick<ReactionDelta, 'region' | 'market'>;

/**
 * A scope is the whole campaign (null), one region id, or one market's viewers (`market:tw`: a slug holds
 * no colon, so the two kinds of id never meet).
 */
export type Scope = string | null;

const MARKET_PREFIX = 'market:';

export function marketScope(market: string): Scope {
  return `${MARKET_PREFIX}${market}`;
}

/** The market of a market scope, else null. */
export function marketOfScope(scope: Scope): string | null {
  return scope !== null && scope.startsWith(MARKET_PREFIX) ? scope.slice(MARKET_PREFIX.length) : null;
}

/** Everything in a FeedState except the two fields that change on every read. */
type StateBody = Omit<FeedState, 'seq' | 'serverTime'>;

interface RegionBook {
  readonly totals: ReactionTotals;
  /** The region × market cells: the finest grain we keep, so an audit can re-add everything. */
  readonly byMarket: Map<string, ReactionTotals>;
  lastChangeSeq: number;
}

/**
 * Keeps the cumulative totals of a campaign: per campaign, per region, per market and per region × market
 * cell, counted from checked cells (checked-cells.ts), one change per batch.
 * `seq` increases on every change; `state()` is cached per scope until that scope changes, because the
 * server reads it on every tick for every subscribed scope.
 */
export class Aggregator {
  readonly campaign: CampaignConfig;
  /** The campaign's check of a delta, which every boundary of the feed uses. */
  readonly check: ReactionCheck;
  private currentSeq = 0;
  private readonly campaignTotals = emptyTotals();
  private campaignLastChangeSeq = 0;
  private campaignGoalMinor: number;
  private readonly regions = new Map<string, RegionBook>();
  private readonly markets = new Map<string, ReactionTotals>();
  private readonly marketLastChangeSeq = new Map<string, number>();
  private readonly cache = new Map<Scope, { builtAtSeq: number; body: StateBody }>();
  private readonly changeListeners = new Set<() => void>();
  /** The adjustments (matching, offline, corrections) shown in every amount, added after the cap. */
  private readonly adjustmentLedger = new Ledger();

  constructor(campaign: CampaignConfig) {
    this.campaign = campaign;
    this.check = new ReactionCheck(placesOf(campaign));
    this.campaignGoalMinor = campaign.goalMinor;
    for (const region of campaign.regions) {
      const byMarket = new Map(campaign.markets.map((market) => [market.id, emptyTotals()] as const));
      this.regions.set(region.id, { totals: emptyTotals(), byMarket, lastChangeSeq: 0 });
    }
    for (const market of campaign.markets) this.markets.set(market.id, emptyTotals());
  }

  get seq(): number {
    return this.currentSeq;
  }

  /**
   * Checks deltas from outside the feed's reaction path (tests, tools) as its boundaries do, then counts
   * them as one change; throws ReactionsRefusedError naming what is wrong, changing nothing.
   */
  apply(input: ReactionDeltaInput): void {
    this.applyAll([input]);
  }

  applyAll(inputs: readonly ReactionDeltaInput[], atSeq = 0): void {
    this.count(this.check.cells(inputs), atSeq);
  }

  /**
   * Counts a committed batch as one change (one seq). The cells were checked where they entered the
   * feed, and the store refused the batch if it would take a total past 2^53 (it alone sees the commits
   * still in flight, and on Redis those of other nodes), so nothing here can fail. `atSeq` is a seq
   * numbered elsewhere — by Redis, when several feed nodes share the totals — and the change takes
   * max(seq + 1, atSeq): seq never goes backward here, and once this node has caught up it is the shared
   * seq, the same on every node, so an overlay moving to another node keeps its order.
   */
  count(cells: CheckedCells, atSeq = 0): void {
    if (cells.length === 0) {
      this.currentSeq = Math.max(this.currentSeq, atSeq);
      return;
    }
    this.currentSeq = Math.max(this.currentSeq + 1, atSeq);
    for (const delta of cells) {
      const region = this.regions.get(delta.region)!;
      for (const totals of [region.byMarket.get(delta.market)!, region.totals, this.markets.get(delta.market)!, this.campaignTotals]) {
        for (const kind of REACTION_KINDS) totals[kind] += delta[kind];
      }
      region.lastChangeSeq = this.currentSeq;
      this.marketLastChangeSeq.set(delta.market, this.currentSeq);
    }
    this.campaignLastChangeSeq = this.currentSeq;
    this.notifyChange();
  }

  /** The campaign goal now: the config's, until a producer changes it on air. */
  get goalMinor(): number {
    return this.campaignGoalMinor;
  }

  /**
   * Changes the campaign goal (and so that of every region without its own). A change of what overlays
   * show, so it moves seq and every scope (`atSeq` as in count). Throws, changing nothing, for a goal
   * that is not a whole number of minor units from 1 to the cap.
   */
  setGoal(goalMinor: number, atSeq = 0): void {
    const problem = goalProblem(goalMinor, this.campaign.capMinor);
    if (problem) throw new Error(problem);
    if (goalMinor === this.campaignGoalMinor) return;
    this.campaignGoalMinor = goalMinor;
    this.currentSeq = Math.max(this.currentSeq + 1, atSeq);
    this.campaignLastChangeSeq = this.currentSeq;
    for (const book of this.regions.values()) book.lastChangeSeq = this.currentSeq;
    for (const market of this.markets.keys()) this.marketLastChangeSeq.set(market, this.currentSeq);
    this.notifyChange();
  }

  get ledger(): Pick<Ledger, 'length' | 'entries' | 'entryForKey' | 'adjustment' | 'list' | 'netMinor' | 'problemWith'> {
    return this.adjustmentLedger;
  }

  /**
   * Adds a committed ledger entry (an adjustment or a void) to every amount it touches: the campaign's and
   * its region's. Moves seq like any change (`atSeq` as in count). Throws, changing nothing, for an entry
   * that cannot follow the ledger so far.
   */
  applyLedger(entry: LedgerEntry, atSeq = 0): void {
    this.adjustmentLedger.apply(entry);
    this.currentSeq = Math.max(this.currentSeq + 1, atSeq);
    this.campaignLastChangeSeq = this.currentSeq;
    const region = this.adjustmentLedger.adjustment(entry.id)?.region;
    const book = region ? this.regions.get(region) : undefined;
    if (book) book.lastChangeSeq = this.currentSeq;
    this.notifyChange();
  }

  /** Calls `listener` after every change of what overlays show; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private notifyChange(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** The seq at which this scope last changed (0 when never): the server sends an update when it moves. */
  lastChangeSeq(scope: Scope): number {
    if (scope === null) return this.campaignLastChangeSeq;
    const market = marketOfScope(scope);
    if (market === null) return this.regionBook(scope).lastChangeSeq;
    this.marketTotals(market);
    return this.marketLastChangeSeq.get(market) ?? 0;
  }

  hasRegion(id: string): boolean {
    return this.regions.has(id);
  }

  hasMarket(id: string): boolean {
    return this.markets.has(id);
  }

  get places(): CampaignPlaces {
    return this.check.places;
  }

  /** A copy of one region × market cell. */
  cell(region: string, market: string): ReactionTotals {
    const totals = this.regionBook(region).byMarket.get(market);
    if (!totals) throw new Error(unknownPlace('market', market, this.markets.keys()));
    return { ...totals };
  }

  /** The full cumulative state of a scope, with the current seq and the donation the server computed. */
  state(scope: Scope): FeedState {
    const lastChange = this.lastChangeSeq(scope);
    let cached = this.cache.get(scope);
    if (!cached || cached.builtAtSeq !== lastChange) {
      cached = { builtAtSeq: lastChange, body: deepFreeze(this.buildBody(scope)) };
      this.cache.set(scope, cached);
    }
    return { ...cached.body, seq: this.currentSeq, serverTime: Date.now() };
  }

  private buildBody(scope: Scope): StateBody {
    const market = marketOfScope(scope);
    if (market !== null) {
      // What this market's viewers gave to the whole campaign, at the campaign's rates and cap.
      const totals = this.marketTotals(market);
      return {
        v: PROTOCOL_VERSION,
        campaignId: this.campaign.id,
        region: null,
        market,
        totals: { ...totals },
        byRegion: Object.fromEntries([...this.regions].map(([id, book]) => [id, { ...book.byMarket.get(market)! }])),
        byMarket: { [market]: { ...totals } },
        // Adjustments belong to the campaign or a region, never to a market: the ledger has none for this scope.
        donation: this.donation(scope, donationAmount(totals, this.campaign.rates, this.campaign.capMinor), this.campaignGoalMinor),
      };
    }
    if (scope === null) {
      return {
        v: PROTOCOL_VERSION,
        campaignId: this.campaign.id,
        region: null,
        market: null,
        totals: { ...this.campaignTotals },
        byRegion: Object.fromEntries([...this.regions].map(([id, book]) => [id, { ...book.totals }])),
        byMarket: Object.fromEntries([...this.markets].map(([id, totals]) => [id, { ...totals }])),
        donation: this.donation(null, campaignAmount(this.campaign, this.campaignTotals), this.campaignGoalMinor),
      };
    }
    const book = this.regionBook(scope);
    const goalMinor = this.campaign.regions.find((region) => region.id === scope)?.goalMinor ?? this.campaignGoalMinor;
    return {
      v: PROTOCOL_VERSION,
      campaignId: this.campaign.id,
      region: scope,
      market: null,
      totals: { ...book.totals },
      byRegion: { [scope]: { ...book.totals } },
      byMarket: Object.fromEntries([...book.byMarket].map(([id, totals]) => [id, { ...totals }])),
      donation: this.donation(scope, donationAmount(book.totals, this.campaign.rates, this.campaign.capMinor), goalMinor),
    };
  }

  private donation(scope: Scope, reactionsMinor: number, goalMinor: number): DonationState {
    const adjustments = this.adjustmentLedger.netMinor(scope);
    const raisedMinor = raisedWithAdjustments(reactionsMinor, adjustments);
    return {
      currency: this.campaign.currency,
      raisedMinor,
      reactionsMinor,
      // The desk keeps the sum within ±(2^53 - 1 - cap): it is exact as a number.
      adjustmentsMinor: Number(adjustments),
      goalMinor,
      capMinor: this.campaign.capMinor,
      milestonesReached: milestonesReached(this.campaign.milestones, raisedMinor),
    };
  }

  private regionBook(id: string): RegionBook {
    const book = this.regions.get(id);
    if (!book) throw new Error(unknownPlace('region', id, this.regions.keys()));
    return book;
  }

  private marketTotals(id: string): ReactionTotals {
    const totals = this.markets.get(id);
    if (!totals) throw new Error(unknownPlace('market', id, this.markets.keys()));
    return totals;
  }
}

/** Cached state is shared by every reader: freezing it means no reader can corrupt what others see. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
