import { mulberry32 } from '../../../src/random/mulberry32.ts';
import { REACTION_KINDS, emptyTotals, type CampaignConfig, type IngestBatch, type IngestReaction, type ReactionTotals } from '../../../src/protocol/index.ts';

/** FNV-1a: turns a batch key into the seed of its contents. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The ingest batch with this idempotency key: a pure function of the key and the campaign, so a test can
 * compute what any set of acknowledged keys must add up to, whichever process sent them.
 */
export function batchForKey(key: string, campaign: CampaignConfig): IngestBatch {
  const random = mulberry32(hash(key));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const reactions: IngestReaction[] = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, index) => {
    const place = { region: pick(campaign.regions).id, market: pick(campaign.markets).id, eventId: `${key}-${index}` };
    const kind = pick(['like', 'like', 'comment', 'gift', 'share'] as const);
    if (kind === 'gift') {
      const count = 1 + Math.floor(random() * 3);
      return { kind, count, diamonds: count * (1 + Math.floor(random() * 500)), ...place };
    }
    return { kind, count: 1 + Math.floor(random() * (kind === 'like' ? 1_000 : 5)), ...place };
  });
  return { idempotencyKey: key, source: 'redis-test', reactions };
}

/** What these batches add to the campaign totals, each counted once. */
export function campaignTotalsOf(batches: Iterable<IngestBatch>): ReactionTotals {
  const totals = emptyTotals();
  for (const batch of batches) {
    for (const reaction of batch.reactions) {
      if (reaction.kind === 'like') totals.likes += reaction.count;
      else if (reaction.kind === 'comment') totals.comments += reaction.count;
      else if (reaction.kind === 'share') totals.shares += reaction.count;
      else {
        totals.gifts += reaction.count;
        totals.giftDiamonds += reaction.diamonds ?? 0;
      }
    }
  }
  return totals;
}

export function sumTotals(list: readonly ReactionTotals[]): ReactionTotals {
  const sum = emptyTotals();
  for (const totals of list) for (const kind of REACTION_KINDS) sum[kind] += totals[kind];
  return sum;
}

/** POST /api/ingest; resolves with the status and the parsed JSON answer. */
export async function postIngest(url: string, token: string, batch: IngestBatch): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(batch),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
