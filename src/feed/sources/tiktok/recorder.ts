import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordLine, type RecordedEvent } from './recording.ts';
import type { Redactor } from './redact.ts';

/**
 * TIKTOK_RECORD=DIR: every event the library emits, for each stream, appended to
 * `DIR/<uniqueId>-<YYYY-MM-DD>.jsonl` (the UTC date it was received), one line each, as it arrives.
 * Appended synchronously: a line is in the file before the next event is handled, so a crash loses
 * nothing already received (a busy LIVE is a few hundred short lines a second). A write that fails
 * is logged once per file and recording goes on with the next event.
 */
export function fileRecorder(dir: string, options: { redactor?: Redactor; log: (message: string) => void }): (event: RecordedEvent) => void {
  mkdirSync(dir, { recursive: true });
  const failed = new Set<string>();
  return (event) => {
    const file = join(dir, `${event.stream}-${new Date(event.at).toISOString().slice(0, 10)}.jsonl`);
    const data = options.redactor ? options.redactor.payload(event.data) : event.data;
    try {
      appendFileSync(file, `${recordLine({ ...event, data })}\n`);
    } catch (error) {
      if (failed.has(file)) return;
      failed.add(file);
      options.log(`tiktok: cannot record into ${file}: ${(error as Error).message}`);
    }
  };
}
