/**
 * The Lua scripts of the source leases (source-leases.ts). A lease is a hash, `lease:<source>`, holding
 * the node that runs the source (`node`, its name as people read it), the process (`instance`, unique per
 * start: two nodes given the same NODE_ID never share a lease) and the fencing `token`. It expires (PX)
 * unless its holder renews it. The token comes from `lease-token:<source>`, INCRed at every acquisition
 * and never expiring, so a later holder always has a higher token; the commit script (redis-scripts.ts)
 * refuses a batch whose token is not the lease's current one.
 */

/**
 * Takes the lease when nobody holds it, or when this very process still does (it stopped the source after
 * failing to renew in time, and Redis had kept the lease): under a new token either way.
 * KEYS: lease, lease-token. ARGV: node, instance, ttl ms.
 * Returns {1, token} when taken, {0, holder's node, holder's token, ms left before it expires} when held already.
 */
export const ACQUIRE_LEASE_SCRIPT = `
local held = redis.call('HMGET', KEYS[1], 'node', 'token', 'instance')
if held[1] and held[3] ~= ARGV[2] then return {0, held[1], tonumber(held[2]), redis.call('PTTL', KEYS[1])} end
local token = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], 'node', ARGV[1], 'instance', ARGV[2], 'token', token)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, token}
`;

/**
 * Extends the lease if this process still holds it under this token (compare, then renew, in one step).
 * KEYS: lease. ARGV: instance, token, ttl ms. Returns 1 when renewed, 0 when the lease is gone or another's.
 */
export const RENEW_LEASE_SCRIPT = `
local held = redis.call('HMGET', KEYS[1], 'instance', 'token')
if held[1] ~= ARGV[1] or held[2] ~= ARGV[2] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/**
 * Lets go of the lease at a clean stop, so another node takes the source at its next try instead of after
 * the TTL. Only the holder's own lease is deleted.
 * KEYS: lease. ARGV: instance, token. Returns 1 when released, 0 when it was not ours any more.
 */
export const RELEASE_LEASE_SCRIPT = `
local held = redis.call('HMGET', KEYS[1], 'instance', 'token')
if held[1] ~= ARGV[1] or held[2] ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;
