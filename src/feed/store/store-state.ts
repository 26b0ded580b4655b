import { REACTION_KINDS, describeZodError, emptyTotals, type LedgerEntry, type ReactionTotals } from '../../protocol/index.ts';
import { Ledger } from '../adjustments/ledger.ts';
import { IdempotencyWindow, type IdempotencyRetention } from './idempotency-window.ts';
import { LedgerRecord, SNAPSHOT_VERSION, type CellRow, type JournalRecord, type RoomLikeRow, type Snapshot, type TimelineRow } from './records.ts';
import { BatchRejectedError, type CellTotals, type JsonValue, type LedgerDraft, type PersistedState } from './store.ts';

const MINUTE_MS = 60_000;

/** Cells are keyed by both ids; JSON of the pair cannot collide whatever characters an id holds. */
const cellKey = (region: string, market: string) => JSON.stringify([region, market]);

export function rowOf(region: string, market: string, totals: ReactionTotals): CellRow {
  return [region, market, totals.likes, totals.comments, totals.gifts, totals.giftDiamonds, totals.shares];
}

export function totalsOfRow(row: CellRow): ReactionTotals {
  const [, , likes, comments, gifts, giftDiamonds, shares] = row;
  return { likes, comments, gifts, giftDiamonds, shares };
}

/** The journal record of a ledger entry, stamped `atMs`; throws BatchRejectedError naming a bad field. */
export function ledgerRecordOf(draft: LedgerDraft, atMs: number): LedgerRecord {
  const parsed = LedgerRecord.safeParse({ t: 'a', e: { ...draft, at: atMs } });
  if (!parsed.success) throw new BatchRejectedError(`ledger entry is invalid: ${describeZodError(parsed.error).replaceAll('\n', '; ')}`);
  return parsed.data;
}

/** Sum of a record's rows per kind: what the batch added to the campaign in its minute. */
export function sumRows(rows: readonly CellRow[]): ReactionTotals {
  const sum = emptyTotals();
  for (const row of rows) {
    const totals = totalsOfRow(row);
    for (const kind of REACTION_KINDS) sum[kind] += totals[kind];
  }
  return sum;
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
  readonly ledger = new Ledger();
  /** Campaign-wide reactions per minute of commit time: the recap's chart and the report's timeline. */
  private readonly minutes = new Map<number, ReactionTotals>();

  constructor(retention?: IdempotencyRetention) {
    this.keys = new IdempotencyWindow(retention);
  }

  static fromSnapshot(snapshot: Snapshot, retention?: IdempotencyRetention): StoreState {
    const state = new StoreState(retention);
    for (const row of snapshot.cells) state.addRow(row);
    state.keys.restore(snapshot.keys, snapshot.keys.at(-1)?.[1] ?? 0);
    for (const [key, value] of Object.entries(snapshot.settings)) state.settings.set(key, value);
    state.addRoomLikes(snapshot.lm ?? []);
    for (const entry of snapshot.ledger) state.ledger.apply(entry);
    for (const [minute, ...counts] of snapshot.timeline) state.addToMinute(minute, totalsOfRow(['', '', ...counts]));
    return state;
  }

  apply(record: JournalRecord): void {
    if (record.t === 's') {
      this.settings.set(record.key, record.v);
      return;
    }
    // Throws, changing nothing, for an entry that contradicts the ledger so far.
    if (record.t === 'a') return this.ledger.apply(record.e);
    for (const row of record.c) this.addRow(row);
    this.addRoomLikes(record.lm ?? []);
    this.addToMinute(Math.floor(record.at / MINUTE_MS), sumRows(record.c));
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
      ledger: [...this.ledger.entries()],
      timeline: this.timeline(),
    };
  }

  roomLikeTotals(): Record<string, number> {
    return Object.fromEntries(this.roomLikes);
  }

  /** Everything it holds, as a store's open() and read() return it (copies). */
  persisted(): PersistedState {
    const keys = this.keys;
    return {
      cells: this.cellTotals(),
      roomLikeTotals: this.roomLikeTotals(),
      // Listed when read: a restart's first answers should not wait for its keys to be indexed.
      get recentKeys() {
        return keys.keys();
      },
      settings: this.settingsObject(),
      ledger: structuredClone([...this.ledger.entries()]),
      timeline: this.timeline(),
    };
  }

  /**
   * What committing `draft` at `atMs` means here: a duplicate of the entry already committed under its key,
   * or the record to write. Throws BatchRejectedError for an entry that cannot follow the ledger.
   */
  ledgerCommit(draft: LedgerDraft, atMs: number): { duplicate: LedgerEntry } | { record: LedgerRecord } {
    const committed = this.ledger.entryForKey(draft.key);
    if (committed) return { duplicate: structuredClone(committed) };
    const record = ledgerRecordOf(draft, atMs);
    const problem = this.ledger.problemWith(record.e);
    if (problem) throw new BatchRejectedError(problem);
    return { record };
  }

  timeline(): TimelineRow[] {
    return [...this.minutes]
      .sort(([a], [b]) => a - b)
      .map(([minute, totals]) => [minute, totals.likes, totals.comments, totals.gifts, totals.giftDiamonds, totals.shares]);
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

  private addToMinute(minute: number, added: ReactionTotals): void {
    // A record of like marks alone (TikTok's room total, no new likes) makes no minute, as in Redis.
    if (REACTION_KINDS.every((kind) => added[kind] === 0)) return;
    let totals = this.minutes.get(minute);
    if (!totals) this.minutes.set(minute, (totals = emptyTotals()));
    for (const kind of REACTION_KINDS) totals[kind] += added[kind];
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
