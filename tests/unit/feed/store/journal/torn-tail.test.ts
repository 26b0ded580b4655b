import fc from 'fast-check';
import { appendFile, readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../../../src/feed/store/journal/framing.ts';
import { decodeJournal } from '../../../../../src/feed/store/journal/journal-decode.ts';
import { journalName } from '../../../../../src/feed/store/journal/store-files.ts';
import { batchOf, cellsOf, expectedCells, makeTempDirs, openStore } from './store-helpers.ts';

const dirs = await makeTempDirs();
const BATCHES = Array.from({ length: 12 }, (_, i) => batchOf(i));
/** A data directory as a crash left it: 12 acknowledged batches, one frame each, no snapshot. */
let crashed: string;
/** Where each batch's frame ends in the journal. */
let frameEnds: number[];

beforeAll(async () => {
  const dir = await dirs.make();
  const { store } = await openStore(dir);
  for (const batch of BATCHES) await store.commitReactions(batch);
  crashed = await dirs.crashCopy(dir);
  await store.close();
  const journal = await readFile(join(crashed, journalName(1)));
  frameEnds = [];
  let end = 0;
  for (const record of decodeJournal(journal).records) {
    end += encodeFrame(JSON.stringify(record)).length;
    frameEnds.push(end);
  }
  expect(frameEnds.at(-1)).toBe(journal.length);
});
afterAll(() => dirs.removeAll());

async function damagedCopy(damage: (journalPath: string) => Promise<void>) {
  const dir = await dirs.crashCopy(crashed);
  const journalPath = join(dir, journalName(1));
  await damage(journalPath);
  return { dir, journalPath };
}

describe('recovery from a torn or corrupted journal', () => {
  it('cuts a journal truncated anywhere back to its last whole record, keeping every one before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: frameEnds.at(-1)! - 1 }), async (cutAt) => {
        const { dir, journalPath } = await damagedCopy((path) => truncate(path, cutAt));
        const { store, state, lines } = await openStore(dir);
        const whole = frameEnds.filter((end) => end <= cutAt).length;
        expect(cellsOf(state.cells)).toEqual(expectedCells(BATCHES.slice(0, whole)));
        const tornBytes = cutAt - (frameEnds[whole - 1] ?? 0);
        expect(lines.filter((line) => line.includes('cut off a damaged tail'))).toHaveLength(tornBytes > 0 ? 1 : 0);
        expect((await stat(journalPath)).size).toBe(frameEnds[whole - 1] ?? 0);
        await store.close();
      }),
      { numRuns: 25 },
    );
  });

  it('cuts random garbage appended after the last record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3000 }), async (garbage) => {
        const { dir } = await damagedCopy((path) => appendFile(path, garbage));
        const { store, state, lines } = await openStore(dir);
        expect(cellsOf(state.cells)).toEqual(expectedCells(BATCHES));
        expect(lines.some((line) => line.includes(`cut off a damaged tail of ${garbage.length} bytes`))).toBe(true);
        await store.close();
      }),
      { numRuns: 20 },
    );
  });

  it('drops only the record whose bytes were flipped, the last one or one in the middle', async () => {
    for (const victim of [BATCHES.length - 1, 4]) {
      const start = frameEnds[victim - 1] ?? 0;
      const { dir } = await damagedCopy(async (path) => {
        const bytes = await readFile(path);
        for (const offset of [start + 12, start + 20, start + 21]) bytes[offset] = bytes[offset]! ^ 0x5a;
        await writeFile(path, bytes);
      });
      const { store, state, lines } = await openStore(dir);
      expect(cellsOf(state.cells)).toEqual(expectedCells(BATCHES.filter((_, i) => i !== victim)));
      expect(state.recentKeys).not.toContain(BATCHES[victim]!.idempotencyKey);
      expect(lines.some((line) => /checksum mismatch/.test(line))).toBe(true);
      await store.close();
    }
  });

  it('skips a record that passes its checksum but is not a valid record, naming the field', async () => {
    const forged = encodeFrame(JSON.stringify({ t: 'r', at: 1, src: 'forged', c: [['tohoku', 'jp', -5, 0, 0, 0, 0]] }));
    const { dir } = await damagedCopy(async (path) => {
      const bytes = await readFile(path);
      await writeFile(path, Buffer.concat([bytes.subarray(0, frameEnds[5]), forged, bytes.subarray(frameEnds[5])]));
    });
    const { store, state, lines } = await openStore(dir);
    expect(cellsOf(state.cells)).toEqual(expectedCells(BATCHES));
    expect(lines.some((line) => line.includes('record is invalid: c.0.2: must not be negative'))).toBe(true);
    await store.close();
  });

  it('appends after a cut tail, so the next recovery sees the new records and no damage', async () => {
    const { dir } = await damagedCopy((path) => appendFile(path, Buffer.from('LJ\x05\x00\x00\x00torn')));
    const first = await openStore(dir);
    const extra = batchOf(99);
    await first.store.commitReactions(extra);
    const crashedAgain = await dirs.crashCopy(dir);
    await first.store.close();
    const second = await openStore(crashedAgain);
    expect(cellsOf(second.state.cells)).toEqual(expectedCells([...BATCHES, extra]));
    expect(second.lines.filter((line) => line.includes('damaged'))).toEqual([]);
    await second.store.close();
  });

  it('removes a half-written snapshot left by a crash', async () => {
    const dir = await dirs.crashCopy(crashed);
    await writeFile(join(dir, 'snapshot-00000001.snap.tmp'), 'half a snapshot');
    const { store, state } = await openStore(dir);
    expect(cellsOf(state.cells)).toEqual(expectedCells(BATCHES));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });
});
