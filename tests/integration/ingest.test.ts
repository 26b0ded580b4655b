import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../../src/feed/server.ts';
import { IngestAck, type IngestBatch } from '../../src/protocol/index.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const INGEST_TOKEN = 'ingest-token-0123456789abcdef';
const CONTROL_TOKEN = 'control-token-0123456789abcdef';
const MANUAL_TICKS = 3_600_000;

let dataRoot: string;
const servers: FeedServer[] = [];
const logged: string[] = [];
beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), 'ingest-test-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
});
afterAll(() => rm(dataRoot, { recursive: true, force: true }));

let dirCount = 0;
const freshDir = () => join(dataRoot, `data-${dirCount++}`);

async function start(options: Partial<FeedServerOptions> = {}): Promise<FeedServer> {
  const feed = await startFeedServer({
    campaign,
    tickMs: MANUAL_TICKS,
    log: (line) => logged.push(line),
    dataDir: freshDir(),
    ingest: { tokens: [INGEST_TOKEN] },
    control: { token: CONTROL_TOKEN },
    ...options,
  });
  servers.push(feed);
  return feed;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => any;
}

/** A raw HTTP request, so a test controls every header (Origin, Content-Length) and the exact body bytes. */
function send(url: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(init.path ?? '/api/ingest', url);
    const request = httpRequest(target, { method: init.method ?? 'POST', headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json: () => JSON.parse(body) });
      });
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

const authorised = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json', ...extra });

function batch(key: string, overrides: Partial<IngestBatch> = {}): IngestBatch {
  return {
    idempotencyKey: key,
    source: 'tiktok-bridge',
    reactions: [
      { kind: 'like', count: 250, region: 'tohoku', market: 'jp', eventId: 'e1' },
      { kind: 'comment', count: 3, region: 'tohoku', market: 'tw', eventId: 'e2' },
      { kind: 'gift', count: 2, diamonds: 198, region: 'noto', market: 'jp', eventId: 'e3' },
      { kind: 'share', count: 1, region: 'noto', market: 'us', eventId: 'e4' },
    ],
    ...overrides,
  };
}

const ingest = (feed: FeedServer, body: unknown, headers: Record<string, string> = authorised()) => send(feed.url, { headers, body: JSON.stringify(body) });
const campaignTotals = (feed: FeedServer) => feed.aggregator.state(null).totals;
const ZERO = { likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };

describe('POST /api/ingest', () => {
  it('counts an accepted batch once it is durable, and keeps it across a restart', async () => {
    const dataDir = freshDir();
    const feed = await start({ dataDir });
    const answer = await ingest(feed, batch('batch-0001'));
    expect(answer.status).toBe(200);
    expect(IngestAck.parse(answer.json())).toMatchObject({ ok: true, duplicate: false, idempotencyKey: 'batch-0001', counted: 256 });
    const expected = { likes: 250, comments: 3, gifts: 2, giftDiamonds: 198, shares: 1 };
    expect(campaignTotals(feed)).toEqual(expected);
    expect(feed.aggregator.cell('noto', 'jp')).toEqual({ ...ZERO, gifts: 2, giftDiamonds: 198 });
    await feed.close();

    const restarted = await start({ dataDir });
    expect(campaignTotals(restarted)).toEqual(expected);
    // The key survived too: the retry of a batch acknowledged before the restart counts nothing.
    const retry = await ingest(restarted, batch('batch-0001'));
    expect(retry.json()).toMatchObject({ duplicate: true, counted: 0 });
    expect(campaignTotals(restarted)).toEqual(expected);
  });

  it('counts a batch retried concurrently and later exactly once', async () => {
    const feed = await start();
    const answers = await Promise.all(Array.from({ length: 5 }, () => ingest(feed, batch('same-key-42'))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((answer) => answer.json().duplicate === false)).toHaveLength(1);
    expect(campaignTotals(feed).likes).toBe(250);
  });

  it('refuses a missing or wrong token with 401, counting nothing', async () => {
    const feed = await start();
    for (const headers of [{ 'content-type': 'application/json' }, authorised({ authorization: `Bearer ${INGEST_TOKEN}x` }), authorised({ authorization: `Bearer ${CONTROL_TOKEN}` })]) {
      const answer = await ingest(feed, batch('no-token-batch'), headers);
      expect(answer.status).toBe(401);
      expect(answer.json().error.message).toMatch(/Authorization: Bearer/);
    }
    expect(campaignTotals(feed)).toEqual(ZERO);
  });

  it('refuses bad bodies with 400/413/415 and a message naming the problem, counting nothing', async () => {
    const feed = await start({ ingest: { tokens: [INGEST_TOKEN], maxBodyBytes: 4096 } });
    const cases: [string | Buffer, number, RegExp, Record<string, string>?][] = [
      ['{"idempotencyKey": "k1",', 400, /body: not valid JSON/],
      [JSON.stringify(batch('k2', { reactions: [{ kind: 'like', count: 1.5, region: 'tohoku', market: 'jp', eventId: 'x' }] })), 400, /reactions\.0\.count: must be a whole number/],
      [JSON.stringify(batch('k3', { reactions: [{ kind: 'like', count: -4, region: 'tohoku', market: 'jp', eventId: 'x' }] })), 400, /reactions\.0\.count: must not be negative/],
      [JSON.stringify(batch('k4', { reactions: [{ kind: 'like', count: 1, region: 'atlantis', market: 'jp', eventId: 'x' }] })), 400, /reactions\.0\.region: unknown region "atlantis" \(known: tohoku/],
      [JSON.stringify(batch('k5', { reactions: [{ kind: 'like', count: 1, diamonds: 5, region: 'tohoku', market: 'jp', eventId: 'x' }] })), 400, /reactions\.0\.diamonds: only gifts carry diamonds/],
      [JSON.stringify({ ...batch('k6'), idempotencyKey: undefined }), 400, /idempotencyKey: must be a string/],
      [JSON.stringify(batch('k7', { reactions: [{ kind: 'like', count: 1, region: 'tohoku', market: 'jp', eventId: 'a' }, { kind: 'like', count: 1, region: 'tohoku', market: 'jp', eventId: 'a' }] })), 400, /reactions\.1\.eventId: repeats reactions\.0\.eventId/],
      [Buffer.alloc(5000, 0x20), 413, /body: larger than 4096 bytes/],
      [JSON.stringify(batch('k8')), 415, /content-type application\/json/, { 'content-type': 'text/plain' }],
    ];
    for (const [body, status, message, headers] of cases) {
      const answer = await send(feed.url, { headers: authorised(headers), body });
      expect({ status: answer.status, message: answer.json().error.message }).toEqual({ status, message: expect.stringMatching(message) });
    }
    expect(campaignTotals(feed)).toEqual(ZERO);
  });

  it('refuses an oversized body sent without a Content-Length (chunked) with 413', async () => {
    const feed = await start({ ingest: { tokens: [INGEST_TOKEN], maxBodyBytes: 1024 } });
    const answer = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(new URL('/api/ingest', feed.url), { method: 'POST', headers: authorised({ 'transfer-encoding': 'chunked' }) }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      for (let i = 0; i < 10; i++) request.write(Buffer.alloc(500, 0x20));
      request.end();
    });
    expect(answer).toBe(413);
  });

  it('rate-limits each token: 429 with Retry-After once the burst is spent', async () => {
    const feed = await start({ ingest: { tokens: [INGEST_TOKEN, 'second-token-0123456789'], requestsPerSecond: 1, burst: 3 } });
    const statuses: number[] = [];
    let retryAfter: unknown;
    for (let i = 0; i < 5; i++) {
      const answer = await ingest(feed, batch(`rate-${i}`));
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = answer.headers['retry-after'];
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another token has its own bucket.
    expect((await ingest(feed, batch('rate-other'), authorised({ authorization: 'Bearer second-token-0123456789' }))).status).toBe(200);
    expect(campaignTotals(feed).likes).toBe(4 * 250);
  });

  it('refuses pages from a foreign origin with 403, and allows its own and listed ones', async () => {
    const feed = await start({ allowedOrigins: ['https://studio.example'] });
    const host = new URL(feed.url).host;
    const foreign = await ingest(feed, batch('origin-1'), authorised({ origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(foreign.json().error.message).toMatch(/origin https:\/\/evil\.example may not call \/api\/ingest: add it to ALLOWED_ORIGINS/);
    const control = await send(feed.url, { method: 'GET', path: '/api/control/status', headers: { authorization: `Bearer ${CONTROL_TOKEN}`, origin: 'https://evil.example' } });
    expect(control.status).toBe(403);
    expect((await ingest(feed, batch('origin-2'), authorised({ origin: `http://${host}` }))).status).toBe(200);
    expect((await ingest(feed, batch('origin-3'), authorised({ origin: 'https://studio.example' }))).status).toBe(200);
    expect(campaignTotals(feed).likes).toBe(2 * 250);
  });

  it('answers 503, counting nothing, when the store can no longer write', async () => {
    const feed = await start();
    expect((await ingest(feed, batch('before-close'))).status).toBe(200);
    await feed.totals.store.close();
    const answer = await ingest(feed, batch('after-close'));
    expect(answer.status).toBe(503);
    expect(answer.json().error.message).toMatch(/retry with the same idempotencyKey/);
    expect(campaignTotals(feed).likes).toBe(250);
  });
});

describe('durable sources, settings and the audit report', () => {
  it('journals the simulator: what the overlay showed is there after a restart', async () => {
    const dataDir = freshDir();
    const feed = await start({ dataDir, simulator: { intervalMs: 10, likesPerSecond: 20_000 } });
    await vi.waitFor(() => expect(campaignTotals(feed).likes).toBeGreaterThan(1000), { timeout: 5000 });
    await feed.close();
    const shown = campaignTotals(feed);
    const restarted = await start({ dataDir });
    expect(campaignTotals(restarted)).toEqual(shown);
  });

  it('keeps the goal a producer set across a restart', async () => {
    const dataDir = freshDir();
    const feed = await start({ dataDir });
    const answer = await send(feed.url, {
      path: '/api/control/goal',
      headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ goalMinor: 12_345_600 }),
    });
    expect(answer.status).toBe(200);
    await feed.close();
    const restarted = await start({ dataDir });
    expect(restarted.aggregator.goalMinor).toBe(12_345_600);
  });

  it('serves the audit report as JSON and CSV to token holders only', async () => {
    const feed = await start();
    await ingest(feed, batch('report-1'));
    expect((await send(feed.url, { method: 'GET', path: '/api/report.json' })).status).toBe(401);
    const json = await send(feed.url, { method: 'GET', path: '/api/report.json', headers: { authorization: `Bearer ${CONTROL_TOKEN}` } });
    expect(json.status).toBe(200);
    const report = json.json();
    // 250 likes -> 25, 3 comments -> 15, 1 share -> 10, 198 diamonds -> 198.
    expect(report.donation).toMatchObject({ raisedMinor: 248, earnedUncappedMinor: '248', earnedByKindMinor: { likes: '25', comments: '15', shares: '10', giftDiamonds: '198' } });
    expect(report.byRegion.noto.totals).toEqual({ ...ZERO, gifts: 2, giftDiamonds: 198, shares: 1 });
    const csv = await send(feed.url, { method: 'GET', path: '/api/report.csv', headers: { authorization: `Bearer ${INGEST_TOKEN}` } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.section === 'donation-raised')?.amountMinor).toBe('248');
    expect(rows.find((row) => row.section === 'cell' && row.region === 'tohoku' && row.market === 'jp')?.likes).toBe('250');
    const timeline = await send(feed.url, { method: 'GET', path: '/api/report-timeline.csv', headers: { authorization: `Bearer ${CONTROL_TOKEN}` } });
    expect(timeline.headers['content-disposition']).toContain('-timeline.csv');
    const minutes = parseCsv(timeline.body, { columns: true }) as Record<string, string>[];
    expect(minutes).toHaveLength(1);
    expect(minutes[0]).toMatchObject({ likes: '250', raisedMinor: '248' });
  });

  it('sends the security headers, and nothing that carries a token', async () => {
    const feed = await start();
    const answer = await send(feed.url, { method: 'GET', path: '/api/state' });
    expect(answer.headers['content-security-policy']).toMatch(/default-src 'self'.*connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+.*frame-ancestors 'self'/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(logged.join('\n')).not.toContain(INGEST_TOKEN);
    expect(logged.join('\n')).not.toContain(CONTROL_TOKEN);
  });
});
