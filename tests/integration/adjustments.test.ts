import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { ControlStatus } from '../../src/protocol/index.ts';
import { api } from './helpers/control-client.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const TOKEN = 'producer-token-for-tests-0123456789';
const INGEST = 'ingest-token-for-tests-0123456789';
const servers: FeedServer[] = [];
const dirs: string[] = [];

async function start(dir: string): Promise<FeedServer> {
  const feed = await startFeedServer({ campaign, tickMs: 20, log: () => {}, dataDir: dir, control: { token: TOKEN }, ingest: { tokens: [INGEST] } });
  servers.push(feed);
  return feed;
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-love-adjustments-'));
  dirs.push(dir);
  return dir;
}

const add = (feed: FeedServer, body: Record<string, unknown>) => api(feed.url, '/api/control/adjustments', { token: TOKEN, body });
const voidIt = (feed: FeedServer, body: Record<string, unknown>) => api(feed.url, '/api/control/adjustments/void', { token: TOKEN, body });
const donation = (feed: FeedServer, scope: string | null = null) => feed.aggregator.state(scope).donation;

afterEach(async () => {
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('adjustments through the control API', () => {
  it('adds a matching gift after the cap, shows it in the campaign and region amounts, and survives a restart', async () => {
    const dir = newDir();
    const feed = await start(dir);
    // Reactions worth more than the cap: the cap binds them, the sponsor's match comes on top.
    await feed.totals.commit({ source: 'test', deltas: [{ region: 'tohoku', market: 'jp', likes: 0, comments: 0, gifts: 1, giftDiamonds: campaign.capMinor + 5, shares: 0 }] });
    const answer = await add(feed, { idempotencyKey: 'match-1', kind: 'matching', amountMinor: 1_000_000, region: 'tohoku', reason: 'Sponsor matches the first ¥1,000,000' });
    expect(answer.status).toBe(200);
    const status = ControlStatus.parse(answer.json);
    expect(status.adjustments).toHaveLength(1);
    expect(status.adjustments[0]).toMatchObject({ kind: 'matching', amountMinor: 1_000_000, region: 'tohoku', key: 'match-1', voided: null });
    expect(donation(feed)).toMatchObject({ reactionsMinor: campaign.capMinor, adjustmentsMinor: 1_000_000, raisedMinor: campaign.capMinor + 1_000_000 });
    expect(donation(feed, 'tohoku')).toMatchObject({ adjustmentsMinor: 1_000_000, raisedMinor: campaign.capMinor + 1_000_000 });
    expect(donation(feed, 'kumamoto')).toMatchObject({ adjustmentsMinor: 0, raisedMinor: 0 });

    await feed.close();
    servers.splice(0);
    const again = await start(dir);
    expect(donation(again)).toEqual(donation(feed));
    expect(again.aggregator.ledger.list()).toEqual(status.adjustments);
  });

  it('counts an adjustment retried under the same key once, and refuses the key for a different adjustment', async () => {
    const feed = await start(newDir());
    const body = { idempotencyKey: 'box-1', kind: 'offline', amountMinor: 52_300, region: null, reason: 'Donation box at the venue' };
    expect((await add(feed, body)).status).toBe(200);
    expect((await add(feed, body)).status).toBe(200);
    expect(feed.aggregator.ledger.list()).toHaveLength(1);
    expect(donation(feed).raisedMinor).toBe(52_300);
    const reused = await add(feed, { ...body, amountMinor: 1 });
    expect(reused.status).toBe(400);
    expect(JSON.stringify(reused.json)).toContain('idempotencyKey');
    expect(donation(feed).raisedMinor).toBe(52_300);
  });

  it('voids an adjustment with a reason (journaled, never deleted), once, and a void lowers the amount', async () => {
    const dir = newDir();
    const feed = await start(dir);
    await add(feed, { idempotencyKey: 'test-1', kind: 'offline', amountMinor: 9_999, reason: 'Rehearsal test' });
    const [made] = feed.aggregator.ledger.list();
    const voided = await voidIt(feed, { idempotencyKey: 'void-1', adjustmentId: made!.id, reason: 'It was a rehearsal' });
    expect(voided.status).toBe(200);
    expect(ControlStatus.parse(voided.json).adjustments[0]).toMatchObject({ id: made!.id, amountMinor: 9_999, voided: { reason: 'It was a rehearsal' } });
    expect(donation(feed).raisedMinor).toBe(0);
    const twice = await voidIt(feed, { idempotencyKey: 'void-2', adjustmentId: made!.id, reason: 'again' });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.json)).toContain('adjustmentId');
    await feed.close();
    servers.splice(0);
    const again = await start(dir);
    expect(again.aggregator.ledger.entries().map((entry) => entry.op)).toEqual(['add', 'void']);
    expect(donation(again).raisedMinor).toBe(0);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const feed = await start(newDir());
    await add(feed, { idempotencyKey: 'ok-1', kind: 'matching', amountMinor: 100, reason: 'base' });
    const before = feed.aggregator.state(null);
    const cases: [Record<string, unknown>, string][] = [
      [{ idempotencyKey: 'b1', kind: 'matching', amountMinor: 10.5, reason: 'x' }, 'amountMinor'],
      [{ idempotencyKey: 'b2', kind: 'matching', amountMinor: '100', reason: 'x' }, 'amountMinor'],
      [{ idempotencyKey: 'b3', kind: 'offline', amountMinor: -5, reason: 'x' }, 'amountMinor'],
      [{ idempotencyKey: 'b4', kind: 'matching', amountMinor: 5, region: 'atlantis', reason: 'x' }, 'region'],
      [{ idempotencyKey: 'b5', kind: 'bonus', amountMinor: 5, reason: 'x' }, 'kind'],
      [{ idempotencyKey: 'b6', kind: 'matching', amountMinor: 5, reason: '  ' }, 'reason'],
      [{ kind: 'matching', amountMinor: 5, reason: 'x' }, 'idempotencyKey'],
      [{ idempotencyKey: 'b8', kind: 'correction', amountMinor: -101, reason: 'too much' }, 'amountMinor'],
      [{ idempotencyKey: 'b9', kind: 'matching', amountMinor: Number.MAX_SAFE_INTEGER, reason: 'x' }, 'amountMinor'],
    ];
    for (const [body, field] of cases) {
      const answer = await add(feed, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((answer.json as { error: { message: string } }).error.message, JSON.stringify(body)).toContain(`${field}:`);
    }
    const unknown = await voidIt(feed, { idempotencyKey: 'v1', adjustmentId: 'adj-000000000000', reason: 'x' });
    expect(unknown.status).toBe(400);
    expect((unknown.json as { error: { message: string } }).error.message).toContain('adjustmentId: there is no adjustment adj-000000000000');
    expect(feed.aggregator.state(null)).toMatchObject({ seq: before.seq, donation: before.donation });
    expect(feed.aggregator.ledger.list()).toHaveLength(1);
    // A correction down to exactly zero is allowed.
    expect((await add(feed, { idempotencyKey: 'c1', kind: 'correction', amountMinor: -100, reason: 'Undo the base' })).status).toBe(200);
    expect(donation(feed)).toMatchObject({ raisedMinor: 0, adjustmentsMinor: 0 });
  });
});
