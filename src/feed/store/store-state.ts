import { REACTION_KINDS, emptyTotals, type ReactionTotals } from '../../protocol/index.ts';
import { IdempotencyWindow, type IdempotencyRetention } from './idempotency-window.ts';
import { SNAPSHOT_VERSION, type CellRow, type JournalRecord, type RoomLikeRow, type Snapshot } from './records.ts';
import type { CellTotals, JsonValue } from './store.ts';

/** Cells are keyed by both ids; JSON of the pair cannot collide whatever characters an id holds. */
const cellKey = (region: string, market: string) => JSON.stringify([region, market]);

export function rowOf(region: string, market: string, totals: ReactionTotals): CellRow {
  return [region, market, totals.likes, totals.comments, totals.gifts, totals.giftDiamonds, totals.shares];
}

export function totalsOfRow(row: CellRow): ReactionTotals {
  const [, , likes, comments, gifts, giftDiamonds, shares] = row;
  return { likes, comments, gifts, giftDiamonds, shares };
}

/**
 * What the journal adds up to: totals per cell, the remembered idempotency keys and the settings.
 * Only records that are already durable are applied here, in journal order, so this state is always
 * exactly what a recovery from disk would rebuild.
 */
export class StoreState {
  private readonly cells = new Map<string, CellTotals>();
  readonly keys: IdempotencyWindow;
  private readonly settings = new Map<string, JsonValue>();
  /** Room id → the highest like total counted in it: the highest record wins, whatever the order. */
  private readonly roomLikes = new Map<string, number>();

  constructor(retention?: IdempotencyRetention) {
    this.keys = new IdempotencyWindow(retention);
  }

  static fromSnapshot(snapshot: Snapshot, retention?: IdempotencyRetention): StoreState {
    const state = new StoreState(retention);
    for (const row of snapshot.cells) state.addRow(row);
    for (const [key, atMs] of snapshot.keys) state.keys.add(key, atMs);
    for (const [key, value] of Object.entries(snapshot.settings)) state.settings.set(key, value);
    state.addRoomLikes(snapshot.lm ?? []);
    return state;
  }

  apply(record: JournalRecord): void {
    if (record.t === 's') {
      this.settings.set(record.key, record.v);
      return;
    }
    for (const row of record.c) this.addRow(row);
    this.addRoomLikes(record.lm ?? []);
    if (record.k !== undefined) this.keys.add(record.k, record.at);
  }

  toSnapshot(gen: number, atMs: number): Snapshot {
    return {
      v: SNAPSHOT_VERSION,
      gen,
      at: atMs,
      cells: this.cellTotals().map((cell) => rowOf(cell.region, cell.market, cell.totals)),
      keys: this.keys.entries(),
      settings: Object.fromEntries(this.settings),
      lm: [...this.roomLikes],
    };
  }

  roomLikeTotals(): Record<string, number> {
    return Object.fromEntries(this.roomLikes);
  }

  /** Copies: a caller cannot change what the store holds. */
  cellTotals(): CellTotals[] {
    return [...this.cells.values()].map((cell) => ({ region: cell.region, market: cell.market, totals: { ...cell.totals } }));
  }

  campaignTotals(): ReactionTotals {
    const sum = emptyTotals();
    for (const cell of this.cells.values()) for (const kind of REACTION_KINDS) sum[kind] += cell.totals[kind];
    return sum;
  }

  setting(key: string): JsonValue | undefined {
    return structuredClone(this.settings.get(key));
  }

  settingsObject(): Record<string, JsonValue> {
    return structuredClone(Object.fromEntries(this.settings));
  }

  private addRoomLikes(rows: readonly RoomLikeRow[]): void {
    for (const [roomId, total] of rows) this.roomLikes.set(roomId, Math.max(total, this.roomLikes.get(roomId) ?? 0));
  }

  private addRow(row: CellRow): void {
    const [region, market] = row;
    const key = cellKey(region, market);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { region, market, totals: emptyTotals() }));
    const delta = totalsOfRow(row);
    for (const kind of REACTION_KINDS) cell.totals[kind] += delta[kind];
  }
}
