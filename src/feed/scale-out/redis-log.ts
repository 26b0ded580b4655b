import { z } from 'zod';
import { Count, describeZodError } from '../../protocol/index.ts';
import { CellRow, LedgerRecord, SettingKey } from '../store/records.ts';

/**
 * The entries of the Redis `log` stream: every batch committed and every setting saved, by any node, in
 * the order Redis ran them, each with its global seq. Each node reads the log to keep its aggregator
 * equal to the totals in Redis. What crosses Redis is parsed with zod like any other boundary.
 */
export const LoggedReactions = z.strictObject({
  t: z.literal('r'),
  src: z.string().min(1).max(40),
  c: z.array(CellRow),
});
export type LoggedReactions = z.infer<typeof LoggedReactions>;

export const LoggedSetting = z.strictObject({
  t: z.literal('s'),
  key: SettingKey,
  v: z.json(),
});
export type LoggedSetting = z.infer<typeof LoggedSetting>;

/** An adjustment or a void: logged exactly as the journal records it. */
export const LoggedLedger = LedgerRecord;

export const LogEntryBody = z.discriminatedUnion('t', [LoggedReactions, LoggedSetting, LoggedLedger]);
export type LogEntryBody = z.infer<typeof LogEntryBody>;

export type LogEntry = LogEntryBody & { seq: number; id: string };

/** One stream entry as ioredis returns it: [id, [field, value, field, value, ...]]. */
export type RawStreamEntry = [id: string, fields: string[]];

/** Parses a stream entry; throws an Error naming the entry and what is wrong with it. */
export function parseLogEntry([id, fields]: RawStreamEntry): LogEntry {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i]!, fields[i + 1]!);
  const seq = Count.safeParse(Number(values.get('seq')));
  if (!seq.success || seq.data === 0) throw new Error(`log entry ${id}: seq must be a whole number from 1, got ${values.get('seq')}`);
  let json: unknown;
  try {
    json = JSON.parse(values.get('e') ?? '');
  } catch {
    throw new Error(`log entry ${id}: its body is not JSON`);
  }
  const body = LogEntryBody.safeParse(json);
  if (!body.success) throw new Error(`log entry ${id} is invalid: ${describeZodError(body.error).replaceAll('\n', '; ')}`);
  return { ...body.data, seq: seq.data, id };
}
