import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../src/feed/config.ts';
import { plainlyValidBatch } from '../../../src/feed/http/ingest-fast-path.ts';
import { IngestBatch } from '../../../src/protocol/index.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const regions = new Set(campaign.regions.map((region) => region.id));
const markets = new Set(campaign.markets.map((market) => market.id));

/** Batches near the boundary of validity: mostly valid parts, each sometimes replaced by a wrong one. */
const maybe = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
const anything = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.double(), fc.string({ unit: 'binary', maxLength: 50 }));
const reaction = fc
  .record(
    {
      kind: maybe(fc.constantFrom('like', 'comment', 'gift', 'share'), anything),
      count: maybe(fc.integer({ min: 1, max: 1_000_000_000 }), fc.oneof(fc.integer(), fc.double(), anything)),
      diamonds: maybe(fc.integer({ min: 0, max: 1_000_000_000 }), fc.oneof(fc.integer(), fc.double(), anything)),
      region: maybe(fc.constantFrom(...regions), fc.oneof(fc.string({ maxLength: 45 }), anything)),
      market: maybe(fc.constantFrom(...markets), fc.oneof(fc.string({ maxLength: 45 }), anything)),
      eventId: maybe(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string({ maxLength: 140 }), anything)),
      extra: anything,
    },
    { requiredKeys: ['kind', 'count', 'region', 'market', 'eventId'] },
  )
  .map((entry) => JSON.parse(JSON.stringify(entry)) as unknown);
const batch = fc
  .record(
    {
      idempotencyKey: maybe(fc.string({ unit: fc.constantFrom('a', 'Z', '9', '-', '~', '!'), minLength: 1, maxLength: 130 }), anything),
      source: maybe(fc.constantFrom('tiktok-bridge', 'bench'), fc.oneof(fc.string({ maxLength: 45 }), anything)),
      reactions: maybe(fc.array(reaction, { minLength: 1, maxLength: 6 }), fc.oneof(fc.array(reaction, { maxLength: 2 }), anything)),
      extra: anything,
    },
    { requiredKeys: ['idempotencyKey', 'source', 'reactions'] },
  )
  .map((entry) => JSON.parse(JSON.stringify(entry)) as unknown);

describe('the ingest fast path', () => {
  it('accepts only what the schema accepts, unchanged, in the campaign', () => {
    let accepted = 0;
    fc.assert(
      fc.property(batch, (value) => {
        const fast = plainlyValidBatch(value, regions, markets);
        if (fast === null) return;
        accepted += 1;
        const parsed = IngestBatch.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(fast);
        for (const entry of fast.reactions) expect([regions.has(entry.region), markets.has(entry.market)]).toEqual([true, true]);
      }),
      { numRuns: 3000 },
    );
    // The property means something only if the fast path does accept a good share of the batches.
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes every valid batch of the campaign', () => {
    fc.assert(
      fc.property(batch, (value) => {
        const parsed = IngestBatch.safeParse(value);
        fc.pre(parsed.success && parsed.data.reactions.every((entry) => regions.has(entry.region) && markets.has(entry.market)));
        expect(plainlyValidBatch(value, regions, markets)).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});
