import { join } from 'node:path';
import { describeZodError } from '../../protocol/index.ts';
import { readFrame } from './framing.ts';
import { DEFAULT_RETENTION, type IdempotencyRetention } from './idempotency-window.ts';
import { decodeJournal } from './journal-decode.ts';
import { Snapshot } from './records.ts';
import { journalName, listDataDir, realFs, snapshotName, type StoreFs } from './store-files.ts';
import { StoreState } from './store-state.ts';
import type { PersistedState } from './store.ts';

export interface RecoverOptions {
  fs: StoreFs;
  dir: string;
  log: (line: string) => void;
  now: () => number;
  retention: IdempotencyRetention;
  /**
   * True for the store that will write next: a torn tail is cut off the file. False for readers (the
   * audit report while the server runs): nothing on disk is changed, the damage is only skipped.
   */
  repair: boolean;
}

export interface Recovered {
  state: StoreState;
  /** The generation of the newest journal (to append to), or the one after the snapshot when none. */
  lastGen: number;
  summary: string;
}

/**
 * Rebuilds the state from a data directory: the newest snapshot that reads back intact, then every journal
 * after it in order. Damage is reported in one line per file and never stops the start; a missing journal
 * does, with an Error naming it, because starting without it would silently lower the totals.
 */
export async function recoverDataDir(options: RecoverOptions): Promise<Recovered> {
  const { fs, dir, log } = options;
  const listing = await listDataDir(fs, dir);
  const { state, coveredGen } = await loadNewestSnapshot(options, listing.snapshots);
  const journals = listing.journals.filter((gen) => gen > coveredGen);
  journals.forEach((gen, index) => {
    const expected = coveredGen + 1 + index;
    if (gen !== expected) {
      throw new Error(`data directory ${dir} is missing ${journalName(expected)}: refusing to start with totals that would lack its reactions`);
    }
  });
  let replayed = 0;
  for (const gen of journals) replayed += await replayJournal(options, gen, state);
  state.keys.evict(options.now());
  const from = coveredGen > 0 ? snapshotName(coveredGen) : 'no snapshot';
  return { state, lastGen: journals.at(-1) ?? coveredGen + 1, summary: `${from} + ${replayed} journal records` };

  async function loadNewestSnapshot(options: RecoverOptions, generations: number[]) {
    for (const gen of [...generations].reverse()) {
      const name = snapshotName(gen);
      const snapshot = await readSnapshot(options, name, gen);
      if (typeof snapshot !== 'string') return { state: StoreState.fromSnapshot(snapshot, options.retention), coveredGen: gen };
      log(`store: ${name} is unreadable (${snapshot}); trying an older snapshot`);
    }
    return { state: new StoreState(options.retention), coveredGen: 0 };
  }
}

/** The snapshot, or what is wrong with it. */
async function readSnapshot({ fs, dir }: RecoverOptions, name: string, gen: number): Promise<Snapshot | string> {
  const buffer = await fs.readFile(join(dir, name));
  const frame = readFrame(buffer, 0);
  if (!frame.ok) return frame.problem;
  if (frame.end !== buffer.length) return `${buffer.length - frame.end} unexpected bytes after the snapshot`;
  let json: unknown;
  try {
    json = JSON.parse(frame.payload);
  } catch {
    return 'not JSON';
  }
  const parsed = Snapshot.safeParse(json);
  if (!parsed.success) return describeZodError(parsed.error).replaceAll('\n', '; ');
  if (parsed.data.gen !== gen) return `it says generation ${parsed.data.gen}`;
  return parsed.data;
}

/** Applies one journal's intact records; cuts a torn tail off the file when repairing. Returns how many. */
async function replayJournal({ fs, dir, log, repair }: RecoverOptions, gen: number, state: StoreState): Promise<number> {
  const name = journalName(gen);
  const path = join(dir, name);
  const decoded = decodeJournal(await fs.readFile(path));
  for (const record of decoded.records) {
    try {
      state.apply(record);
    } catch (error) {
      // Only a ledger entry can be refused: one no desk could have written (a file edited by hand).
      log(`store: ${name}: left out a ledger entry that contradicts the ones before it: ${(error as Error).message}`);
    }
  }
  for (const damage of decoded.skipped) {
    log(`store: ${name}: skipped ${damage.bytes} damaged bytes at offset ${damage.offset} (${damage.problem}); the records after them are kept`);
  }
  if (decoded.tail && !repair) {
    const { offset, bytes, problem } = decoded.tail;
    log(`store: ${name}: a damaged tail of ${bytes} bytes at offset ${offset} (${problem}) is left out; the writer cuts it off at its next start`);
  } else if (decoded.tail) {
    const { offset, bytes, problem } = decoded.tail;
    const handle = await fs.open(path, 'r+');
    try {
      await handle.truncate(offset);
      await handle.sync();
    } finally {
      await handle.close();
    }
    log(`store: ${name}: cut off a damaged tail of ${bytes} bytes at offset ${offset} (${problem}); the ${decoded.records.length} records before it are recovered`);
  }
  return decoded.records.length;
}

/**
 * What a data directory holds, read without taking its lock and without changing a byte: for the audit
 * report, which may run while the feed server writes. A group being written at that moment reads as a
 * torn tail and is left out; run it again after the server stops for the final figures.
 */
export async function readDataDir(dir: string, log: (line: string) => void = () => {}): Promise<PersistedState> {
  const { state } = await recoverDataDir({ fs: realFs, dir, log, now: Date.now, retention: { ...DEFAULT_RETENTION, ttlMs: Number.MAX_SAFE_INTEGER }, repair: false });
  return state.persisted();
}
