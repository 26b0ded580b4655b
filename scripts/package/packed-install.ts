import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface PackedInstall {
  /** An empty project that installed the tarball with `npm install --omit=dev`. */
  dir: string;
  /** The installed `local-love-overlay` command. */
  bin: string;
  tarballBytes: number;
  unpackedBytes: number;
  files: number;
  cleanup(): Promise<void>;
}

/**
 * What a producer gets: `npm pack` of this repository (its prepack builds the overlay and the feed),
 * installed from the tarball with `npm install --omit=dev` into an empty directory. Packages come from
 * npm's cache when it has them (`--prefer-offline`), so a second run downloads nothing.
 */
export async function packAndInstall(): Promise<PackedInstall> {
  const work = await mkdtemp(join(tmpdir(), 'local-love-pack-'));
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    // npm prints the prepack build's output before the JSON.
    const [packed] = JSON.parse(stdout.slice(Math.max(0, stdout.search(/^\[\s*\{/m)))) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
    const dir = join(work, 'show');
    await mkdir(dir);
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'show', private: true }));
    await run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed!.filename)], { cwd: dir });
    return {
      dir,
      bin: join(dir, 'node_modules/.bin/local-love-overlay'),
      tarballBytes: packed!.size,
      unpackedBytes: packed!.unpackedSize,
      files: packed!.entryCount,
      cleanup: () => rm(work, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/** A port nobody listens on right now, for a command that must be told its port before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `command` (the installed `local-love-overlay start ...`, or any other start) with PORT=`port` and
 * polls `/api/state` every 5 ms: the time from spawn to its first answer, the start time a producer
 * waits. The command keeps running; the caller stops it.
 */
export async function startAndTime(
  command: readonly string[],
  port: number,
  env: Record<string, string>,
  cwd?: string,
): Promise<{ child: ChildProcess; firstStateMs: number; output: () => string }> {
  const startedAt = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the packaged command exited before answering /api/state:\n${output}`);
    if (performance.now() - startedAt > 20_000) {
      child.kill('SIGKILL');
      throw new Error(`no /api/state answer within 20 s:\n${output}`);
    }
    const answered = await fetch(`http://127.0.0.1:${port}/api/state`).then((response) => response.ok, () => false);
    if (answered) return { child, firstStateMs: performance.now() - startedAt, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** SIGTERM, then the exit code. */
export async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}
