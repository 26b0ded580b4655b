import { redactRedisUrl } from '../scale-out/redis-connection.ts';

/**
 * REDIS_URL: the Redis that several feed nodes share, or null to keep the totals in the embedded journal.
 * Throws an Error naming the variable for anything but a redis:// or rediss:// URL (without echoing a
 * password it may hold).
 */
export function readRedisUrl(env: NodeJS.ProcessEnv): string | null {
  const value = env['REDIS_URL']?.trim();
  if (!value) return null;
  let protocol: string | null = null;
  try {
    protocol = new URL(value).protocol;
  } catch {
    // named below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379 (got ${redactRedisUrl(value)})`);
  }
  return value;
}
