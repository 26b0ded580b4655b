import type { Adjustment, LedgerEntry } from '../../protocol/index.ts';

/**
 * The adjustments of a campaign as the journal adds them up: additions and voids in commit order.
 * Pure and append-only; `apply` refuses, changing nothing, an entry that contradicts what came before
 * (a key used twice, a void of an adjustment that is unknown or already void), so the ledger a node
 * rebuilds from any store is always one the desk could have written.
 */
export class Ledger {
  private readonly entryList: LedgerEntry[] = [];
  private readonly adjustments = new Map<string, Adjustment>();
  private readonly byKey = new Map<string, LedgerEntry>();

  /** How many entries (additions and voids) it holds: a follower applies only those beyond it. */
  get length(): number {
    return this.entryList.length;
  }

  entries(): readonly LedgerEntry[] {
    return this.entryList;
  }

  /** Throws an Error naming the problem, changing nothing, for an entry that cannot follow the ones before. */
  apply(entry: LedgerEntry): void {
    const problem = this.problemWith(entry);
    if (problem) throw new Error(problem);
    this.entryList.push(entry);
    this.byKey.set(entry.key, entry);
    if (entry.op === 'add') {
      const { op: _op, ...adjustment } = entry;
      this.adjustments.set(entry.id, { ...adjustment, voided: null });
    } else {
      this.adjustments.get(entry.id)!.voided = { at: entry.at, reason: entry.reason };
    }
  }

  /** Why `entry` cannot be applied now, or null. */
  problemWith(entry: LedgerEntry): string | null {
    if (this.byKey.has(entry.key)) return `idempotencyKey: "${entry.key}" was already used`;
    const adjustment = this.adjustments.get(entry.id);
    if (entry.op === 'add') return adjustment ? `id: ${entry.id} exists already` : null;
    if (!adjustment) return `adjustmentId: there is no adjustment ${entry.id}${this.adjustments.size > 0 ? ` (known: ${[...this.adjustments.keys()].join(', ')})` : ''}`;
    if (adjustment.voided) return `adjustmentId: ${entry.id} is void already (${adjustment.voided.reason})`;
    return null;
  }

  /** The entry committed under an idempotency key, if any. */
  entryForKey(key: string): LedgerEntry | undefined {
    return this.byKey.get(key);
  }

  adjustment(id: string): Adjustment | undefined {
    const found = this.adjustments.get(id);
    return found && structuredClone(found);
  }

  /** Every adjustment, oldest first, voided ones included (copies). */
  list(): Adjustment[] {
    return [...this.adjustments.values()].map((adjustment) => structuredClone(adjustment));
  }

  /**
   * The sum of the adjustments in force for a scope: the campaign (null) counts every one, a region its own.
   * `atMs` gives the sum as it stood then (for the timeline): added by then and not yet voided.
   */
  netMinor(scope: string | null, atMs = Number.MAX_SAFE_INTEGER): bigint {
    let net = 0n;
    for (const adjustment of this.adjustments.values()) {
      if (scope !== null && adjustment.region !== scope) continue;
      if (adjustment.at > atMs || (adjustment.voided && adjustment.voided.at <= atMs)) continue;
      net += BigInt(adjustment.amountMinor);
    }
    return net;
  }
}
