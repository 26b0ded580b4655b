import { describe, expect, it } from 'vitest';
import { batchForKey, campaignTotalsOf, postIngest } from './helpers/ingest-batches.ts';
import { INGEST_TOKEN, sameTotals, useRedisFeeds } from './helpers/redis-feeds.ts';

const feeds = useRedisFeeds();
const OTHER_TOKEN = 'redis-other-ingest-token-0123456789';

describe('the ingest rate limit on three feed nodes sharing Redis', () => {
  it('limits a token as one: requests spread across the nodes share one bucket, and another token has its own', async () => {
    const campaign = feeds.freshCampaign();
    // A burst of 6 and (nearly) no refill during the test: on each node alone, 6 requests would all pass.
    const ingest = { tokens: [INGEST_TOKEN, OTHER_TOKEN], requestsPerSecond: 0.01, burst: 6 };
    const nodes = [await feeds.startNode(campaign, [], { ingest }), await feeds.startNode(campaign, [], { ingest: { ...ingest, tokens: [OTHER_TOKEN, INGEST_TOKEN] } }), await feeds.startNode(campaign, [], { ingest })];

    const answers = await Promise.all(
      Array.from({ length: 18 }, (_, index) => postIngest(nodes[index % 3]!.url, INGEST_TOKEN, batchForKey(`${campaign.id}-rate-${index}`, campaign)).then((answer) => ({ index, ...answer }))),
    );
    const accepted = answers.filter((answer) => answer.status === 200);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(accepted).toHaveLength(6);
    expect(limited).toHaveLength(12);
    for (const answer of limited) {
      expect(answer.json).toEqual({ error: { code: 'rate-limited', message: expect.stringMatching(/^too many requests for this token: retry after \d+ s$/) } });
    }
    // The tokens are listed in another order on node 2: its buckets are named by the token, not its place.
    expect((await postIngest(nodes[1]!.url, OTHER_TOKEN, batchForKey(`${campaign.id}-other`, campaign))).status).toBe(200);

    // What was refused counted nothing.
    const counted = [...accepted.map((answer) => batchForKey(`${campaign.id}-rate-${answer.index}`, campaign)), batchForKey(`${campaign.id}-other`, campaign)];
    expect(sameTotals((await feeds.inRedis(campaign)).totals, campaignTotalsOf(counted))).toBe(true);
  });
});
