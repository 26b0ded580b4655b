/**
 * Where one campaign lives in Redis. Every key starts with the same prefix holding a hash tag
 * (`local-love:{campaign-id}:`), so all of them sit in one hash slot: a Lua script may touch them all
 * in one atomic step, on a single Redis as on a Redis Cluster, and two campaigns never mix.
 *
 *   seq              string  the global change counter (INCR): the FeedState seq on every node
 *   cells            set     the cells that ever counted a reaction, as JSON ["region","market"]
 *   cell:<cell>      hash    a cell's totals: likes, comments, gifts, giftDiamonds, shares
 *   campaign         hash    the same summed over every cell: the overflow guard reads one key
 *   idempotency      zset    batch keys, scored by the Redis time (ms) of their commit
 *   settings         hash    setting key -> JSON value (the show state: lower third, goal, clock, ...)
 *   setting-versions hash    setting key -> the seq of its last write (compare-and-set between nodes)
 *   room-likes       hash    TikTok room id -> the highest like total counted in it (kept by the commits)
 *   ledger           list    every adjustment and void, as JSON, in commit order
 *   ledger-keys      hash    ledger idempotency key -> the entry committed under it (JSON)
 *   ledger-ids       hash    adjustment id -> 'add', or 'void' once voided
 *   timeline         hash    "<minute>:<kind>" -> reactions of that kind committed in that minute
 *   lease:<source>   hash    who runs a source now (node, instance, token), expiring (PX) unless renewed
 *   lease-token:<source> string the source's fencing counter (INCR at each acquisition, never expires)
 *   stream-status    hash    TikTok user -> its status as the node running it last published it (JSON)
 *   rate:<name>:<id> hash    a shared rate limit's token bucket (ingest: one per token, by a hash of it)
 *   log              stream  every committed batch and setting, with its seq: how nodes learn of each other
 *   socket.io        stream  the socket.io adapter's own stream (lower thirds and other broadcasts)
 */
export interface RedisKeys {
  readonly prefix: string;
  readonly seq: string;
  readonly cells: string;
  readonly cellPrefix: string;
  readonly campaign: string;
  readonly idempotency: string;
  readonly settings: string;
  readonly settingVersions: string;
  readonly roomLikes: string;
  readonly ledger: string;
  readonly ledgerKeys: string;
  readonly ledgerIds: string;
  readonly timeline: string;
  readonly log: string;
  readonly rateLimitPrefix: string;
  readonly adapterStream: string;
  readonly leasePrefix: string;
  readonly leaseTokenPrefix: string;
  readonly streamStatus: string;
}

export function redisKeysFor(campaignId: string): RedisKeys {
  return redisKeysWithPrefix(`local-love:{${campaignId}}:`);
}

export function redisKeysWithPrefix(prefix: string): RedisKeys {
  return {
    prefix,
    seq: `${prefix}seq`,
    cells: `${prefix}cells`,
    cellPrefix: `${prefix}cell:`,
    campaign: `${prefix}campaign`,
    idempotency: `${prefix}idempotency`,
    settings: `${prefix}settings`,
    settingVersions: `${prefix}setting-versions`,
    roomLikes: `${prefix}room-likes`,
    ledger: `${prefix}ledger`,
    ledgerKeys: `${prefix}ledger-keys`,
    ledgerIds: `${prefix}ledger-ids`,
    timeline: `${prefix}timeline`,
    log: `${prefix}log`,
    rateLimitPrefix: `${prefix}rate:`,
    adapterStream: `${prefix}socket.io`,
    leasePrefix: `${prefix}lease:`,
    leaseTokenPrefix: `${prefix}lease-token:`,
    streamStatus: `${prefix}stream-status`,
  };
}

/** A cell's member in the `cells` set: JSON of the pair cannot collide whatever characters an id holds. */
export function cellMember(region: string, market: string): string {
  return JSON.stringify([region, market]);
}
