import type { CardDirectory } from '../../lower-third/index.ts';
import {
  unknownPlace,
  ControlCommand,
  describeZodError,
  type CampaignConfig,
  type ControlStatus,
  type FeedError,
  type FeedState,
  type LowerThirdState,
  type ShowClockState,
  type StageRegionState,
  type StretchLabel,
} from '../../protocol/index.ts';
import type { GoalOnAir } from '../../donation/stretch-goals.ts';
import { ClockDesk } from './clock-desk.ts';
import { StageRegionDesk } from './stage-region-desk.ts';
import { AdjustmentDesk, type AdjustmentFeed } from '../adjustments/adjustment-desk.ts';
import type { LedgerCommitResult, LedgerDraft } from '../store/store.ts';
import { GoalDesk, type GoalTarget } from './goal-desk.ts';
import { LowerThirdDesk } from './lower-third-desk.ts';
import type { ControlTimers } from './ports.ts';
import { Serial } from './serial.ts';
import type { ShowStateStore } from './show-state.ts';
import { planTestReactions } from './test-reactions.ts';
import type { TestReactionSource } from './test-source.ts';

export type ControlResult = { ok: true; value: ControlStatus } | { ok: false; error: FeedError };

/** The feed's parts the control feature drives: totals and the ledger to read, the goal to change. */
export interface ControlFeed extends GoalTarget {
  readonly goalShown: GoalOnAir<StretchLabel>;
  state(scope: string | null): FeedState;
  hasRegion(id: string): boolean;
  readonly ledger: AdjustmentFeed['ledger'] & { readonly length: number; list(): ControlStatus['adjustments'] };
}

export interface ControlServiceOptions {
  campaign: CampaignConfig;
  feed: ControlFeed;
  /** Where the show state lives: the feed's store (on Redis, shared with every node). */
  store: ShowStateStore;
  timers: ControlTimers;
  testSource: TestReactionSource;
  /** The durable path adjustments take (DurableTotals.commitLedger). */
  commitLedger: (draft: LedgerDraft) => Promise<LedgerCommitResult>;
  queueMax?: number;
  log: (message: string) => void;
}

/**
 * One entry point for every producer command, whatever carried it (HTTP or the /control socket):
 * parse, dispatch to the lower third, the goal or the test source, answer with the full status.
 * Listeners hear every change once it is saved, whichever feed node made it: every desk keeps its state
 * in a ShowRecord, which follows what other nodes save.
 */
export class ControlService {
  readonly lowerThird: LowerThirdDesk;
  private readonly goal: GoalDesk;
  readonly clock: ClockDesk;
  readonly stageRegion: StageRegionDesk;
  private readonly adjustments: AdjustmentDesk;
  private readonly lowerThirdListeners = new Set<(state: LowerThirdState) => void>();
  private readonly clockListeners = new Set<(state: ShowClockState) => void>();
  private readonly stageRegionListeners = new Set<(state: StageRegionState) => void>();
  private readonly statusListeners = new Set<(status: ControlStatus) => void>();
  /** What of the status the feed moves by itself (adjustments, goals passed) when it was last published. */
  private publishedFeedPart = '';

  constructor(private readonly options: ControlServiceOptions) {
    const { campaign, feed, store, timers, log } = options;
    const serial = new Serial();
    const directory: CardDirectory = { regions: campaign.regions, roster: campaign.roster };
    this.lowerThird = new LowerThirdDesk({
      directory,
      store,
      timers,
      serial,
      queueMax: options.queueMax,
      log,
      onChange: (state) => {
        for (const listener of this.lowerThirdListeners) listener(state);
        this.publishStatus();
      },
    });
    this.goal = new GoalDesk(feed, campaign.capMinor, store, serial, log, () => this.publishStatus());
    this.clock = new ClockDesk(store, timers, serial, log, (state) => {
      for (const listener of this.clockListeners) listener(state);
      this.publishStatus();
    });
    const regionIds = campaign.regions.map((region) => region.id);
    this.stageRegion = new StageRegionDesk(regionIds, store, serial, log, (state) => {
      for (const listener of this.stageRegionListeners) listener(state);
      this.publishStatus();
    });
    const adjustmentFeed: AdjustmentFeed = { ledger: feed.ledger, state: (scope) => feed.state(scope), commitLedger: options.commitLedger };
    this.adjustments = new AdjustmentDesk(campaign, adjustmentFeed, serial, log);
  }

  status(): ControlStatus {
    const { campaign, feed } = this.options;
    return {
      lowerThird: this.lowerThird.state,
      goal: this.goalStatus(),
      clock: this.clock.state,
      stageRegion: this.stageRegion.state,
      serverTime: this.options.timers.now(),
      roster: campaign.roster,
      regions: campaign.regions,
      adjustments: feed.ledger.list(),
    };
  }

  private goalStatus(): ControlStatus['goal'] {
    const { campaign, feed } = this.options;
    const shown = feed.goalShown;
    return {
      currency: campaign.currency,
      goalMinor: shown.goalMinor,
      capMinor: campaign.capMinor,
      passedGoalMinor: shown.passedGoalMinor,
      goalsPassed: shown.goalsPassed,
      firstGoalMinor: feed.goalMinor,
      stretchGoals: feed.stretchGoals,
      stretchStepMinor: campaign.stretchStepMinor ?? null,
    };
  }

  /** Parses and runs one command. A refusal names the field at fault and changes nothing. */
  async execute(input: unknown): Promise<ControlResult> {
    const parsed = ControlCommand.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: describeZodError(parsed.error) } };
    const command = parsed.data;
    switch (command.type) {
      case 'setGoal':
      case 'setNextGoal': {
        const result = command.type === 'setGoal' ? await this.goal.setGoal(command.goalMinor) : await this.goal.setNextGoal({ atMinor: command.atMinor, ...(command.label ? { label: command.label } : {}) });
        return result.ok ? { ok: true, value: this.status() } : result;
      }
      case 'clockSet':
      case 'clockStart':
      case 'clockPause':
      case 'clockReset': {
        const result = await this.clock.execute(command);
        return result.ok ? { ok: true, value: this.status() } : result;
      }
      case 'stageRegion': {
        const result = await this.stageRegion.set(command.region);
        return result.ok ? { ok: true, value: this.status() } : result;
      }
      case 'test':
        return this.fireTest(command.kind, command.region);
      case 'addAdjustment':
      case 'voidAdjustment': {
        const result = command.type === 'addAdjustment' ? await this.adjustments.add(command) : await this.adjustments.void(command);
        if (!result.ok) return result;
        if (!result.duplicate) this.publishStatus();
        return { ok: true, value: this.status() };
      }
      default: {
        const result = await this.lowerThird.execute(command);
        return result.ok ? { ok: true, value: this.status() } : result;
      }
    }
  }

  onLowerThird(listener: (state: LowerThirdState) => void): () => void {
    this.lowerThirdListeners.add(listener);
    return () => this.lowerThirdListeners.delete(listener);
  }

  onClock(listener: (state: ShowClockState) => void): () => void {
    this.clockListeners.add(listener);
    return () => this.clockListeners.delete(listener);
  }

  onStageRegion(listener: (state: StageRegionState) => void): () => void {
    this.stageRegionListeners.add(listener);
    return () => this.stageRegionListeners.delete(listener);
  }

  onStatus(listener: (status: ControlStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Publishes the status when what the feed moves by itself has changed since it was last published: an
   * adjustment made on another node, a goal passed. The server calls it once per tick.
   */
  publishIfFeedMoved(): void {
    if (this.feedPart() !== this.publishedFeedPart) this.publishStatus();
  }

  close(): void {
    this.lowerThird.close();
    this.goal.close();
    this.clock.close();
    this.stageRegion.close();
    this.lowerThirdListeners.clear();
    this.clockListeners.clear();
    this.stageRegionListeners.clear();
    this.statusListeners.clear();
  }

  private fireTest(kind: Parameters<typeof planTestReactions>[0], regionId: string | undefined): ControlResult {
    const { campaign, feed, testSource } = this.options;
    const region = regionId ?? campaign.regions[0]!.id;
    if (!feed.hasRegion(region)) {
      return { ok: false, error: { code: 'bad-request', message: `region: ${unknownPlace('region', region, campaign.regions.map((r) => r.id))}` } };
    }
    const plan = planTestReactions(kind, campaign, region, feed.state(null).donation.raisedMinor);
    if (!plan.ok) return plan;
    if (!testSource.fire(plan.deltas)) return { ok: false, error: { code: 'internal', message: 'the test source is not running' } };
    return { ok: true, value: this.status() };
  }

  private feedPart(): string {
    const { goalMinor, passedGoalMinor, goalsPassed } = this.options.feed.goalShown;
    return `${this.options.feed.ledger.length} ${goalMinor} ${passedGoalMinor} ${goalsPassed}`;
  }

  private publishStatus(): void {
    this.publishedFeedPart = this.feedPart();
    const status = this.status();
    for (const listener of this.statusListeners) listener(status);
  }
}
