import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const INSTALL_HINT = 'redis-server is not installed: run `apt-get install -y redis-server` (.ci/run does it on CI)';

/**
 * A real redis-server for one test file, on a free port of 127.0.0.1, with its data in a temporary
 * directory. The append-only file is fsynced on every write (`appendfsync always`), as a feed that
 * acknowledges reactions needs, and it survives `stop()` + `start()` on the same port and directory.
 */
export class RedisServer {
  private process: ChildProcess | null = null;
  private readonly output: string[] = [];

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  /** Starts a fresh server; throws with the install command when redis-server is missing. */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), await mkdtemp(join(tmpdir(), 'feed-redis-')));
    try {
      await server.start();
    } catch (error) {
      await rm(server.dir, { recursive: true, force: true });
      throw error;
    }
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== null;
  }

  /** (Re)starts the server on its port and directory; resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.process) throw new Error('redis-server is already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--loglevel', 'notice'];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${this.output.join('\n')}`)), 10_000);
      child.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new Error(INSTALL_HINT) : error);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${this.output.join('\n')}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        this.output.push(line);
        if (line.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      createInterface({ input: child.stderr! }).on('line', (line) => this.output.push(line));
    });
    try {
      await ready;
    } catch (error) {
      this.process = null;
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** SIGTERM: redis-server finishes its append-only file and exits; resolves once it is gone. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** SIGKILL: no shutdown at all; only what the append-only file already holds survives a start(). */
  async crash(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Kills the server and deletes its directory. For afterAll. */
  async destroy(): Promise<void> {
    await this.signal('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

/** A port nobody listens on right now: the OS picks it, we release it, redis-server takes it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
