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

/**
 * One writer per data directory. The LOCK file holds the owner's pid; a lock left by a process that no
 * longer exists (kill -9) is taken over. Two live feed servers on one directory would interleave their
 * journals and double-count on recovery, so the second is refused with a clear message.
 */
export async function acquireLock(fs: StoreFs, dir: string): Promise<void> {
  const path = join(dir, 'LOCK');
  try {
    const handle = await fs.open(path, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = Number((await fs.readFile(path, 'utf8')).trim());
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
    throw new Error(`data directory ${dir} is in use by process ${owner}; stop it or choose another directory`);
  }
  const handle = await fs.open(path, 'w');
  await handle.writeFile(String(process.pid));
  await handle.close();
}

export async function releaseLock(fs: StoreFs, dir: string): Promise<void> {
  await fs.unlink(join(dir, 'LOCK')).catch(() => undefined);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
