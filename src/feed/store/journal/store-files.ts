import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The file operations the journal store uses. Injectable so a test can count fsyncs or make a write
 * fail on the real file system; production passes node:fs/promises itself.
 */
export type StoreFs = Pick<typeof nodeFs, 'open' | 'readFile' | 'rename' | 'unlink' | 'readdir' | 'mkdir'>;
export const realFs: StoreFs = nodeFs;

/** Journals and snapshots are numbered by generation: snapshot-G holds everything of journals 1..G. */
export const journalName = (gen: number) => `journal-${String(gen).padStart(8, '0')}.log`;
export const snapshotName = (gen: number) => `snapshot-${String(gen).padStart(8, '0')}.snap`;
const GENERATION_FILE = /^(journal|snapshot)-(\d{8})\.(log|snap)$/;

export interface DataDirListing {
  journals: number[];
  snapshots: number[];
}

/** The generations present, ascending. Anything else in the directory is ignored. */
export async function listDataDir(fs: StoreFs, dir: string): Promise<DataDirListing> {
  const listing: DataDirListing = { journals: [], snapshots: [] };
  for (const name of await fs.readdir(dir)) {
    const match = GENERATION_FILE.exec(name);
    if (!match) continue;
    const gen = Number(match[2]);
    if (match[1] === 'journal' && match[3] === 'log') listing.journals.push(gen);
    if (match[1] === 'snapshot' && match[3] === 'snap') listing.snapshots.push(gen);
  }
  listing.journals.sort((a, b) => a - b);
  listing.snapshots.sort((a, b) => a - b);
  return listing;
}

/** Makes a created, renamed or deleted name durable: without it a crash can forget the file itself. */
export async function fsyncDir(fs: StoreFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write to a temporary name, fsync, rename over the target, fsync the directory: all or nothing. */
export async function writeFileAtomically(fs: StoreFs, dir: string, name: string, data: Buffer): Promise<void> {
  const temporary = join(dir, `${name}.tmp`);
  const handle = await fs.open(temporary, 'w');
  try {
    await writeFully(handle, data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, join(dir, name));
  await fsyncDir(fs, dir);
}

/** FileHandle.write may write less than asked; loop until everything is out. */
export async function writeFully(handle: nodeFs.FileHandle, data: Buffer): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written);
    written += bytesWritten;
  }
}
