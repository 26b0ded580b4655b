import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  IngestBatch,
  describeZodError,
  placesOf,
  unknownPlace,
  type CampaignConfig,
  type CampaignPlaces,
  type IngestAck,
  type IngestReaction,
  type ReactionTotals,
} from '../../../protocol/index.ts';
import { CellTally, ReactionsRefusedError, type CheckedCells } from '../../reactions/checked-cells.ts';
import type { DurableTotals } from '../../reactions/durable-totals.ts';
import { BatchRejectedError, StoreUnavailableError } from '../../store/store.ts';
import { bearerToken, tokensMatch } from '../../http/auth.ts';
import { plainlyValidBatch } from './ingest-fast-path.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { RateLimiter, type RequestLimiter } from '../../http/rate-limit.ts';
import { sendError, sendJson } from '../../http/respond.ts';
import type { FeedRoute } from '../../http/route.ts';

export const INGEST_PATH = '/api/ingest';

export interface IngestOptions {
  /** The tokens of the systems allowed to send reactions (INGEST_TOKEN, comma-separated): each has its own rate limit. */
  tokens: readonly string[];
  /** Requests per second each token may make, sustained. Default 50. */
  requestsPerSecond?: number;
  /** Requests a token may make at once after a quiet spell. Default 100. */
  burst?: number;
  /** Largest body accepted, in bytes. Default 256 KiB. */
  maxBodyBytes?: number;
}

export const DEFAULT_INGEST_BODY_BYTES = 256 * 1024;

/**
 * POST /api/ingest: a batch of reactions from an external source (a TikTok bridge, another platform).
 * Checks, in order, each answering with a message that names the problem and counting nothing:
 * token (401), rate (429 + Retry-After), size (413), JSON (400/415), schema and campaign (400).
 * Then the batch is committed: 200 only once it is durable; a batch whose idempotencyKey was already
 * committed answers 200 with `duplicate: true` and counts nothing more; a store that can no longer write
 * answers 503.
 */
export function ingestRoute(
  options: IngestOptions & {
    totals: DurableTotals;
    campaign: CampaignConfig;
    /** The limit several feed nodes share (through Redis); else each node counts in memory. */
    sharedLimiter?: (ratePerSecond: number, burst: number) => RequestLimiter;
  },
): FeedRoute {
  const { tokens, totals, campaign } = options;
  if (tokens.length === 0) throw new Error('ingest needs at least one token');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_INGEST_BODY_BYTES;
  const rate = options.requestsPerSecond ?? 50;
  const burst = options.burst ?? 100;
  const limiter = options.sharedLimiter?.(rate, burst) ?? new RateLimiter(rate, burst);
  // Each token's bucket is named by a hash of it: the same on every node whatever the order of INGEST_TOKEN,
  // and the token itself never leaves the process.
  const bucketOf = tokens.map((token) => createHash('sha256').update(token).digest('hex').slice(0, 16));
  const places = placesOf(campaign);

  return {
    method: 'POST',
    path: INGEST_PATH,
    async handle(request, response) {
      const presented = bearerToken(request);
      // Every configured token is compared, in constant time, whichever matches.
      const tokenIndex = tokens.reduce((found, token, index) => (tokensMatch(presented, token) ? index : found), -1);
      if (tokenIndex === -1) {
        response.setHeader('www-authenticate', 'Bearer realm="local-love ingest"');
        return refuseUnread(request, response, 'unauthorised', 'send an ingest token as Authorization: Bearer <token>', 401);
      }
      const allowed = await limiter.take(bucketOf[tokenIndex]!);
      if (!allowed.ok) {
        response.setHeader('retry-after', String(allowed.retryAfterSeconds));
        return refuseUnread(request, response, 'rate-limited', `too many requests for this token: retry after ${allowed.retryAfterSeconds} s`, 429);
      }
      const declared = Number(request.headers['content-length']);
      if (declared > maxBodyBytes) return refuseUnread(request, response, 'bad-request', `body: larger than ${maxBodyBytes} bytes`, 413);

      const body = await readJsonBody(request, maxBodyBytes);
      if (!body.ok) return sendError(response, 'bad-request', body.message, body.status);
      const checked = plainlyValidBatch(body.value, places) ?? parseOrExplain(body.value, places);
      if (typeof checked === 'string') return sendError(response, 'bad-request', `ingest batch is invalid:\n${checked}`);
      const batch = checked;

      try {
        const outcome = await totals.commit({ idempotencyKey: batch.idempotencyKey, source: `ingest:${batch.source}`, cells: cellsOf(batch.reactions) });
        const ack: IngestAck = {
          ok: true,
          duplicate: outcome.duplicate,
          idempotencyKey: batch.idempotencyKey,
          counted: outcome.duplicate ? 0 : batch.reactions.reduce((sum, reaction) => sum + reaction.count, 0),
          seq: outcome.seq,
        };
        sendJson(response, 200, ack);
      } catch (error) {
        if (error instanceof ReactionsRefusedError || error instanceof BatchRejectedError) {
          return sendError(response, 'bad-request', `ingest batch is invalid:\n${error.message}`);
        }
        if (error instanceof StoreUnavailableError) {
          return sendError(response, 'internal', `not counted: the store cannot make it durable (${error.message}); retry with the same idempotencyKey later`, 503);
        }
        throw error;
      }
    },
  };
}

/** Answers before reading the body; the body is drained so the client, still sending, reads the answer. */
function refuseUnread(request: IncomingMessage, response: ServerResponse, code: 'unauthorised' | 'rate-limited' | 'bad-request', message: string, status: number) {
  request.resume();
  sendError(response, code, message, status);
}

/** The schema's verdict: the batch, or every problem named by its field. */
function parseOrExplain(value: unknown, places: CampaignPlaces): IngestBatch | string {
  const parsed = IngestBatch.safeParse(value);
  if (!parsed.success) return describeZodError(parsed.error);
  return unknownPlaces(parsed.data.reactions, places) ?? parsed.data;
}

function unknownPlaces(reactions: readonly IngestReaction[], places: CampaignPlaces): string | null {
  const problems: string[] = [];
  reactions.forEach((reaction, index) => {
    if (!places.regions.has(reaction.region)) problems.push(`reactions.${index}.region: ${unknownPlace('region', reaction.region, places.regions)}`);
    if (!places.markets.has(reaction.market)) problems.push(`reactions.${index}.market: ${unknownPlace('market', reaction.market, places.markets)}`);
  });
  // A thousand bad entries need not make a megabyte of error: the first few name the problem.
  return problems.length === 0 ? null : problems.slice(0, 10).join('\n') + (problems.length > 10 ? `\n... and ${problems.length - 10} more` : '');
}

/** The batch, checked at this boundary, as cells: thousands of reactions are a few dozen cells. */
function cellsOf(reactions: readonly IngestReaction[]): CheckedCells {
  const tally = new CellTally();
  for (const { region, market, kind, count, diamonds } of reactions) {
    tally.addCount(region, market, KIND_TOTAL[kind], count);
    if (kind === 'gift' && diamonds) tally.addCount(region, market, 'giftDiamonds', diamonds);
  }
  return tally.take();
}

const KIND_TOTAL = { like: 'likes', comment: 'comments', share: 'shares', gift: 'gifts' } as const satisfies Record<IngestReaction['kind'], keyof ReactionTotals>;
