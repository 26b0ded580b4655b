import {
  REACTION_KINDS,
  ReactionDelta,
  describeZodError,
  emptyTotals,
  placeProblem,
  type CampaignPlaces,
  type ReactionTotals,
} from '../../protocol/index.ts';

declare const checkedBrand: unique symbol;
declare const mergedBrand: unique symbol;

/**
 * One region × market cell's counts that passed the protocol and the campaign. Made only by
 * ReactionCheck, at the boundary that received the reaction; inside the feed nothing checks it again.
 */
export type CheckedDelta = ReactionDelta & { readonly [checkedBrand]: true };

/**
 * A batch's checked deltas merged per cell: each cell once, none empty. Made only by CellTally; the
 * store commits it and the aggregator counts it as it is, as one change.
 */
export type CheckedCells = readonly CheckedDelta[] & { readonly [mergedBrand]: true };

/** A reaction refused before anything was written or counted: the message names the field at fault. */
export class ReactionsRefusedError extends Error {
  override readonly name = 'ReactionsRefusedError';
}

/** The campaign's check of a delta: the one place a delta from outside becomes a CheckedDelta. */
export class ReactionCheck {
  constructor(readonly places: CampaignPlaces) {}

  /** Parses a delta from a source; throws ReactionsRefusedError naming the field, changing nothing. */
  delta(input: unknown): CheckedDelta {
    const checked = this.checkOne(input);
    if (typeof checked === 'string') throw new ReactionsRefusedError(`reaction delta is invalid:\n${checked}`);
    return checked;
  }

  /**
   * Counts already whole numbers (read back from the store, which parsed them with its own schema):
   * only the campaign's places are checked. Throws ReactionsRefusedError for a cell it does not have.
   */
  place(delta: ReactionDelta): CheckedDelta {
    const problem = placeProblem(this.places, delta.region, delta.market);
    if (problem) throw new ReactionsRefusedError(`reaction delta is invalid:\n${problem}`);
    return delta as CheckedDelta;
  }

  /** Checks every delta (a bad one refuses them all, named `deltas.N.field`) and merges them. */
  cells(inputs: readonly unknown[]): CheckedCells {
    const tally = new CellTally();
    const problems: string[] = [];
    inputs.forEach((input, index) => {
      const checked = this.checkOne(input);
      if (typeof checked !== 'string') tally.add(checked);
      else problems.push(...checked.split('\n').map((line) => `deltas.${index}${line.startsWith('(root)') ? line.slice('(root)'.length) : `.${line}`}`));
    });
    if (problems.length > 0) throw new ReactionsRefusedError(`reaction delta is invalid:\n${problems.join('\n')}`);
    return tally.take();
  }

  /** The delta checked, or every problem as `field: message` lines. */
  private checkOne(input: unknown): CheckedDelta | string {
    const parsed = ReactionDelta.safeParse(input);
    if (!parsed.success) return describeZodError(parsed.error);
    return placeProblem(this.places, parsed.data.region, parsed.data.market) ?? (parsed.data as CheckedDelta);
  }
}

/**
 * Sums checked counts per region × market cell: the one place reactions are merged, whether they come
 * as deltas (sources) or one reaction at a time (ingest, once its boundary checked the batch).
 */
export class CellTally {
  private readonly byCell = new Map<string, ReactionDelta>();

  add(delta: CheckedDelta): void {
    const cell = this.cell(delta.region, delta.market);
    for (const kind of REACTION_KINDS) cell[kind] += delta[kind];
  }

  /** Adds `count` of one kind to a cell whose region and market the caller's boundary has checked. */
  addCount(region: string, market: string, kind: keyof ReactionTotals, count: number): void {
    this.cell(region, market)[kind] += count;
  }

  get isEmpty(): boolean {
    return this.byCell.size === 0;
  }

  /** The merged cells, empty ones dropped; the tally starts again empty. */
  take(): CheckedCells {
    const cells = [...this.byCell.values()].filter((cell) => REACTION_KINDS.some((kind) => cell[kind] > 0));
    this.byCell.clear();
    return cells as unknown as CheckedCells;
  }

  private cell(region: string, market: string): ReactionDelta {
    // Checked ids are the campaign's slugs, which hold no "/".
    const key = `${region}/${market}`;
    let cell = this.byCell.get(key);
    if (!cell) this.byCell.set(key, (cell = { region, market, ...emptyTotals() }));
    return cell;
  }
}

/** The campaign-wide sum of a batch: what an overflow guard adds to the totals. */
export function sumOfCells(cells: CheckedCells): ReactionTotals {
  const sum = emptyTotals();
  for (const cell of cells) for (const kind of REACTION_KINDS) sum[kind] += cell[kind];
  return sum;
}

export const NO_CELLS = [] as unknown as CheckedCells;
