import { findNextFrame, readFrame, type FrameProblem } from './framing.ts';
import { JournalRecord } from '../records.ts';
import { describeZodError } from '../../../protocol/index.ts';

export interface Damage {
  offset: number;
  bytes: number;
  problem: FrameProblem | string;
}

export interface DecodedJournal {
  records: JournalRecord[];
  /** Damaged stretches followed by intact frames: skipped, the frames after them kept. */
  skipped: Damage[];
  /** A damaged tail with no intact frame after it (a torn last write): to be cut off. */
  tail: Damage | null;
}

/**
 * Reads every record of a journal file, never throwing. A frame that fails its checksum, or passes it
 * but does not parse as a record, is damage: if an intact frame follows, the damage is skipped (a
 * flipped byte costs one record, not everything after it); if none does, it is the torn tail.
 */
export function decodeJournal(buffer: Buffer): DecodedJournal {
  const records: JournalRecord[] = [];
  const skipped: Damage[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const frame = readFrame(buffer, offset);
    if (frame.ok) {
      const record = parseRecord(frame.payload);
      if (record.ok) records.push(record.value);
      else skipped.push({ offset, bytes: frame.end - offset, problem: record.problem });
      offset = frame.end;
      continue;
    }
    const next = findNextFrame(buffer, offset + 1);
    if (next === -1) return { records, skipped, tail: { offset, bytes: buffer.length - offset, problem: frame.problem } };
    skipped.push({ offset, bytes: next - offset, problem: frame.problem });
    offset = next;
  }
  return { records, skipped, tail: null };
}

function parseRecord(payload: string): { ok: true; value: JournalRecord } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, problem: 'record is not JSON' };
  }
  const parsed = JournalRecord.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `record is invalid: ${describeZodError(parsed.error).replaceAll('\n', '; ')}` };
  return { ok: true, value: parsed.data };
}
