import { INGEST_KINDS, MAX_COUNT_PER_REACTION, MAX_REACTIONS_PER_BATCH, type CampaignPlaces, type IngestBatch } from '../../../protocol/index.ts';

const KINDS: ReadonlySet<unknown> = new Set(INGEST_KINDS);
const BATCH_KEYS = 3;
const PRINTABLE_KEY = /^[\x21-\x7e]{1,128}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * The ingest API's hot path: accepts a batch only when it is plainly valid — every check `IngestBatch`
 * makes, and its region and market in the campaign — and returns it as it is; anything else returns
 * null, and the zod schema, the single source of truth, then parses it and names what is wrong.
 * It exists because the schema costs ~2.5 µs per reaction, a third of a core at 100,000 reactions/s;
 * a property test holds it to "accepted here => accepted, identically, by the schema".
 */
export function plainlyValidBatch(value: unknown, { regions, markets }: CampaignPlaces): IngestBatch | null {
  if (!isPlainObject(value) || Object.keys(value).length !== BATCH_KEYS) return null;
  const { idempotencyKey, source, reactions } = value;
  if (typeof idempotencyKey !== 'string' || !PRINTABLE_KEY.test(idempotencyKey)) return null;
  if (typeof source !== 'string' || !SLUG.test(source)) return null;
  if (!Array.isArray(reactions) || reactions.length < 1 || reactions.length > MAX_REACTIONS_PER_BATCH) return null;
  const eventIds = new Set<string>();
  for (const reaction of reactions as unknown[]) {
    if (!isPlainObject(reaction)) return null;
    const { kind, count, diamonds, region, market, eventId } = reaction;
    const keys = Object.keys(reaction).length;
    if (keys !== (diamonds === undefined ? 5 : 6) || ('diamonds' in reaction && diamonds === undefined)) return null;
    if (!KINDS.has(kind) || !isCount(count) || count < 1) return null;
    if (diamonds !== undefined && (kind !== 'gift' || !isCount(diamonds))) return null;
    if (typeof region !== 'string' || !regions.has(region) || typeof market !== 'string' || !markets.has(market)) return null;
    if (typeof eventId !== 'string' || eventId.length < 1 || eventId.length > 128 || eventIds.has(eventId)) return null;
    eventIds.add(eventId);
  }
  return value as unknown as IngestBatch;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT_PER_REACTION;
}
