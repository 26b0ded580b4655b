import { z } from './zod.ts';
import { Count, Slug } from './primitives.ts';

/**
 * One TikTok LIVE stream of a campaign: whose LIVE to follow, and where its reactions count.
 * TikTok usernames are 2-24 letters, digits, `_` and `.`; a leading `@` is tolerated and dropped.
 */
export const StreamConfig = z.strictObject({
  uniqueId: z
    .pipe(
      z.string({ error: 'must be a string' }).check(z.regex(/^@?[A-Za-z0-9_.]{2,24}$/, { error: 'must be a TikTok username: 2-24 letters, digits, _ or ., with an optional leading @' })),
      z.transform((id: string) => id.replace(/^@/, '')),
    )
    .check(z.describe('the TikTok user whose LIVE is followed (the part after @ in tiktok.com/@user/live)')),
  region: Slug.check(z.describe("id of one of the campaign's regions: where this stream's reactions count")),
  market: Slug.check(z.describe("id of one of the campaign's markets: the audience this stream reaches")),
  label: z.optional(z.string().check(z.minLength(1), z.maxLength(80))).check(z.describe('a name producers recognise in the stream list')),
});
export type StreamConfig = z.infer<typeof StreamConfig>;

/**
 * Where a stream's connection stands, as producers see it:
 * - connecting: an attempt to join the LIVE is under way;
 * - connected: reactions are flowing;
 * - reconnecting: the connection dropped or an attempt failed; the next attempt is at `nextAttemptAt`;
 * - stalled: the connection stayed up but went silent while TikTok said the LIVE was on; it is being
 *   replaced, the next attempt is at `nextAttemptAt`;
 * - ended: the LIVE is not on (it ended, or has not started); polled until it comes back;
 * - error: a failure retrying cannot fix (a bad username, a sign-server feature refused): no more attempts.
 */
export const StreamState = z.enum(['connecting', 'connected', 'reconnecting', 'stalled', 'ended', 'error']);
export type StreamState = z.infer<typeof StreamState>;

/**
 * Which feed node runs a source (a TikTok stream, the simulator), as the node answering sees it:
 * - local: one feed node (no Redis): it runs every source itself, no lease;
 * - here: several nodes share Redis, and this one holds the source's lease and runs it;
 * - elsewhere: node `node` holds the lease and runs it;
 * - waiting: no node runs it right now, or its node (`node`) stopped renewing its lease (died, or is cut
 *   off from Redis): another node takes it over within seconds.
 */
export const SourceOwner = z.strictObject({
  lease: z.enum(['local', 'here', 'elsewhere', 'waiting']),
  /** The running node's name (NODE_ID, by default host:pid), or null when none is known. */
  node: z.nullable(z.string()),
});
export type SourceOwner = z.infer<typeof SourceOwner>;

/** A stream's connection, as the node running it reports it (StreamStatus without its owner). */
export const StreamConnectionStatus = z.strictObject({
  uniqueId: z.string(),
  region: Slug,
  market: Slug,
  label: z.optional(z.string()),
  state: StreamState,
  /** Server clock (ms since the epoch) when `state` last changed. */
  since: Count,
  /** The last error, kept after recovery so a producer can see what happened; null when there was none. */
  lastError: z.nullable(z.string()),
  /** Consecutive failed attempts since the last stable connection. */
  failures: Count,
  /** Server clock of the next connection attempt, or null when none is scheduled. */
  nextAttemptAt: z.nullable(Count),
  /** TikTok's id of the LIVE room last joined (each LIVE gets a new one), or null before the first. */
  roomId: z.nullable(z.string()),
  /** Viewers in the room, as TikTok last reported it, or null when unknown. */
  viewers: z.nullable(Count),
  /** How often the connection went silent while the LIVE was on and was replaced. */
  stalls: Count,
  /** Messages counted (likes, gifts, comments, shares, viewer counts) since the feed (on Redis: the node running it) took the stream. */
  counted: Count,
  /** Dropped as the connect backlog: sent before we joined (history TikTok replays at connect). */
  backlog: Count,
  /** Dropped as duplicates: the same message (by TikTok's message id) delivered again. */
  duplicates: Count,
  /** Events that could not be read (logged by the feed). */
  malformed: Count,
  /** Gifts not counted because no message said their price (logged by the feed). */
  giftsValueUnknown: Count,
  /** The room's like total as TikTok last reported it (the highest), or null before the first. */
  likeTotal: z.nullable(Count),
  /** Server clock when the library last delivered an event, or null before the first. */
  lastEventAt: z.nullable(Count),
  /** How long ago that was, ms, when this status was sent (independent of the reader's clock). */
  lastEventAgeMs: z.nullable(Count),
  /** How long the stream had been in `state`, ms, when this status was sent. */
  stateAgeMs: Count,
  /**
   * The feed's clock minus TikTok's, ms, measured from the freshest message (delivery delay included):
   * for information only, counting never depends on it. Null until measured.
   */
  clockOffsetMs: z.nullable(z.number().check(z.int())),
});
export type StreamConnectionStatus = z.infer<typeof StreamConnectionStatus>;

/** A stream as producers see it on any node: its connection (as last reported by the node running it) and who runs it. */
export const StreamStatus = z.extend(StreamConnectionStatus, { owner: SourceOwner });
export type StreamStatus = z.infer<typeof StreamStatus>;

/** The body of GET /api/streams and of the `streams` socket event: every configured stream, in config order. */
export const StreamStatusList = z.strictObject({
  /** The name of the node that answered. */
  node: z.string(),
  streams: z.array(StreamStatus),
  /** Who runs the simulator, or null when it is off. */
  simulator: z.nullable(SourceOwner),
});
export type StreamStatusList = z.infer<typeof StreamStatusList>;

/** Sent on the producers' `/control` namespace: the list on connect, then on every change of a stream's status. */
export interface StreamServerToClientEvents {
  streams: (list: StreamStatusList) => void;
}
