import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import type { FeedError, IngestBatch } from '../../src/protocol/index.ts';
import { connectClient, type OverlayClient } from './helpers/feed-client.ts';

/**
 * 10,000 hostile inputs against a real feed server: 6,000 HTTP bodies to the ingest API and 4,000
 * socket.io messages. Each must be refused with a clear error; the server must stay up; the totals and
 * the seq must not move. Seeded, so a failure replays.
 */
const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const INGEST_TOKEN = 'fuzz-ingest-token-0123456789';
const HTTP_CASES = 6_000;
const SOCKET_CASES = 4_000;
const SEED = 20240311;

let workDir: string;
let feed: FeedServer;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const logged: string[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'fuzz-'));
  feed = await startFeedServer({
    campaign,
    tickMs: 3_600_000,
    dataDir: join(workDir, 'data'),
    ingest: { tokens: [INGEST_TOKEN], requestsPerSecond: 100_000, burst: 100_000 },
    log: (line) => logged.push(line),
  });
  // Something to protect: the totals must still be exactly these at the end.
  const seeded = await post(JSON.stringify(validBatch('seed-batch')));
  expect(seeded.status).toBe(200);
});
afterAll(async () => {
  agent.destroy();
  await feed?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function validBatch(key: string): IngestBatch {
  return {
    idempotencyKey: key,
    source: 'fuzz',
    reactions: [
      { kind: 'like', count: 10, region: 'tohoku', market: 'jp', eventId: 'a' },
      { kind: 'gift', count: 1, diamonds: 5, region: 'noto', market: 'us', eventId: 'b' },
    ],
  };
}

function post(body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL('/api/ingest', feed.url),
      { method: 'POST', agent, headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

// ---- hostile HTTP bodies: every generator yields something that must be refused ----
const oddText = fc.string({ unit: fc.constantFrom('grapheme', 'binary', 'grapheme-composite') as fc.Arbitrary<'grapheme'>, maxLength: 40 });
const badCount = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e300, 1_000_000_001, 0),
  oddText,
  fc.constant(null),
  fc.array(fc.nat(), { maxLength: 3 }),
);
const reaction = { kind: 'like', count: 3, region: 'tohoku', market: 'jp', eventId: 'x' };
const badReaction = fc.oneof(
  badCount.map((count) => ({ ...reaction, count })),
  oddText.filter((region) => !campaign.regions.some((r) => r.id === region)).map((region) => ({ ...reaction, region })),
  oddText.filter((market) => !campaign.markets.some((m) => m.id === market)).map((market) => ({ ...reaction, market })),
  oddText.filter((kind) => !['like', 'comment', 'gift', 'share'].includes(kind)).map((kind) => ({ ...reaction, kind })),
  fc.constantFrom('kind', 'count', 'region', 'market', 'eventId').map((field) => Object.fromEntries(Object.entries(reaction).filter(([key]) => key !== field))),
  fc.jsonValue().map((extra) => ({ ...reaction, extra })),
  fc.jsonValue({ depthSize: 'large' }).filter((value) => JSON.stringify(value) !== JSON.stringify(reaction)),
);
const badBatch = fc.oneof(
  fc.array(badReaction, { minLength: 1, maxLength: 5 }).chain((bad) =>
    fc.nat({ max: 3 }).map((at) => ({ ...validBatch(`fuzz-${at}`), reactions: [...validBatch('x').reactions.slice(0, at % 3), ...bad] })),
  ),
  oddText.filter((key) => !/^[\x21-\x7e]{1,128}$/.test(key)).map((idempotencyKey) => ({ ...validBatch('x'), idempotencyKey })),
  fc.constant({ ...validBatch('fuzz-empty'), reactions: [] }),
  fc.jsonValue({ depthSize: 'medium' }),
  fc.dictionary(oddText, fc.jsonValue()),
);
const hostileBody: fc.Arbitrary<{ body: string | Buffer; headers?: Record<string, string> }> = fc.oneof(
  { weight: 5, arbitrary: badBatch.map((value) => ({ body: JSON.stringify(value) ?? 'undefined' })) },
  // Broken JSON: a strict prefix of a valid batch's text is never valid JSON.
  { weight: 2, arbitrary: fc.nat().map((cut) => { const text = JSON.stringify(validBatch('broken')); return { body: text.slice(0, cut % text.length) }; }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({ body: Buffer.from(bytes) })) },
  { weight: 1, arbitrary: oddText.map((text) => ({ body: text.length > 0 ? text : '"' })) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((depth) => ({ body: '['.repeat(depth) + ']'.repeat(depth) })) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((depth) => ({ body: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) })) },
  { weight: 1, arbitrary: badBatch.map((value) => ({ body: JSON.stringify(value) ?? '1', headers: { 'content-type': 'text/plain' } })) },
);

describe('fuzz: hostile input changes nothing and always gets a clear error', () => {
  it(`${HTTP_CASES} hostile ingest bodies, and a few of 10 MB`, async () => {
    const before = feed.aggregator.state(null);
    const cases = fc.sample(hostileBody, { numRuns: HTTP_CASES, seed: SEED });
    const unclear: string[] = [];
    for (let start = 0; start < cases.length; start += 16) {
      const answers = await Promise.all(cases.slice(start, start + 16).map(({ body, headers }) => post(body, headers)));
      answers.forEach((answer, index) => {
        let message: unknown;
        try {
          message = (JSON.parse(answer.body) as { error: FeedError }).error.message;
        } catch {
          message = undefined;
        }
        if (![400, 413, 415].includes(answer.status) || typeof message !== 'string' || message.length < 10) {
          unclear.push(`${answer.status} ${answer.body.slice(0, 200)} for ${String(cases[start + index]!.body).slice(0, 200)}`);
        }
      });
    }
    expect(unclear).toEqual([]);
    for (let i = 0; i < 3; i++) {
      const answer = await post(Buffer.alloc(10 * 1024 * 1024, '['));
      expect(answer.status).toBe(413);
      expect(answer.body).toMatch(/body: larger than 262144 bytes/);
    }
    const after = feed.aggregator.state(null);
    expect(after.totals).toEqual(before.totals);
    expect(after.seq).toBe(before.seq);
    expect((await fetch(`${feed.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it(`${SOCKET_CASES} hostile socket messages`, async () => {
    const before = feed.aggregator.state(null);
    const hostileMessage = fc.oneof(
      fc.anything().map((payload) => ({ event: 'subscribe', args: [payload] })),
      fc.record({ v: fc.anything(), region: fc.anything() }).map((payload) => ({ event: 'subscribe', args: [payload] })),
      oddText.filter((region) => !campaign.regions.some((r) => r.id === region)).map((region) => ({ event: 'subscribe', args: [{ v: 1, region }] })),
      fc.tuple(oddText.filter((name) => name !== 'subscribe' && name.length > 0), fc.array(fc.jsonValue(), { maxLength: 3 })).map(([event, args]) => ({ event, args })),
    );
    const cases = fc.sample(hostileMessage, { numRuns: SOCKET_CASES, seed: SEED });
    const clients: OverlayClient[] = await Promise.all([0, 1, 2, 3].map(() => connectClient(feed.url)));
    const unclear: string[] = [];
    try {
      for (let start = 0; start < cases.length; start += 100) {
        const slice = cases.slice(start, start + 100);
        const answers = await Promise.all(
          slice.map(({ event, args }, index) => {
            const client = clients[index % clients.length]!;
            return (client.timeout(5_000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> })
              .emitWithAck(event, ...args)
              .catch((error: Error) => ({ ok: 'no answer', error: { message: error.message } }));
          }),
        );
        answers.forEach((answer, index) => {
          const result = answer as { ok: unknown; error?: FeedError };
          if (result.ok !== false || typeof result.error?.message !== 'string' || result.error.message.length < 10) {
            unclear.push(`${JSON.stringify(answer).slice(0, 200)} for ${JSON.stringify(slice[index]).slice(0, 200)}`);
          }
        });
      }
      // A message beyond the size limit: engine.io drops the connection rather than parse it.
      const victim = clients[0]!;
      const dropped = new Promise((resolve) => victim.once('disconnect', resolve));
      victim.emit('subscribe', { v: 1, region: 'x'.repeat(200_000) });
      await dropped;
    } finally {
      for (const client of clients) client.close();
    }
    expect(unclear).toEqual([]);
    const after = feed.aggregator.state(null);
    expect(after.totals).toEqual(before.totals);
    expect(after.seq).toBe(before.seq);
    // Still serving: a new overlay subscribes fine.
    const fresh = await connectClient(feed.url);
    const ack = await (fresh as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<{ ok: boolean }> }).emitWithAck('subscribe', { v: 1, region: null });
    fresh.close();
    expect(ack.ok).toBe(true);
  }, 120_000);
});
