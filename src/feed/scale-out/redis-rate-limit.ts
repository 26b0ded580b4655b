import type { Redis } from 'ioredis';
import { RateLimiter, checkRateLimit, type RateVerdict, type RequestLimiter } from '../http/rate-limit.ts';
import { createRedisClient } from './redis-connection.ts';
import { RATE_LIMIT_SCRIPT } from './redis-scripts.ts';

type ScriptedRedis = Redis & { feedRateLimit(bucket: string, ratePerSecond: string, burst: string): Promise<[number, number]> };

/** A limit answer slower than this is not waited for: the node limits on its own meanwhile. */
const ANSWER_WITHIN_MS = 500;

/**
 * The ingest rate limit of feed nodes sharing Redis: one token bucket per key in Redis (one atomic script,
 * in Redis time), so requests spread across nodes are limited as if they all came to one. While Redis
 * cannot answer, each node limits on its own (the same bucket in memory) and says so once; the commits
 * it would let through fail with 503 then anyway.
 */
export class RedisRateLimiter implements RequestLimiter {
  private readonly client: ScriptedRedis;
  private readonly local: RateLimiter;
  private onItsOwn = false;

  constructor(
    url: string,
    private readonly bucketPrefix: string,
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly log: (line: string) => void,
  ) {
    checkRateLimit(ratePerSecond, burst);
    this.local = new RateLimiter(ratePerSecond, burst);
    const client = createRedisClient(url, { role: 'rate-limit', log, announce: false, queueWhileDisconnected: false, commandTimeoutMs: ANSWER_WITHIN_MS });
    client.defineCommand('feedRateLimit', { numberOfKeys: 1, lua: RATE_LIMIT_SCRIPT });
    this.client = client as ScriptedRedis;
    // It reconnects by itself; until it is ready, the node limits on its own.
    this.client.connect().catch(() => {});
  }

  async take(key: string): Promise<RateVerdict> {
    if (this.client.status !== 'ready') return this.alone(key, 'Redis is unavailable');
    let reply: [number, number];
    try {
      reply = await this.client.feedRateLimit(`${this.bucketPrefix}${key}`, String(this.ratePerSecond), String(this.burst));
    } catch (error) {
      return this.alone(key, (error as Error).message);
    }
    if (this.onItsOwn) this.log('rate limit: shared through Redis again');
    this.onItsOwn = false;
    return reply[0] === 1 ? { ok: true } : { ok: false, retryAfterSeconds: Number(reply[1]) };
  }

  close(): void {
    this.client.disconnect();
  }

  private alone(key: string, why: string): RateVerdict {
    if (!this.onItsOwn) this.log(`rate limit: cannot share it through Redis (${why}); this node limits on its own until Redis answers`);
    this.onItsOwn = true;
    return this.local.take(key);
  }
}
