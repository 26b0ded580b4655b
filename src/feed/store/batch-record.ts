import { REACTION_KINDS, type ReactionTotals } from '../../protocol/index.ts';
import { sumOfCells } from '../reactions/checked-cells.ts';
import type { ReactionsRecord } from './records.ts';
import { rowOf } from './store-state.ts';
import { BatchRejectedError, type ReactionBatch, type RoomLikeTotal } from './store.ts';

/**
 * The journal record of a batch. Its cells were checked where they entered the feed and merged once
 * (reactions/checked-cells.ts), so they are written as they are; only what is read back is parsed.
 */
export function reactionsRecordOf(batch: ReactionBatch, atMs: number): ReactionsRecord {
  const key = batch.idempotencyKey === undefined ? {} : { k: batch.idempotencyKey };
  const likes = batch.roomLikeTotals?.length ? { lm: highestPerRoom(batch.roomLikeTotals) } : {};
  return { t: 'r', at: atMs, src: batch.source, ...key, c: batch.cells.map((cell) => rowOf(cell.region, cell.market, cell)), ...likes };
}

/** One row per room, its highest total: a batch may carry several marks of one room. */
function highestPerRoom(marks: readonly RoomLikeTotal[]): [string, number][] {
  const highest = new Map<string, number>();
  for (const { roomId, total } of marks) highest.set(roomId, Math.max(total, highest.get(roomId) ?? 0));
  return [...highest];
}

/**
 * The overflow guard of a store of one node: adds a batch's counts to the campaign-wide totals `reserved`
 * (which include batches not yet durable), or throws BatchRejectedError, changing nothing, if a total
 * would pass 2^53 and stop being exact. (A store several nodes share guards where the totals are: Redis.)
 */
export function reserveTotals(reserved: ReactionTotals, batch: ReactionBatch): void {
  const added = sumOfCells(batch.cells);
  for (const kind of REACTION_KINDS) {
    if (reserved[kind] + added[kind] > Number.MAX_SAFE_INTEGER) {
      throw new BatchRejectedError(`${kind}: would take the campaign total beyond ${Number.MAX_SAFE_INTEGER}`);
    }
  }
  for (const kind of REACTION_KINDS) reserved[kind] += added[kind];
}
