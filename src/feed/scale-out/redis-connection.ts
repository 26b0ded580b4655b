import { Redis, type RedisOptions } from 'ioredis';

/** The URL without its password (or user): a Redis URL may carry credentials, and logs must never show them. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username) parsed.username = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(unparseable Redis URL)';
  }
}

/** Reconnects quickly after a blip and never hammers a Redis that is down: 50 ms doubling, capped at 1 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(50 * 2 ** Math.max(0, attempt - 1), 1_000);
}

export interface RedisClientOptions {
  /** What the connection is for (`commits`, `log-reader`, `socket.io`): its CLIENT LIST name in Redis. */
  role: string;
  log: (line: string) => void;
  /** Log when Redis goes away and comes back: one client per node says it (the others stay quiet). */
  announce: boolean;
  /**
   * false: a command sent while Redis is away fails at once (a commit must answer 503 now, not hang).
   * true: it waits for the reconnection (the socket.io adapter, whose read loop must not spin).
   */
  queueWhileDisconnected: boolean;
  /** A command that takes longer fails. Absent: no limit (a blocking XREAD sets its own). */
  commandTimeoutMs?: number;
}

/**
 * An ioredis client that connects on `connect()`, reconnects forever with capped backoff, and (when it
 * announces) says in one log line when Redis goes away (and why) and one when it is back (and after how
 * long) — not one line per failed attempt. A command in flight when the connection drops is failed, never resent: a resent
 * commit whose first run did count would count twice.
 */
export function createRedisClient(url: string, options: RedisClientOptions): Redis {
  const clientOptions: RedisOptions = {
    lazyConnect: true,
    connectionName: `local-love-feed-${options.role}`,
    enableOfflineQueue: options.queueWhileDisconnected,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: options.queueWhileDisconnected ? null : 0,
    retryStrategy: reconnectDelayMs,
    connectTimeout: 5_000,
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeout: options.commandTimeoutMs }),
  };
  const client = new Redis(url, clientOptions);
  if (options.announce) reportAvailability(client, `store: Redis at ${redactRedisUrl(url)}`, options.log);
  // Without a listener, ioredis prints every failed reconnection attempt itself.
  else client.on('error', () => {});
  return client;
}

function reportAvailability(client: Redis, name: string, log: (line: string) => void): void {
  let downSince: number | null = null;
  let lastProblem = 'connection lost';
  client.on('error', (error: Error) => {
    lastProblem = error.message;
  });
  // 'reconnecting' follows only an unexpected loss, never our own quit().
  client.on('reconnecting', () => {
    if (downSince !== null) return;
    downSince = Date.now();
    log(`${name} is unavailable (${lastProblem}); reconnecting every <= 1 s. Meanwhile nothing new is counted and ingest answers 503`);
  });
  client.on('ready', () => {
    if (downSince !== null) log(`${name} is back after ${((Date.now() - downSince) / 1000).toFixed(1)} s; resuming`);
    downSince = null;
    lastProblem = 'connection lost';
  });
}
