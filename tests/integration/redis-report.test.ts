import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH } from '../../src/feed/setup/campaign-file.ts';
import { batchForKey, campaignTotalsOf, postIngest } from './helpers/ingest-batches.ts';
import { INGEST_TOKEN, postControl, useRedisFeeds } from './helpers/redis-feeds.ts';

const feeds = useRedisFeeds();
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redis-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run report` without npm: the same entry point through tsx; resolves with its exit code and output. */
function runReport(env: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/feed/bin.ts', 'report', ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run report with REDIS_URL', () => {
  it('reports the show every node committed to Redis: totals, adjustments and the goal, read from Redis alone', async () => {
    const campaign = feeds.freshCampaign();
    const [a, b] = [await feeds.startNode(campaign), await feeds.startNode(campaign)];
    const batches = Array.from({ length: 8 }, (_, index) => batchForKey(`${campaign.id}-report-${index}`, campaign));
    for (const [index, batch] of batches.entries()) expect((await postIngest([a, b][index % 2]!.url, INGEST_TOKEN, batch)).status).toBe(200);
    const adjustment = { idempotencyKey: 'report-match', kind: 'matching', amountMinor: 120_000, region: 'noto', reason: 'Sponsor match' };
    expect((await postControl(b.url, '/adjustments', adjustment)).status).toBe(200);
    expect((await postControl(a.url, '/goal', { goalMinor: 14_000_000 })).status).toBe(200);
    await vi.waitFor(() => expect(a.aggregator.state(null).donation.adjustmentsMinor).toBe(120_000));
    const onAir = a.aggregator.state(null).donation;

    // The campaign file of this test's campaign (its id names its keys in Redis).
    const campaignPath = join(dir, 'campaign.json');
    writeFileSync(campaignPath, JSON.stringify({ ...JSON.parse(readFileSync(SAMPLE_CAMPAIGN_PATH, 'utf8')), id: campaign.id }));
    const out = join(dir, 'reports');
    const run = await runReport({ REDIS_URL: feeds.redis.url }, ['--campaign', campaignPath, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`read from Redis at ${feeds.redis.url}`);

    const report = JSON.parse(readFileSync(join(out, `${campaign.id}-report.json`), 'utf8'));
    expect(report.totals).toEqual(campaignTotalsOf(batches));
    expect(report.donation).toMatchObject({ raisedMinor: onAir.raisedMinor, reactionsMinor: onAir.reactionsMinor, adjustmentsMinor: 120_000, goalMinor: 14_000_000 });
    expect(report.adjustments).toEqual([expect.objectContaining({ kind: 'matching', amountMinor: 120_000, region: 'noto', reason: 'Sponsor match' })]);
    expect(readFileSync(join(out, `${campaign.id}-report.csv`), 'utf8')).toContain('Sponsor match');
  });
});
