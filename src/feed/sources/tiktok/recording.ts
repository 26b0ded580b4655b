import { z } from 'zod';
import { describeZodError } from '../../../protocol/index.ts';

/**
 * A recording of a real LIVE: one JSON object a line (JSONL), one line per event the library emitted,
 * `{ "at": <local ms since the epoch when received>, "stream": "<uniqueId>", "event": "<library event
 * name>", "data": <the payload as emitted> }`. What `TIKTOK_RECORD=DIR` writes and `npm run replay` reads;
 * the fixtures in tests/fixtures/tiktok are recordings too.
 *
 * The payloads are JSON as the library emitted them, with what JSON cannot hold spelled out: a BigInt as
 * its decimal string, bytes as `{ "$bytes": "<base64>" }`, an Error as `{ "name", "message" }`.
 */
export const RecordedEvent = z.strictObject({
  at: z.number().int().nonnegative().describe('local ms since the epoch when the event was received'),
  stream: z.string().min(1).max(64),
  event: z.string().min(1).max(64),
  data: z.unknown(),
});
export type RecordedEvent = z.infer<typeof RecordedEvent>;

/** A line that is not a recorded event: where it is, and what is wrong with it. */
export interface BadLine {
  file: string;
  line: number;
  problem: string;
}

/** Reads a recording; a bad line is reported (file and line number) and skipped, never fatal. */
export function parseRecording(text: string, file: string): { events: RecordedEvent[]; bad: BadLine[] } {
  const events: RecordedEvent[] = [];
  const bad: BadLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      bad.push({ file, line: index + 1, problem: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = RecordedEvent.safeParse(json);
    if (parsed.success) events.push(parsed.data);
    else bad.push({ file, line: index + 1, problem: describeZodError(parsed.error).replaceAll('\n', '; ') });
  });
  return { events, bad };
}

/** One recorded event as its line (no newline): what JSON cannot hold is spelled out (see above). */
export function recordLine(event: RecordedEvent): string {
  return JSON.stringify(event, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
    if (value instanceof Error) return { name: value.name, message: value.message };
    return value;
  });
}
