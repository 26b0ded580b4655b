import { campaignAmount, donationAmount, goalPlanProblem, milestonesReached, raisedWithAdjustments } from '../../donation/index.ts';
import { goalOnAir, type GoalOnAir, type GoalPlan } from '../../donation/stretch-goals.ts';
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
  type StretchGoal,
  type StretchLabel,
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
  /** The goal and its stretch goals: the campaign's, until a producer changes them on air. */
  private plan: GoalPlan<StretchLabel>;
  /** The campaign goal on air at the last change: regions without a goal of their own follow it. */
  private campaignGoalShown: number;
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
    this.plan = {
      goalMinor: campaign.goalMinor,
      stretchGoals: campaign.stretchGoals.map(rungOf),
      stepMinor: campaign.stretchStepMinor ?? null,
      capMinor: campaign.capMinor,
    };
    this.campaignGoalShown = campaign.goalMinor;
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
    this.followCampaignGoal();
    this.notifyChange();
  }

  /** When the amount moves the campaign goal on, regions without a goal of their own and markets change with it. */
  private followCampaignGoal(): void {
    const goal = this.campaignGoalOnAir().goalMinor;
    if (goal === this.campaignGoalShown) return;
    this.campaignGoalShown = goal;
    for (const book of this.regions.values()) book.lastChangeSeq = this.currentSeq;
    for (const market of this.markets.keys()) this.marketLastChangeSeq.set(market, this.currentSeq);
  }

  private campaignGoalOnAir(): GoalOnAir<StretchLabel> {
    return goalOnAir(this.plan, raisedWithAdjustments(campaignAmount(this.campaign, this.campaignTotals), this.adjustmentLedger.netMinor(null)));
  }

  /** The first goal now: the config's, until a producer changes it on air. */
  get goalMinor(): number {
    return this.plan.goalMinor;
  }

  /** The first goal and the stretch goals after it, as the producer last set them. */
  get stretchGoals(): StretchGoal[] {
    return this.plan.stretchGoals.map(({ atMinor, label }) => (label === null ? { atMinor } : { atMinor, label }));
  }

  /** The goal the campaign meter shows now, with the goal it passed last. */
  get goalShown(): GoalOnAir<StretchLabel> {
    return this.campaignGoalOnAir();
  }

  /** Changes the first goal (see setGoalPlan); stretch goals it reaches or passes drop out. */
  setGoal(goalMinor: number, atSeq = 0): void {
    this.setGoalPlan({ goalMinor, stretchGoals: this.stretchGoals.filter((goal) => goal.atMinor > goalMinor) }, atSeq);
  }

  /**
   * Changes the campaign goal and its stretch goals (and so the goal of every region without its own). A
   * change of what overlays show, so it moves seq and every scope (`atSeq` as in count). Throws, changing
   * nothing, for a goal that is not a whole number of minor units from 1 to the cap, or stretch goals that are
   * not ascending above it up to the cap.
   */
  setGoalPlan(next: { goalMinor: number; stretchGoals: readonly StretchGoal[] }, atSeq = 0): void {
    const { capMinor } = this.campaign;
    const { goalMinor, stretchGoals } = next;
    const problem = goalPlanProblem(goalMinor, stretchGoals, capMinor);
    if (problem) throw new Error(problem);
    if (goalMinor === this.plan.goalMinor && JSON.stringify(stretchGoals) === JSON.stringify(this.stretchGoals)) return;
    this.plan = { ...this.plan, goalMinor, stretchGoals: stretchGoals.map(rungOf) };
    this.currentSeq = Math.max(this.currentSeq + 1, atSeq);
    this.campaignLastChangeSeq = this.currentSeq;
    this.campaignGoalShown = this.campaignGoalOnAir().goalMinor;
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
    this.followCampaignGoal();
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
        byRegionMinor: {},
        // Adjustments belong to the campaign or a region, never to a market: the ledger has none for this scope.
        donation: this.donation(scope, donationAmount(totals, this.campaign.rates, this.campaign.capMinor), () => fixedGoal(this.campaignGoalOnAir().goalMinor)),
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
        byRegionMinor: Object.fromEntries([...this.regions].map(([id, book]) => [id, this.regionRaisedMinor(id, book)])),
        donation: this.donation(null, campaignAmount(this.campaign, this.campaignTotals), (raised) => goalOnAir(this.plan, raised)),
      };
    }
    const book = this.regionBook(scope);
    // A region's own goal does not move; a region without one shows the campaign goal on air.
    const ownGoal = this.campaign.regions.find((region) => region.id === scope)?.goalMinor;
    const goal = fixedGoal(ownGoal ?? this.campaignGoalOnAir().goalMinor);
    return {
      v: PROTOCOL_VERSION,
      campaignId: this.campaign.id,
      region: scope,
      market: null,
      totals: { ...book.totals },
      byRegion: { [scope]: { ...book.totals } },
      byMarket: Object.fromEntries([...book.byMarket].map(([id, totals]) => [id, { ...totals }])),
      byRegionMinor: { [scope]: this.regionRaisedMinor(scope, book) },
      donation: this.donation(scope, donationAmount(book.totals, this.campaign.rates, this.campaign.capMinor), () => goal),
    };
  }

  /** What a region raised, as its own overlay shows it: its reactions after the cap, and its adjustments. */
  private regionRaisedMinor(id: string, book: RegionBook): number {
    return raisedWithAdjustments(donationAmount(book.totals, this.campaign.rates, this.campaign.capMinor), this.adjustmentLedger.netMinor(id));
  }

  /** The donation of a scope; `goalFor` gives the goal for the amount raised (the stretch-goal rule for the campaign). */
  private donation(scope: Scope, reactionsMinor: number, goalFor: (raisedMinor: number) => GoalOnAir<StretchLabel>): DonationState {
    const adjustments = this.adjustmentLedger.netMinor(scope);
    const raisedMinor = raisedWithAdjustments(reactionsMinor, adjustments);
    const goal = goalFor(raisedMinor);
    return {
      currency: this.campaign.currency,
      raisedMinor,
      reactionsMinor,
      // The desk keeps the sum within ±(2^53 - 1 - cap): it is exact as a number.
      adjustmentsMinor: Number(adjustments),
      goalMinor: goal.goalMinor,
      capMinor: this.campaign.capMinor,
      milestonesReached: milestonesReached(this.campaign.milestones, raisedMinor),
      goalLabel: goal.label,
      passedGoalMinor: goal.passedGoalMinor,
      goalsPassed: goal.goalsPassed,
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

function rungOf(goal: StretchGoal) {
  return { atMinor: goal.atMinor, label: goal.label ?? null };
}

/** A goal that stands still: a region's own, or the campaign's seen from a region. */
function fixedGoal(goalMinor: number): GoalOnAir<StretchLabel> {
  return { goalMinor, label: null, passedGoalMinor: null, goalsPassed: 0, atCap: false };
}

/** Cached state is shared by every reader: freezing it means no reader can corrupt what others see. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
