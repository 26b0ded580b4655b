import { REACTION_KINDS, type LedgerEntry, type ReactionDelta } from '../../protocol/index.ts';
import type { Aggregator } from '../aggregator.ts';
import { GOAL_SETTING, goalPlanOf } from '../control/goal-desk.ts';
import type { FollowedChange } from '../store/commit-follower.ts';
import { growthSince } from '../store/redis-snapshot.ts';
import type { CellTotals, JsonValue } from '../store/store.ts';

/**
 * Brings one change read from the shared Redis log into this node's aggregator, numbered with the seq
 * Redis gave it, so that every node shows the same totals under the same seq.
 *
 * `isKnownCell` says whether this node's campaign has the cell: a node started with an older campaign
 * file shows what it knows and says what it leaves out; the totals stay whole in Redis.
 */
export function applyFollowedChange(
  aggregator: Aggregator,
  change: FollowedChange,
  isKnownCell: (region: string, market: string) => boolean,
  log: (line: string) => void,
): void {
  switch (change.kind) {
    case 'reactions':
      aggregator.applyAll(knownDeltas(change.cells, isKnownCell, log), change.seq);
      return;
    case 'ledger':
      applyLedgerEntries(aggregator, [change.entry], change.seq, log);
      return;
    case 'setting':
      if (change.key === GOAL_SETTING) applyGoal(aggregator, change.value, change.seq, log);
      else aggregator.applyAll([], change.seq);
      return;
    case 'resync': {
      const { snapshot, reason } = change;
      const shown = (region: string, market: string) => (isKnownCell(region, market) ? aggregator.cell(region, market) : null);
      const grown = growthSince(shown, snapshot.cells);
      aggregator.applyAll(knownDeltas(grown, isKnownCell, log), snapshot.seq);
      const goal = snapshot.settings[GOAL_SETTING];
      if (goal !== undefined) applyGoal(aggregator, goal, snapshot.seq, log);
      // The ledger only grows, in one order on every node: what this node lacks is what lies beyond its length.
      applyLedgerEntries(aggregator, snapshot.ledger.slice(aggregator.ledger.length), snapshot.seq, log);
      log(`store: caught up with Redis (${reason}): ${grown.length} cells had grown meanwhile; now at seq ${snapshot.seq}`);
      return;
    }
  }
}

function knownDeltas(cells: readonly CellTotals[], isKnownCell: (region: string, market: string) => boolean, log: (line: string) => void): ReactionDelta[] {
  const deltas: ReactionDelta[] = [];
  for (const { region, market, totals } of cells) {
    if (isKnownCell(region, market)) deltas.push({ region, market, ...totals });
    else log(`store: ${REACTION_KINDS.map((kind) => `${totals[kind]} ${kind}`).join(', ')} for ${region}/${market} are counted in Redis but not shown: this node's campaign has no such cell`);
  }
  return deltas;
}

function applyLedgerEntries(aggregator: Aggregator, entries: readonly LedgerEntry[], seq: number, log: (line: string) => void): void {
  for (const entry of entries) {
    try {
      aggregator.applyLedger(entry, seq);
    } catch (error) {
      log(`store: a ledger entry in Redis cannot follow this node's ledger and is not shown: ${(error as Error).message}`);
    }
  }
  aggregator.applyAll([], seq);
}

/**
 * A goal and stretch goals another node saved (GoalDesk's setting): shown here too, so every node's meter
 * has the same goal and moves on at the same amount.
 */
function applyGoal(aggregator: Aggregator, value: JsonValue, seq: number, log: (line: string) => void): void {
  try {
    aggregator.setGoalPlan(goalPlanOf(value, aggregator.stretchGoals), seq);
  } catch (error) {
    log(`store: the goal saved in Redis is not usable here, keeping ${aggregator.goalMinor}: ${(error as Error).message}`);
  }
  // An unchanged or refused goal still takes the shared seq.
  aggregator.applyAll([], seq);
}
