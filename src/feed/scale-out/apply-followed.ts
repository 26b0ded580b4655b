import { REACTION_KINDS, placeProblem, type LedgerEntry } from '../../protocol/index.ts';
import type { Aggregator } from '../reactions/aggregator.ts';
import { CellTally, NO_CELLS, type CheckedCells } from '../reactions/checked-cells.ts';
import { GOAL_SETTING, readSavedGoal } from '../control/goal-desk.ts';
import type { FollowedChange } from './commit-follower.ts';
import { growthSince } from './redis-snapshot.ts';
import type { CellTotals, JsonValue } from '../store/store.ts';

/**
 * Brings one change read from the shared Redis log into this node's aggregator, numbered with the seq
 * Redis gave it, so that every node shows the same totals under the same seq.
 *
 * A cell this node's campaign does not have is left out and said so: a node started with an older
 * campaign file shows what it knows; the totals stay whole in Redis.
 */
export function applyFollowedChange(aggregator: Aggregator, change: FollowedChange, log: (line: string) => void): void {
  switch (change.kind) {
    case 'reactions':
      aggregator.count(knownCells(aggregator, change.cells, log), change.seq);
      return;
    case 'ledger':
      applyLedgerEntries(aggregator, [change.entry], change.seq, log);
      return;
    case 'setting':
      if (change.key === GOAL_SETTING) applyGoal(aggregator, change.value, change.seq, log);
      else aggregator.count(NO_CELLS, change.seq);
      return;
    case 'resync': {
      const { snapshot, reason } = change;
      const shown = (region: string, market: string) => (placeProblem(aggregator.places, region, market) === null ? aggregator.cell(region, market) : null);
      const grown = growthSince(shown, snapshot.cells);
      aggregator.count(knownCells(aggregator, grown, log), snapshot.seq);
      const goal = snapshot.settings[GOAL_SETTING];
      if (goal !== undefined) applyGoal(aggregator, goal, snapshot.seq, log);
      // The ledger only grows, in one order on every node: what this node lacks is what lies beyond its length.
      applyLedgerEntries(aggregator, snapshot.ledger.slice(aggregator.ledger.length), snapshot.seq, log);
      log(`store: caught up with Redis (${reason}): ${grown.length} cells had grown meanwhile; now at seq ${snapshot.seq}`);
      return;
    }
  }
}

/** The cells this node's campaign has, checked; Redis's log parser has already made their counts whole. */
function knownCells(aggregator: Aggregator, cells: readonly CellTotals[], log: (line: string) => void): CheckedCells {
  const tally = new CellTally();
  for (const { region, market, totals } of cells) {
    try {
      tally.add(aggregator.check.place({ region, market, ...totals }));
    } catch {
      log(`store: ${REACTION_KINDS.map((kind) => `${totals[kind]} ${kind}`).join(', ')} for ${region}/${market} are counted in Redis but not shown: this node's campaign has no such cell`);
    }
  }
  return tally.take();
}

function applyLedgerEntries(aggregator: Aggregator, entries: readonly LedgerEntry[], seq: number, log: (line: string) => void): void {
  for (const entry of entries) {
    try {
      aggregator.applyLedger(entry, seq);
    } catch (error) {
      log(`store: a ledger entry in Redis cannot follow this node's ledger and is not shown: ${(error as Error).message}`);
    }
  }
  aggregator.count(NO_CELLS, seq);
}

/**
 * A goal and stretch goals another node saved (GoalDesk's setting): shown here too, so every node's meter
 * has the same goal and moves on at the same amount.
 */
function applyGoal(aggregator: Aggregator, value: JsonValue, seq: number, log: (line: string) => void): void {
  const goal = readSavedGoal(value, aggregator.campaign.capMinor, aggregator.stretchGoals);
  if (goal.ok) aggregator.setGoalPlan(goal.plan, seq);
  else log(`store: the goal saved in Redis is not usable here, keeping ${aggregator.goalMinor}: ${goal.problem}`);
  // An unchanged or refused goal still takes the shared seq.
  aggregator.count(NO_CELLS, seq);
}
