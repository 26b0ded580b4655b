import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';

const TOKEN = 'producer-token-for-recap-0123456789';
let feed: FeedServer | undefined;
afterAll(() => feed?.close());

describe('GET /api/recap.png', () => {
  it('serves the results card of the show so far, in each size, to the producer only', async () => {
    feed = await startFeedServer({ campaign: loadCampaignFile(SAMPLE_CAMPAIGN_PATH), control: { token: TOKEN }, log: () => {} });
    await feed.totals.commit({ source: 'test', deltas: [{ region: 'noto', market: 'jp', likes: 12_345, comments: 0, gifts: 3, giftDiamonds: 9_000, shares: 2 }] });
    const get = (query: string, token: string | null = TOKEN) => fetch(`${feed!.url}/api/recap.png${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    expect((await get('?size=1080x1350', null)).status).toBe(401);
    const badSize = await get('?size=800x600');
    expect(badSize.status).toBe(400);
    expect(((await badSize.json()) as { error: { message: string } }).error.message).toContain('size: must be one of 1920x1080, 1080x1350, 1080x1920');
    expect((await get('?lang=fr')).status).toBe(400);

    for (const [size, width, height] of [['1080x1920', 1080, 1920], ['1920x1080', 1920, 1080]] as const) {
      const answer = await get(`?size=${size}&lang=en`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(await answer.arrayBuffer()));
      expect({ width: png.width, height: png.height }).toEqual({ width, height });
    }
  });
});
