import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { ControlStatus, ShowClockState, type FeedError } from '../../src/protocol/index.ts';
import { readClock } from '../../src/show-clock/clock.ts';
import { api } from './helpers/control-client.ts';
import { connectClient, subscribe } from './helpers/feed-client.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const TOKEN = 'producer-token-for-tests-0123456789';
const servers: FeedServer[] = [];
const sockets: { close(): void }[] = [];
const dirs: string[] = [];

async function start(dir: string): Promise<FeedServer> {
  const feed = await startFeedServer({ campaign, log: () => {}, dataDir: dir, control: { token: TOKEN } });
  servers.push(feed);
  return feed;
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-love-clock-'));
  dirs.push(dir);
  return dir;
}

const post = async (feed: FeedServer, path: string, body: unknown = {}) => api(feed.url, `/api/control/clock${path}`, { token: TOKEN, body });

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('show clock on the feed', () => {
  it('set and start over the API reach an overlay, which reads the server time; a restart keeps it running', async () => {
    const dir = newDir();
    let feed = await start(dir);
    const overlay = await connectClient(feed.url);
    sockets.push(overlay);
    const states: ShowClockState[] = [];
    overlay.on('clock', (state) => states.push(ShowClockState.parse(state)));
    await subscribe(overlay, { v: 1, region: null });
    await vi.waitFor(() => expect(states).toHaveLength(1));
    expect(states[0]).toMatchObject({ runningSince: null, revision: 0 });

    expect((await post(feed, '/set', { mode: 'countdown', durationMs: 600_000, warnMs: 120_000 })).status).toBe(200);
    const started = ControlStatus.parse((await post(feed, '/start')).json);
    expect(started.clock).toMatchObject({ mode: 'countdown', durationMs: 600_000, warnMs: 120_000 });
    expect(started.clock.runningSince).not.toBeNull();
    await vi.waitFor(() => expect(states.at(-1)?.revision).toBe(started.clock.revision));

    const serverTime = await new Promise<number>((resolve) => overlay.emit('time', resolve));
    expect(Math.abs(serverTime - Date.now())).toBeLessThan(1_000);
    expect(readClock(states.at(-1)!, serverTime).shownMs).toBeLessThanOrEqual(600_000);

    await feed.close();
    servers.splice(0);
    feed = await start(dir);
    const status = ControlStatus.parse((await api(feed.url, '/api/control/status', { token: TOKEN })).json);
    expect(status.clock).toEqual(started.clock);
  });

  it('refuses a negative or missing countdown length, naming the field, and changes nothing', async () => {
    const feed = await start(newDir());
    await post(feed, '/set', { mode: 'elapsed' });
    const before = ControlStatus.parse((await api(feed.url, '/api/control/status', { token: TOKEN })).json).clock;
    const cases: [unknown, string][] = [
      [{ mode: 'countdown', durationMs: -1 }, 'durationMs: must not be negative'],
      [{ mode: 'countdown' }, 'durationMs: must be greater than 0 for a countdown'],
      [{ mode: 'countdown', durationMs: 90_000_000 }, 'durationMs: must be at most 86400000'],
      [{ mode: 'sideways', durationMs: 1 }, 'mode'],
      [{ mode: 'countdown', durationMs: 60_000, warnMs: -5 }, 'warnMs: must not be negative'],
    ];
    for (const [body, message] of cases) {
      const answer = await post(feed, '/set', body);
      expect(answer.status).toBe(400);
      expect((answer.json.error as FeedError).message).toContain(message);
    }
    expect(ControlStatus.parse((await api(feed.url, '/api/control/status', { token: TOKEN })).json).clock).toEqual(before);
  });
});

describe('the region on stage', () => {
  it('a producer puts a region on stage; overlays hear it; an unknown region is refused by name and changes nothing', async () => {
    const feed = await start(newDir());
    const overlay = await connectClient(feed.url);
    sockets.push(overlay);
    const heard: (string | null)[] = [];
    overlay.on('stageRegion', (state) => heard.push(state.region));
    await subscribe(overlay, { v: 1, region: null });
    await vi.waitFor(() => expect(heard).toEqual([null]));

    expect((await api(feed.url, '/api/control/stage-region', { token: TOKEN, body: { region: 'noto' } })).status).toBe(200);
    await vi.waitFor(() => expect(heard).toEqual([null, 'noto']));
    const refused = await api(feed.url, '/api/control/stage-region', { token: TOKEN, body: { region: 'osaka' } });
    expect(refused.status).toBe(400);
    expect((refused.json.error as FeedError).message).toBe('region: unknown region "osaka" (known: tohoku, kumamoto, noto, hiroshima, hokkaido)');
    expect(ControlStatus.parse((await api(feed.url, '/api/control/status', { token: TOKEN })).json).stageRegion).toEqual({ region: 'noto' });
  });

  it("the campaign state carries each region's amount for the board", async () => {
    const feed = await start(newDir());
    feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 1_234 });
    const state = feed.aggregator.state(null);
    expect(state.byRegionMinor).toEqual({ tohoku: 0, kumamoto: 0, noto: 1_234, hiroshima: 0, hokkaido: 0 });
    expect(feed.aggregator.state('noto').byRegionMinor).toEqual({ noto: 1_234 });
  });
});
