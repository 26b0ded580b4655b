import { REACTION_KINDS, describeZodError, type ReactionTotals } from '../../protocol/index.ts';
import { ReactionsRecord } from './records.ts';
import { mergeDeltas, sumRows } from './store-state.ts';
import { BatchRejectedError, type ReactionBatch, type RoomLikeTotal } from './store.ts';

/** The journal record of a batch, its deltas merged per cell; throws BatchRejectedError naming the problem. */
export function reactionsRecordOf(batch: ReactionBatch, atMs: number): ReactionsRecord {
  for (const delta of batch.deltas) {
    for (const kind of REACTION_KINDS) {
      const count = delta[kind];
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new BatchRejectedError(`${kind}: must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${count}`);
      }
    }
  }
  const key = batch.idempotencyKey === undefined ? {} : { k: batch.idempotencyKey };
  const likes = batch.roomLikeTotals?.length ? { lm: highestPerRoom(batch.roomLikeTotals) } : {};
  const parsed = ReactionsRecord.safeParse({ t: 'r', at: atMs, src: batch.source, ...key, c: mergeDeltas(batch.deltas), ...likes });
  if (!parsed.success) throw new BatchRejectedError(`reaction batch is invalid: ${describeZodError(parsed.error).replaceAll('\n', '; ')}`);
  return parsed.data;
}

/** One row per room, its highest total: a batch may carry several marks of one room. */
function highestPerRoom(marks: readonly RoomLikeTotal[]): [string, number][] {
  const highest = new Map<string, number>();
  for (const { roomId, total } of marks) highest.set(roomId, Math.max(total, highest.get(roomId) ?? 0));
  return [...highest];
}

/**
 * Adds a record's counts to the campaign-wide totals `reserved` (which include batches not yet durable),
 * or throws BatchRejectedError, changing nothing, if a total would pass 2^53 and stop being exact.
 */
export function reserveTotals(reserved: ReactionTotals, record: ReactionsRecord): void {
  const added = sumRows(record.c);
  for (const kind of REACTION_KINDS) {
    if (reserved[kind] + added[kind] > Number.MAX_SAFE_INTEGER) {
      throw new BatchRejectedError(`${kind}: would take the campaign total beyond ${Number.MAX_SAFE_INTEGER}`);
    }
  }
  for (const kind of REACTION_KINDS) reserved[kind] += added[kind];
}
