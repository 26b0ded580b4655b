import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { CampaignConfig, ControlStatus, FeedState, type FeedError } from '../../src/protocol/index.ts';
import { api } from './helpers/control-client.ts';
import { connectClient, nextEvent, subscribe } from './helpers/feed-client.ts';

/** The sample campaign (goal ¥20M, cap ¥25M) with two stretch goals. */
const campaign = CampaignConfig.parse({
  ...loadCampaignFile(SAMPLE_CAMPAIGN_PATH),
  stretchGoals: [
    { atMinor: 22_000_000, label: { ja: '漁港の再建', en: 'Rebuild the harbour' } },
    { atMinor: 24_000_000, label: { ja: '仮設校舎', en: 'A temporary school' } },
  ],
});
const TOKEN = 'producer-token-for-tests-0123456789';
const INGEST_TOKEN = 'ingest-token-0123456789abcdef';
const servers: FeedServer[] = [];
const sockets: { close(): void }[] = [];
const dirs: string[] = [];

async function start(dir: string): Promise<FeedServer> {
  const feed = await startFeedServer({ campaign, tickMs: 20, log: () => {}, dataDir: dir, control: { token: TOKEN }, ingest: { tokens: [INGEST_TOKEN] } });
  servers.push(feed);
  return feed;
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-love-stretch-'));
  dirs.push(dir);
  return dir;
}

/** Gifts worth `yen` (the sample rate is ¥1 a diamond), through the real ingest API. */
async function give(feed: FeedServer, key: string, yen: number): Promise<void> {
  const response = await fetch(`${feed.url}/api/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: key, source: 'stretch-test', reactions: [{ kind: 'gift', count: 1, diamonds: yen, region: 'noto', market: 'jp', eventId: key }] }),
  });
  expect(response.status).toBe(200);
}

async function state(feed: FeedServer): Promise<FeedState> {
  return FeedState.parse(await (await fetch(`${feed.url}/api/state`)).json());
}

const control = (feed: FeedServer, path: string, body: unknown) => api(feed.url, `/api/control${path}`, { token: TOKEN, body });

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('stretch goals on the feed', () => {
  it('a goal passed by ingest moves the goal in /api/state and in the overlay update, keeping the passed one', async () => {
    const feed = await start(newDir());
    const overlay = await connectClient(feed.url);
    sockets.push(overlay);
    await subscribe(overlay, { v: 1, region: null });

    await give(feed, 'most-of-it', 19_000_000);
    expect((await state(feed)).donation).toMatchObject({ goalMinor: 20_000_000, passedGoalMinor: null, goalsPassed: 0, goalLabel: null });

    const update = nextEvent(overlay, 'update');
    await give(feed, 'past-the-goal', 1_500_000);
    expect((await update).donation).toMatchObject({ raisedMinor: 20_500_000, goalMinor: 22_000_000, passedGoalMinor: 20_000_000, goalsPassed: 1 });
    expect((await state(feed)).donation).toMatchObject({ goalMinor: 22_000_000, goalLabel: { en: 'Rebuild the harbour' } });

    // Past the last stretch goal, the cap is the end.
    await give(feed, 'past-the-last', 4_000_000);
    expect((await state(feed)).donation).toMatchObject({ raisedMinor: 24_500_000, goalMinor: 25_000_000, passedGoalMinor: 24_000_000, goalsPassed: 3, goalLabel: null });
  });

  it('a producer sets the next goal; it survives a restart and the goal moves on to it', async () => {
    const dir = newDir();
    let feed = await start(dir);
    await give(feed, 'past-the-goal', 20_100_000);
    const answer = await control(feed, '/goal/next', { atMinor: 21_000_000, label: { ja: '追加目標', en: 'Extra stretch' } });
    expect(answer.status).toBe(200);
    const status = ControlStatus.parse(answer.json);
    expect(status.goal).toMatchObject({ goalMinor: 21_000_000, firstGoalMinor: 20_000_000, passedGoalMinor: 20_000_000 });
    // It replaced the stretch goal the meter was heading for.
    expect(status.goal.stretchGoals.map((goal) => goal.atMinor)).toEqual([21_000_000, 24_000_000]);
    const belowRaised = await control(feed, '/goal/next', { atMinor: 20_050_000 });
    expect((belowRaised.json.error as FeedError).message).toBe('atMinor: must be above the amount raised (20100000)');

    await feed.close();
    servers.splice(0);
    feed = await start(dir);
    expect((await state(feed)).donation).toMatchObject({ goalMinor: 21_000_000, goalLabel: { en: 'Extra stretch' }, passedGoalMinor: 20_000_000 });
    await give(feed, 'past-the-extra', 1_000_000);
    expect((await state(feed)).donation).toMatchObject({ goalMinor: 24_000_000, passedGoalMinor: 21_000_000, goalsPassed: 2 });
  });

  it('refuses a next goal above the cap or not above the goal on air, naming the field, and changes nothing', async () => {
    const feed = await start(newDir());
    const before = await state(feed);
    const cases: [unknown, string][] = [
      [{ atMinor: 25_000_001 }, 'atMinor: must not exceed the cap (25000000)'],
      [{ atMinor: 20_000_000 }, 'atMinor: must be above the first goal (20000000)'],
      [{ atMinor: -5 }, 'atMinor: must not be negative'],
      [{ atMinor: 21_000_000, label: 'big' }, 'label'],
    ];
    for (const [body, message] of cases) {
      const answer = await control(feed, '/goal/next', body);
      expect(answer.status).toBe(400);
      expect((answer.json.error as FeedError).message).toContain(message);
    }
    const status = ControlStatus.parse((await api(feed.url, '/api/control/status', { token: TOKEN })).json);
    expect(status.goal.stretchGoals.map((goal) => goal.atMinor)).toEqual([22_000_000, 24_000_000]);
    expect((await state(feed)).donation).toEqual(before.donation);
  });
});
