import { z } from 'zod';
import { Count, IdempotencyKey, LedgerEntry } from '../../protocol/index.ts';

/**
 * What the journal and the snapshot hold, as zod schemas: every record read back from disk is parsed
 * with these before it may touch a total, so a record that passed its checksum but means nothing
 * (a bug, an edited file) is refused like a damaged one.
 */

/** Region and market ids as the aggregator knows them (ReactionDelta allows any 1-40 characters). */
const CellId = z.string().min(1).max(40);

/** One region × market cell: [region, market, likes, comments, gifts, giftDiamonds, shares]. */
export const CellRow = z.tuple([CellId, CellId, Count, Count, Count, Count, Count]);
export type CellRow = z.infer<typeof CellRow>;

export const SettingKey = z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/, { error: 'must be 1-64 characters of a-z, 0-9, . and -' });

/** A TikTok LIVE room id (int64 as a decimal string) and the highest like total counted in it. */
export const RoomLikeRow = z.tuple([z.string().regex(/^\d{1,24}$/, { error: 'must be a room id: decimal digits' }), Count]);
export type RoomLikeRow = z.infer<typeof RoomLikeRow>;

/**
 * A batch of reactions made durable: the cells it adds to, where it came from, its key if it has one,
 * and the rooms whose like totals it counted up to (`lm`, TikTok only).
 */
export const ReactionsRecord = z.strictObject({
  t: z.literal('r'),
  at: Count.check(z.describe('ms since the epoch when it was committed')),
  src: z.string().min(1).max(40),
  k: z.optional(IdempotencyKey),
  c: z.array(CellRow),
  lm: z.array(RoomLikeRow).optional(),
});
export type ReactionsRecord = z.infer<typeof ReactionsRecord>;

/** A setting other features persist (roster, current lower third, goal): the latest record wins. */
export const SettingRecord = z.strictObject({
  t: z.literal('s'),
  at: Count,
  key: SettingKey,
  v: z.json(),
});
export type SettingRecord = z.infer<typeof SettingRecord>;

/** An adjustment or a void (src/protocol/adjustments.ts): journaled like reactions, never edited. */
export const LedgerRecord = z.strictObject({
  t: z.literal('a'),
  e: LedgerEntry,
});
export type LedgerRecord = z.infer<typeof LedgerRecord>;

/** Reactions committed in one minute, campaign-wide: [minute since the epoch, likes, comments, gifts, giftDiamonds, shares]. */
export const TimelineRow = z.tuple([Count, Count, Count, Count, Count, Count]);
export type TimelineRow = z.infer<typeof TimelineRow>;

export const JournalRecord = z.discriminatedUnion('t', [ReactionsRecord, SettingRecord, LedgerRecord]);
export type JournalRecord = z.infer<typeof JournalRecord>;

export const SNAPSHOT_VERSION = 1 as const;

/**
 * A snapshot's idempotency keys: [key, ms since the epoch it was committed] pairs, oldest first, with the
 * rules of IdempotencyKey and Count. Checked in one loop rather than a schema per pair: a snapshot holds up
 * to 250,000 of them, and per-pair parsing cost 0.2-0.8 s of every restart.
 */
const KEY_TEXT = /^[\x21-\x7e]{1,128}$/;
const isKeyEntry = (entry: unknown): boolean =>
  Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && KEY_TEXT.test(entry[0]) && Number.isSafeInteger(entry[1]) && (entry[1] as number) >= 0;
const KeyEntries = z.custom<[string, number][]>((value) => Array.isArray(value) && value.every(isKeyEntry), {
  error: 'must be [idempotency key (1-128 printable ASCII characters), commit time (a whole number of ms)] pairs',
});

/** Everything the journals up to and including generation `gen` added up to. */
export const Snapshot = z.strictObject({
  v: z.literal(SNAPSHOT_VERSION),
  gen: Count,
  at: Count,
  cells: z.array(CellRow),
  /** The idempotency keys still remembered, oldest first, with when each was committed. */
  keys: KeyEntries,
  settings: z.record(SettingKey, z.json()),
  /** Room id → highest like total counted (absent in snapshots written before it existed). */
  lm: z.array(RoomLikeRow).optional(),
  /** Absent from snapshots written before adjustments and the timeline existed. */
  ledger: z.array(LedgerEntry).default([]),
  timeline: z.array(TimelineRow).default([]),
});
export type Snapshot = z.infer<typeof Snapshot>;
