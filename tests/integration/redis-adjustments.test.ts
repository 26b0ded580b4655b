import { describe, expect, it, vi } from 'vitest';
import { postIngest, batchForKey } from './helpers/ingest-batches.ts';
import { INGEST_TOKEN, postControl, updateWhere, useRedisFeeds } from './helpers/redis-feeds.ts';

const feeds = useRedisFeeds();

describe('adjustments on two feed nodes sharing Redis', () => {
  it('an adjustment made on node A shows on node B, counts once when retried on B, and a void on B reaches A', async () => {
    const campaign = feeds.freshCampaign();
    const a = await feeds.startNode(campaign);
    const b = await feeds.startNode(campaign);
    const { client } = await feeds.overlayOn(b.url);
    const body = { idempotencyKey: 'match-redis-1', kind: 'matching', amountMinor: 750_000, region: 'kumamoto', reason: 'Sponsor match' };

    const seen = updateWhere(client, (state) => state.donation.adjustmentsMinor === 750_000);
    expect((await postControl(a.url, '/adjustments', body)).status).toBe(200);
    expect((await seen).donation).toMatchObject({ raisedMinor: 750_000, reactionsMinor: 0 });
    expect((await postControl(b.url, '/adjustments', body)).status).toBe(200);
    expect((await postControl(a.url, '/adjustments', body)).status).toBe(200);
    await vi.waitFor(() => expect(b.aggregator.ledger.list()).toHaveLength(1));
    expect(a.aggregator.ledger.list()).toHaveLength(1);

    const [adjustment] = b.aggregator.ledger.list();
    expect((await postControl(b.url, '/adjustments/void', { idempotencyKey: 'void-redis-1', adjustmentId: adjustment!.id, reason: 'Pledge withdrawn' })).status).toBe(200);
    await vi.waitFor(() => expect(a.aggregator.state('kumamoto').donation).toMatchObject({ raisedMinor: 0, adjustmentsMinor: 0 }));
    expect(a.aggregator.ledger.adjustment(adjustment!.id)?.voided?.reason).toBe('Pledge withdrawn');
    // Voiding it again, from either node, is refused by Redis itself.
    const again = await postControl(a.url, '/adjustments/void', { idempotencyKey: 'void-redis-2', adjustmentId: adjustment!.id, reason: 'again' });
    expect(again.status).toBe(400);

    // A node started afterwards recovers the ledger and the timeline from Redis alone.
    await postIngest(a.url, INGEST_TOKEN, batchForKey('timeline-1', campaign));
    const c = await feeds.startNode(campaign);
    expect(c.aggregator.ledger.entries()).toEqual(a.aggregator.ledger.entries());
    const persisted = await c.totals.store.read();
    expect(persisted.ledger.map((entry) => entry.op)).toEqual(['add', 'void']);
    const likes = persisted.timeline.reduce((sum, row) => sum + row[1], 0);
    expect(likes).toBe(a.aggregator.state(null).totals.likes);
  });
});
