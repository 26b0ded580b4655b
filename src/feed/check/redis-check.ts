import { Redis } from 'ioredis';
import { redactRedisUrl } from '../store/redis-connection.ts';
import type { CheckResult } from './check-result.ts';

/**
 * The Redis shared by the feed nodes: reachable now, and durable. Without `appendonly yes` a Redis
 * restart loses acknowledged reactions (fail); without `appendfsync always` a crash of its machine can
 * lose the last second of them (warning).
 */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<CheckResult> {
  const item = 'redis';
  const where = redactRedisUrl(url);
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    return { status: 'fail', item, detail: `cannot reach Redis at ${where}: ${(error as Error).message}`, fix: 'start Redis (redis-server --appendonly yes --appendfsync always) or correct REDIS_URL' };
  }
  try {
    const appendonly = ((await client.config('GET', 'appendonly')) as string[])[1];
    const appendfsync = ((await client.config('GET', 'appendfsync')) as string[])[1];
    if (appendonly !== 'yes') {
      return { status: 'fail', item, detail: `Redis at ${where} runs with appendonly ${appendonly}: a Redis restart would lose acknowledged reactions`, fix: 'CONFIG SET appendonly yes (and appendfsync always), or restart it with --appendonly yes --appendfsync always' };
    }
    if (appendfsync !== 'always') {
      return { status: 'warn', item, detail: `Redis at ${where} is reachable, appendonly yes, appendfsync ${appendfsync}: a crash of its machine can lose the last second`, fix: 'CONFIG SET appendfsync always' };
    }
    return { status: 'ok', item, detail: `Redis at ${where} is reachable, appendonly yes, appendfsync always` };
  } catch (error) {
    return { status: 'warn', item, detail: `Redis at ${where} is reachable, but its persistence settings cannot be read (${(error as Error).message})`, fix: 'ask its operator for appendonly yes and appendfsync always' };
  } finally {
    client.disconnect();
  }
}
