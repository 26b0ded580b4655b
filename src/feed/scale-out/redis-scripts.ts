/**
 * The Lua scripts of the Redis store. Redis runs a script alone, start to finish: the idempotency check,
 * the increments, the seq and the log entry of one batch happen together or not at all, whatever the
 * number of feed nodes committing at once. Counts travel as the decimal strings JavaScript checked
 * (safe integers), and HINCRBY adds them as 64-bit integers: no float ever touches a total.
 */

/** The five reaction kinds, in the order the scripts and the log rows use. */
const KINDS = "{'likes', 'comments', 'gifts', 'giftDiamonds', 'shares'}";

/**
 * Commits one batch.
 * KEYS: seq, idempotency, log, campaign, cells, room-likes, timeline, the source's lease (see
 *       lease-scripts.ts; any key when unfenced), then one cell hash per cell of the batch.
 * ARGV: idempotency key ('' for none), ttl ms, max keys, log max length, log entry JSON,
 *       the fencing token the source runs under ('' for a source without a lease: ingest, tests),
 *       the campaign-wide sum of the 5 kinds, then per cell: its member and its 5 counts,
 *       then per TikTok room: its id and the like total counted up to (the higher total is kept).
 * Returns {'committed', seq} | {'duplicate', seq} | {'overflow', kind} | {'fenced', current token or ''}.
 *
 * The fence: a leased source (the simulator, a TikTok stream) commits only under the token its lease
 * holds now, checked in this same atomic step. A node that lost the lease (it froze, or Redis could not
 * hear it renew, past the TTL) and commits late is refused, so a source never counts twice.
 */
export const COMMIT_SCRIPT = `
local KINDS = ${KINDS}
local MAX_SAFE_INTEGER = 9007199254740991
local key, ttl, maxKeys, logMaxLen, entry, fence = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6]
if fence ~= '' then
  local held = redis.call('HGET', KEYS[8], 'token')
  if held ~= fence then return {'fenced', held or ''} end
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

if key ~= '' then
  local committedAt = redis.call('ZSCORE', KEYS[2], key)
  if committedAt and tonumber(committedAt) >= now - ttl then
    return {'duplicate', tonumber(redis.call('GET', KEYS[1]) or '0')}
  end
end

-- Refuse, before anything moves, a batch that would take a campaign total past 2^53 - 1: beyond it
-- JavaScript cannot hold the total exactly. (Lua numbers are doubles: both terms and the bound are
-- exact, and a true sum above the bound can only round to a value above it.)
local campaign = redis.call('HMGET', KEYS[4], unpack(KINDS))
for i, kind in ipairs(KINDS) do
  if (tonumber(campaign[i]) or 0) + tonumber(ARGV[6 + i]) > MAX_SAFE_INTEGER then
    return {'overflow', kind}
  end
end

local minute = math.floor(now / 60000)
for i, kind in ipairs(KINDS) do
  if ARGV[6 + i] ~= '0' then
    redis.call('HINCRBY', KEYS[4], kind, ARGV[6 + i])
    redis.call('HINCRBY', KEYS[7], minute .. ':' .. kind, ARGV[6 + i])
  end
end
local cells = #KEYS - 8
for cell = 1, cells do
  local base = 11 + (cell - 1) * 6
  redis.call('SADD', KEYS[5], ARGV[base + 1])
  for i, kind in ipairs(KINDS) do
    local count = ARGV[base + 1 + i]
    if count ~= '0' then redis.call('HINCRBY', KEYS[8 + cell], kind, count) end
  end
end
for i = 12 + cells * 6, #ARGV, 2 do
  local kept = tonumber(redis.call('HGET', KEYS[6], ARGV[i]) or '-1')
  if tonumber(ARGV[i + 1]) > kept then redis.call('HSET', KEYS[6], ARGV[i], ARGV[i + 1]) end
end

local seq = redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', logMaxLen, '*', 'seq', seq, 'e', entry)
if key ~= '' then
  redis.call('ZADD', KEYS[2], now, key)
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - ttl))
  local excess = redis.call('ZCARD', KEYS[2]) - maxKeys
  if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1) end
end
return {'committed', seq}
`;

/**
 * Saves a setting (a piece of show state) and tells every node. Each setting has a version, the seq of
 * its last write: given the version a change was based on, the script refuses the write when another
 * node wrote the setting since (compare-and-set), and answers the newer value instead.
 * KEYS: seq, log, settings, setting-versions.
 * ARGV: setting key, value JSON, log entry JSON, log max length, the version it is based on ('' for any).
 * Returns {'saved', seq} | {'newer', value JSON, version}.
 */
export const SETTING_SCRIPT = `
local version = tonumber(redis.call('HGET', KEYS[4], ARGV[1]) or '0')
if ARGV[5] ~= '' and tonumber(ARGV[5]) ~= version then
  return {'newer', redis.call('HGET', KEYS[3], ARGV[1]) or 'null', version}
end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
local seq = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[4], ARGV[1], seq)
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', 'seq', seq, 'e', ARGV[3])
return {'saved', seq}
`;

/**
 * Commits one adjustment or void, stamped with the Redis time, after the checks every node must agree on:
 * its key not used before, and for a void, an adjustment that exists and is not void yet.
 * KEYS: seq, log, ledger, ledger-keys, ledger-ids.
 * ARGV: idempotency key, 'add' | 'void', adjustment id, the entry's JSON without its time, log max length.
 * Returns {'committed', entry JSON, seq} | {'duplicate', entry JSON, seq} | {'unknown' | 'void' | 'exists', id}.
 */
export const LEDGER_SCRIPT = `
local key, op, id, body, logMaxLen = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local committed = redis.call('HGET', KEYS[4], key)
if committed then return {'duplicate', committed, tonumber(redis.call('GET', KEYS[1]) or '0')} end
local state = redis.call('HGET', KEYS[5], id)
if op == 'void' then
  if not state then return {'unknown', id} end
  if state == 'void' then return {'void', id} end
elseif state then
  return {'exists', id}
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
-- The time goes first in the entry's JSON object: '{"at":<ms>,' then the body without its opening brace.
local entry = '{"at":' .. string.format('%d', now) .. ',' .. string.sub(body, 2)
redis.call('HSET', KEYS[5], id, op)
redis.call('RPUSH', KEYS[3], entry)
redis.call('HSET', KEYS[4], key, entry)
local seq = redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', logMaxLen, '*', 'seq', seq, 'e', '{"t":"a","e":' .. entry .. '}')
return {'committed', entry, seq}
`;

/**
 * Everything a node needs to start, read in one atomic step so that it matches a point of the log exactly:
 * the node applies these totals, then every log entry after `seq`.
 * KEYS: seq, log, cells, settings, ledger, setting-versions. ARGV: the cell key prefix.
 * Returns {seq, last log id, {member, {5 counts}, member, {5 counts}, ...}, {setting key, JSON, ...}, {ledger entry JSON, ...},
 *          {setting key, version, ...}}.
 */
export const SNAPSHOT_SCRIPT = `
local KINDS = ${KINDS}
local cells = {}
for _, member in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  cells[#cells + 1] = member
  cells[#cells + 1] = redis.call('HMGET', ARGV[1] .. member, unpack(KINDS))
end
local last = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)
local lastId = '0-0'
if #last > 0 then lastId = last[1][1] end
return {redis.call('GET', KEYS[1]) or '0', lastId, cells, redis.call('HGETALL', KEYS[4]), redis.call('LRANGE', KEYS[5], 0, -1), redis.call('HGETALL', KEYS[6])}
`;

/**
 * Takes one request from a token bucket kept in Redis, in Redis time: the same bucket as the feed's local
 * RateLimiter (http/rate-limit.ts), shared by every node. The bucket expires once it would be full again.
 * (Tokens are fractions of a request, not money: a float is right here.)
 * KEYS: the bucket hash. ARGV: requests per second, burst.
 * Returns {1, 0} when allowed, {0, seconds until a request is free}.
 */
export const RATE_LIMIT_SCRIPT = `
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local allowed = tokens >= 1
if allowed then tokens = tokens - 1 end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.3f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
if allowed then return {1, 0} end
return {0, math.max(1, math.ceil((1 - tokens) / rate))}
`;
