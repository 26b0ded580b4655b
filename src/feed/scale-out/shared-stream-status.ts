import type { Redis } from 'ioredis';
import { StreamConnectionStatus } from '../../protocol/index.ts';
import type { StreamBoard } from '../sources/tiktok/stream-board.ts';

/** Often enough for a producer's panel, cheap for Redis: one HSET and one HGETALL per node per second. */
const SHARE_EVERY_MS = 1_000;

/**
 * Stream status across nodes: once a second each node writes the status of the streams it runs into one
 * Redis hash (`stream-status`: uniqueId -> JSON), and reads the hash for the streams other nodes run, so
 * `/api/streams` and the control page's panel show every stream on every node. Only the node holding a
 * stream's lease runs it, so only that node writes its field.
 */
export class SharedStreamStatus {
  private timer: ReturnType<typeof setInterval> | undefined;
  private syncing = false;
  private warned = false;

  constructor(
    private readonly client: Redis,
    private readonly key: string,
    private readonly board: StreamBoard,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sync(), SHARE_EVERY_MS);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Publishes this node's streams and learns the others'. A Redis that is away is waited out (said once). */
  async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      const mine = this.board.runningHere();
      if (mine.length > 0) await this.client.hset(this.key, Object.fromEntries(mine.map((status) => [status.uniqueId, JSON.stringify(status)])));
      const all = await this.client.hgetall(this.key);
      for (const [uniqueId, json] of Object.entries(all)) {
        const parsed = StreamConnectionStatus.safeParse(parseJson(json));
        if (parsed.success) this.board.learn(parsed.data);
        else this.log(`stream status: the status of @${uniqueId} in Redis is not readable, ignored: ${parsed.error.message}`);
      }
      this.warned = false;
    } catch (error) {
      if (!this.warned) this.log(`stream status: cannot share the streams' status through Redis (${(error as Error).message}); other nodes' streams show their last known status`);
      this.warned = true;
    } finally {
      this.syncing = false;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
