import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../../src/feed/setup/campaign-file.ts';
import { plainlyValidBatch } from '../../../../../src/feed/sources/ingest/ingest-fast-path.ts';
import { IngestBatch } from '../../../../../src/protocol/index.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const regions = new Set(campaign.regions.map((region) => region.id));
const markets = new Set(campaign.markets.map((market) => market.id));

const count = fc.integer({ min: 1, max: 1_000_000_000 });
const place = { region: fc.constantFrom(...regions), market: fc.constantFrom(...markets) };
const validReaction = fc.oneof(
  fc.record({ kind: fc.constantFrom('like', 'comment', 'share'), count, ...place }),
  fc.record({ kind: fc.constant('gift'), count, diamonds: fc.integer({ min: 0, max: 1_000_000_000 }), ...place }, { requiredKeys: ['kind', 'count', 'region', 'market'] }),
);
const validBatch = fc
  .record({
    idempotencyKey: fc.string({ unit: fc.constantFrom('a', 'Z', '9', '-', '~', '!'), minLength: 1, maxLength: 128 }),
    source: fc.constantFrom('tiktok-bridge', 'bench'),
    reactions: fc.array(validReaction, { minLength: 1, maxLength: 6 }),
  })
  .map((batch) => ({ ...batch, reactions: batch.reactions.map((reaction, index) => ({ ...reaction, eventId: `event-${index}` })) }));

/** One step off the valid path: a field set to something else (often hostile), removed, or added. */
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(0, -1, 1.5, 1e9 + 1, 2 ** 53, '', 'atlantis', 'TOHOKU', 'event-0', ' ', 'x'.repeat(129), null, [], {}),
  fc.string({ unit: 'binary', maxLength: 45 }),
);
const mutation = fc.record({
  inReaction: fc.boolean(),
  index: fc.nat(),
  field: fc.constantFrom('idempotencyKey', 'source', 'reactions', 'kind', 'count', 'diamonds', 'region', 'market', 'eventId', 'extra'),
  remove: fc.boolean(),
  value: hostile,
});
const nearlyValidBatch = fc.tuple(validBatch, fc.array(mutation, { maxLength: 2 })).map(([batch, mutations]) => {
  const value = structuredClone(batch) as Record<string, unknown> & { reactions: Record<string, unknown>[] };
  for (const { inReaction, index, field, remove, value: replacement } of mutations) {
    const target = inReaction && Array.isArray(value.reactions) && value.reactions.length > 0 ? value.reactions[index % value.reactions.length]! : value;
    if (typeof target !== 'object' || target === null) continue;
    if (remove) delete target[field];
    else target[field] = replacement;
  }
  return JSON.parse(JSON.stringify(value)) as unknown;
});

describe('the ingest fast path', () => {
  it('accepts only what the schema accepts, unchanged, in the campaign', () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearlyValidBatch, (value) => {
        const fast = plainlyValidBatch(value, { regions, markets });
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
    expect(accepted).toBeGreaterThan(300);
  });

  it('takes every valid batch of the campaign', () => {
    fc.assert(
      fc.property(validBatch, (value) => {
        expect(IngestBatch.safeParse(value).success).toBe(true);
        expect(plainlyValidBatch(value, { regions, markets })).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });
});
