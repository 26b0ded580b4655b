import { createHash } from 'node:crypto';
import { readFile, realpath, unlink, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One writer per data directory, held by a socket that the kernel closes when its process dies.
 *
 * A pid in a file cannot tell a dead holder from a live one: after SIGKILL the holder stays a zombie
 * until its parent reaps it (signal 0 still finds it), and in a fresh container the next feed gets the
 * same pid as the last. A listening socket has neither problem: the kernel closes it with the process's
 * file descriptors, before the zombie is reaped, and binding a name that is held fails at once.
 *
 * - Linux: a socket in the abstract namespace named from the directory's real path. bind() is atomic and
 *   leaves no file behind. That namespace belongs to the network namespace, so a second guard covers a
 *   directory shared by containers with their own networks: a socket file in the directory itself
 *   (LOCK.sock), which any process that sees the file can connect to.
 * - macOS and other Unixes (no abstract namespace): that socket file alone. A file left by a dead holder
 *   refuses connections and is replaced; two feeds starting in the same instant on such a stale file
 *   could both take it (README's "Crashes, restarts and the data directory" states these limits).
 * - Windows: a named pipe named from the real path; Windows drops it with its process.
 *
 * The holder answers every connection with one JSON line (pid, host, start time, running or stopping):
 * a feed that finds the directory held by one that is stopping waits for it, up to `waitForStoppingMs`.
 * A running holder is refused at once: two feeds on one directory is a mistake to report, not to wait out.
 * The LOCK file beside the journals says the same for a human; it is never read to decide anything.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
  state: 'running' | 'stopping';
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
    waitedMs: number,
  ) {
    const who = holder ? `process ${holder.pid} on ${holder.host} (since ${holder.since})` : 'a process that does not answer (busy or hung)';
    const stillStopping = holder?.state === 'stopping' ? `, still stopping after ${waitedMs} ms` : '';
    super(`data directory ${dir} is in use by ${who}${stillStopping}; stop it or choose another DATA_DIR`);
  }
}

export interface DirectoryLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a holder that is stopping. Default 5 s. */
  waitForStoppingMs?: number;
  log?: (line: string) => void;
}

const DEFAULT_WAIT_FOR_STOPPING_MS = 5_000;
const POLL_MS = 50;
/**
 * How long a holder may take to answer the probe; one whose event loop is blocked longer reads as busy.
 * Generous, because a live feed recovering a journal or under an ingest storm on a loaded machine can be
 * slow to answer, and the answer says whether it is stopping (worth waiting for) or running.
 */
const ANSWER_TIMEOUT_MS = 3_000;
const OWNER_FILE = 'LOCK';
const SOCKET_FILE = 'LOCK.sock';
/** sun_path is 108 bytes on Linux and 104 on macOS, the terminating NUL included. */
const MAX_SOCKET_PATH_BYTES = 103;

/** Every lock this process holds: a stop signal makes them all answer `stopping`. */
const held = new Set<{ answer: LockHolder }>();

/** The process got a stop signal and is draining: a feed waiting for its directories may keep waiting. */
export function announceStopping(): void {
  for (const lock of held) lock.answer.state = 'stopping';
}

/** Takes the directory, waiting for a holder that is stopping; throws DataDirInUseError when held. */
export async function lockDataDir(dir: string, options: LockOptions = {}): Promise<DirectoryLock> {
  const waitMs = options.waitForStoppingMs ?? DEFAULT_WAIT_FOR_STOPPING_MS;
  const log = options.log ?? (() => {});
  const names = await lockNames(dir);
  const answer: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), state: 'running' };
  const started = Date.now();
  for (let waitedOnce = false; ; ) {
    // A missing guard is said once, not at every poll while waiting.
    const taken = await takeAll(names, answer, waitedOnce ? () => {} : log);
    if ('servers' in taken) {
      const lock = { answer };
      held.add(lock);
      await writeFile(join(dir, OWNER_FILE), ownerText(answer)).catch(() => undefined);
      if (waitedOnce) log(`store: ${dir} was released by the feed that was stopping; taken after ${Date.now() - started} ms`);
      return { release: () => release(lock, taken.servers, dir) };
    }
    const waited = Date.now() - started;
    if (taken.holder?.state !== 'stopping' || waited >= waitMs) throw new DataDirInUseError(dir, taken.holder ?? (await ownerFromFile(dir)), waited);
    if (!waitedOnce) log(`store: ${dir} is held by process ${taken.holder.pid}, which is stopping; waiting up to ${waitMs} ms for it`);
    waitedOnce = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Who holds the directory now, without taking it (the `check` command): null when nobody does.
 * A holder that does not answer is reported from the LOCK file, or as unknown.
 */
export async function probeDataDirLock(dir: string): Promise<{ holder: LockHolder | null } | null> {
  for (const name of await lockNames(dir)) {
    const found = await ask(name.address);
    if (found === 'nobody') continue;
    return { holder: found === 'silent' ? await ownerFromFile(dir) : found };
  }
  return null;
}

interface LockName {
  address: string;
  /** A socket file: a stale one (its holder died) is removed before binding again. */
  file: boolean;
  /** A guard that cannot be made here (a file system without socket files) is skipped, not fatal. */
  optional: boolean;
}

async function lockNames(dir: string): Promise<LockName[]> {
  const real = await realpath(dir);
  const digest = createHash('sha256').update(real).digest('hex').slice(0, 32);
  const socketFile = join(real, SOCKET_FILE);
  const fits = Buffer.byteLength(socketFile) <= MAX_SOCKET_PATH_BYTES;
  if (process.platform === 'win32') return [{ address: `\\\\?\\pipe\\local-love-overlay-${digest}`, file: false, optional: false }];
  if (process.platform === 'linux') {
    return [{ address: `\0local-love-overlay/${digest}`, file: false, optional: false }, ...(fits ? [{ address: socketFile, file: true, optional: true }] : [])];
  }
  // No abstract namespace: the socket file is the lock; in the temporary directory when the path is too long.
  return [{ address: fits ? socketFile : join(tmpdir(), `local-love-overlay-${digest}.sock`), file: true, optional: false }];
}

/** Binds every name in order; on the first one held, lets go of those taken and says who holds it. */
async function takeAll(names: LockName[], answer: LockHolder, log: (line: string) => void): Promise<{ servers: Server[] } | { holder: LockHolder | null }> {
  const servers: Server[] = [];
  for (const name of names) {
    const result = await take(name, answer);
    if (result instanceof Error) {
      if (!name.optional) throw result;
      log(`store: no ${name.address} guard (${result.message}); the directory is locked for this host's network namespace only`);
      continue;
    }
    if ('server' in result) {
      servers.push(result.server);
      continue;
    }
    await Promise.all(servers.map(closeServer));
    return result;
  }
  return { servers };
}

async function take(name: LockName, answer: LockHolder): Promise<{ server: Server } | { holder: LockHolder | null } | Error> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const bound = await bind(name.address, answer);
    if (!(bound instanceof Error)) return { server: bound };
    if ((bound as NodeJS.ErrnoException).code !== 'EADDRINUSE') return bound;
    const found = await ask(name.address);
    if (found === 'silent') return { holder: null };
    if (found !== 'nobody') return { holder: found };
    // Nobody listens: the holder died between our bind and our probe, or left its socket file behind.
    if (name.file) await unlink(name.address).catch(() => undefined);
  }
  return new Error(`${name.address} can neither be bound nor reached`);
}

function bind(address: string, answer: LockHolder): Promise<Server | Error> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end(`${JSON.stringify(answer)}\n`);
    });
    server.once('error', (error) => resolve(error));
    server.listen(address, () => {
      server.removeAllListeners('error');
      server.on('error', () => undefined);
      // The lock must not keep the process alive by itself.
      server.unref();
      resolve(server);
    });
  });
}

/** Connects to a held name: the holder's answer, 'silent' when it does not answer in time, 'nobody' when no one listens. */
function ask(address: string): Promise<LockHolder | 'silent' | 'nobody'> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    let text = '';
    const finish = (result: LockHolder | 'silent' | 'nobody') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish('silent'), ANSWER_TIMEOUT_MS);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) finish(parseHolder(text) ?? 'silent');
    });
    socket.on('end', () => finish(parseHolder(text) ?? 'silent'));
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? 'nobody' : 'silent'));
  });
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text.split('\n')[0]!) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.since !== 'string') return null;
    return { pid: value.pid, host: value.host, since: value.since, state: value.state === 'stopping' ? 'stopping' : 'running' };
  } catch {
    return null;
  }
}

function ownerText(owner: LockHolder): string {
  return [
    `in use by local-love-overlay: pid ${owner.pid} on ${owner.host} since ${owner.since}`,
    'The lock is a socket held by that process and released by the kernel when it ends; this file only says who took it.',
    '',
  ].join('\n');
}

/** The LOCK file's last owner, for a message about a holder that does not answer. */
async function ownerFromFile(dir: string): Promise<LockHolder | null> {
  const text = await readFile(join(dir, OWNER_FILE), 'utf8').catch(() => '');
  const match = /pid (\d+) on (\S+) since (\S+)/.exec(text);
  return match ? { pid: Number(match[1]), host: match[2]!, since: match[3]!, state: 'running' } : null;
}

async function release(lock: { answer: LockHolder }, servers: Server[], dir: string): Promise<void> {
  if (!held.delete(lock)) return;
  // The owner file goes first: once the sockets close, the next holder may already be writing its own.
  await unlink(join(dir, OWNER_FILE)).catch(() => undefined);
  // Closing a server bound to a socket file also removes the file.
  await Promise.all(servers.map(closeServer));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
