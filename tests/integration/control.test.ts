import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { BIG_GIFT_DIAMONDS } from '../../src/feed/control/test-reactions.ts';
import { ControlStatus, LowerThirdState, type FeedState } from '../../src/protocol/index.ts';
import { api, connectControl, sendCommand, type ControlClient } from './helpers/control-client.ts';
import { barrier, connectClient, nextEvent, subscribe, type OverlayClient } from './helpers/feed-client.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const TOKEN = 'producer-token-for-tests-0123456789';
const MANUAL_TICKS = 3_600_000;
const dataDirs: string[] = [];
const servers: FeedServer[] = [];
const sockets: { close(): void }[] = [];

/** A feed with control on, keeping totals and settings in its journal in `dir`, as `npm start` does. */
async function start(dir = newDataDir()): Promise<{ feed: FeedServer; dir: string }> {
  const feed = await startFeedServer({ campaign, tickMs: MANUAL_TICKS, log: () => {}, dataDir: dir, control: { token: TOKEN } });
  servers.push(feed);
  return { feed, dir };
}

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-love-control-'));
  dataDirs.push(dir);
  return dir;
}

/** An overlay that subscribed and received its first lowerThird state. */
async function overlay(feed: FeedServer): Promise<{ socket: OverlayClient; states: LowerThirdState[] }> {
  const socket = await connectClient(feed.url);
  sockets.push(socket);
  const states: LowerThirdState[] = [];
  socket.on('lowerThird', (state) => states.push(LowerThirdState.parse(state)));
  await subscribe(socket, { v: 1, region: null });
  await vi.waitFor(() => expect(states).toHaveLength(1));
  return { socket, states };
}

/** A control socket; `null` connects without any token. */
async function control(feed: FeedServer, token: string | null = TOKEN): Promise<ControlClient> {
  const socket = await connectControl(feed.url, token ?? undefined);
  sockets.push(socket);
  return socket;
}

async function stop(feed: FeedServer): Promise<void> {
  await feed.close();
  servers.splice(servers.indexOf(feed), 1);
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
});
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('control API: a command reaches the overlays', () => {
  it('an overlay gets the (empty) lower third on subscribe, then the card a producer shows over HTTP', async () => {
    const { feed } = await start();
    const { states } = await overlay(feed);
    expect(states[0]).toMatchObject({ phase: 'hidden', current: null, revision: 0 });

    const response = await api(feed.url, '/api/control/lower-third/show', { token: TOKEN, body: { rosterId: 'aoi-sato' } });
    expect(response.status).toBe(200);
    const status = ControlStatus.parse(response.json);
    expect(status.lowerThird.current).toMatchObject({ nameJa: '佐藤 葵', region: { id: 'tohoku', name: { en: 'Tohoku' } } });

    await vi.waitFor(() => expect(states).toHaveLength(2));
    expect(states[1]).toEqual(status.lowerThird);
  });

  it('update, queue, next and hide all reach the overlay, in order', async () => {
    const { feed } = await start();
    const { states } = await overlay(feed);
    const post = (path: string, body?: unknown) => api(feed.url, `/api/control${path}`, { token: TOKEN, body: body ?? {} });

    expect((await post('/lower-third/show', { rosterId: 'aoi-sato' })).status).toBe(200);
    expect((await post('/lower-third/update', { patch: { title: { ja: '歌手', en: 'Singer' } } })).status).toBe(200);
    expect((await post('/lower-third/queue', { op: 'add', rosterId: 'kenta-takamori' })).status).toBe(200);
    expect((await post('/lower-third/next')).status).toBe(200);
    expect((await post('/lower-third/hide')).status).toBe(200);

    await vi.waitFor(() => expect(states).toHaveLength(6));
    const [, shown, updated, queued, next, hidden] = states;
    expect(updated!.current?.cueId).toBe(shown!.current?.cueId);
    expect(updated!.current?.title.en).toBe('Singer');
    expect(queued!.queue.map((card) => card.nameJa)).toEqual(['高森 健太']);
    expect(next!.current).toMatchObject({ nameJa: '高森 健太' });
    expect(next!.current?.cueId).not.toBe(shown!.current?.cueId);
    expect(hidden).toMatchObject({ phase: 'hidden', current: null, queue: [] });
  });

  it('takes any command on POST /api/control/command and shows an inline card', async () => {
    const { feed } = await start();
    const card = { nameJa: '山田 花子', nameLatin: 'Hanako Yamada', title: { ja: '市長', en: 'Mayor' }, region: 'noto' };
    const response = await api(feed.url, '/api/control/command', { token: TOKEN, body: { type: 'show', card } });
    expect(response.status).toBe(200);
    expect(ControlStatus.parse(response.json).lowerThird.current).toMatchObject({ rosterId: null, nameLatin: 'Hanako Yamada', region: { name: { ja: '能登' } } });
  });
});

describe('control API: refusals change nothing', () => {
  it('refuses a request without a token, or with a wrong one, with 401, and nothing changes', async () => {
    const { feed } = await start();
    const { socket, states } = await overlay(feed);

    const withoutToken = await api(feed.url, '/api/control/lower-third/show', { body: { rosterId: 'aoi-sato' } });
    const wrongToken = await api(feed.url, '/api/control/lower-third/show', { token: `${TOKEN}x`, body: { rosterId: 'aoi-sato' } });
    const shortToken = await api(feed.url, '/api/control/goal', { token: 'x', body: { goalMinor: 1 } });
    const statusRead = await api(feed.url, '/api/control/status');
    for (const response of [withoutToken, wrongToken, shortToken, statusRead]) {
      expect(response.status).toBe(401);
      expect(response.json).toEqual({ error: { code: 'unauthorised', message: expect.stringMatching(/Authorization: Bearer/) } });
    }
    expect(withoutToken.headers.get('www-authenticate')).toMatch(/^Bearer/);

    await barrier(socket);
    expect(states).toHaveLength(1);
    const status = ControlStatus.parse((await api(feed.url, '/api/control/status', { token: TOKEN })).json);
    expect(status.lowerThird).toMatchObject({ revision: 0, current: null });
    expect(status.goal.goalMinor).toBe(campaign.goalMinor);
  });

  it('answers a bad payload with 400 naming the field, and nothing changes', async () => {
    const { feed } = await start();
    const { socket, states } = await overlay(feed);
    const post = (path: string, body: unknown) => api(feed.url, `/api/control${path}`, { token: TOKEN, body });

    const emptyName = await post('/lower-third/show', { card: { nameJa: '', nameLatin: 'X', title: { ja: 'a', en: 'b' }, region: 'noto' } });
    expect(emptyName.status).toBe(400);
    expect(emptyName.json).toEqual({ error: { code: 'bad-request', message: 'card.nameJa: must not be empty' } });

    const unknownPerson = await post('/lower-third/show', { rosterId: 'nobody' });
    expect(unknownPerson.status).toBe(404);
    expect((unknownPerson.json.error as { message: string }).message).toBe('rosterId: no roster entry "nobody"');

    const badPhoto = await post('/lower-third/show', { card: { nameJa: 'a', nameLatin: 'b', title: { ja: 'a', en: 'b' }, region: 'noto', photo: 'https://x.test/a.png' } });
    expect((badPhoto.json.error as { message: string }).message).toMatch(/^card\.photo: must be a path under \/assets\//);

    const nothingOnAir = await post('/lower-third/update', { patch: { nameJa: '新しい' } });
    expect(nothingOnAir.status).toBe(400);
    expect((nothingOnAir.json.error as { message: string }).message).toMatch(/^update: no card is on air/);

    const notJson = await api(feed.url, '/api/control/lower-third/show', { token: TOKEN, rawBody: '{"rosterId":' });
    expect(notJson.status).toBe(400);
    expect((notJson.json.error as { message: string }).message).toMatch(/^body: not valid JSON/);

    const unknownType = await post('/command', { type: 'explode' });
    expect((unknownType.json.error as { message: string }).message).toMatch(/^type: /);

    const aboveCap = await post('/goal', { goalMinor: campaign.capMinor + 1 });
    expect(aboveCap.status).toBe(400);
    expect((aboveCap.json.error as { message: string }).message).toBe(`goalMinor: must not exceed the cap (${campaign.capMinor})`);

    await barrier(socket);
    expect(states).toHaveLength(1);
    expect(feed.aggregator.state(null).donation.goalMinor).toBe(campaign.goalMinor);
  });
});

describe('control socket /control', () => {
  it('refuses a socket without the token, or with a wrong one', async () => {
    const { feed } = await start();
    await expect(control(feed, null)).rejects.toThrow(/unauthorised/);
    await expect(control(feed, 'wrong-token-wrong-token')).rejects.toThrow(/unauthorised/);
  });

  it('runs a command through its ack and pushes the new status to every control socket and the overlay', async () => {
    const { feed } = await start();
    const { states } = await overlay(feed);
    const producer = await control(feed);
    const otherDesk = await control(feed);
    const pushed = statusWhere(otherDesk, (status) => status.lowerThird.current !== null);

    const ack = await sendCommand(producer, { type: 'show', rosterId: 'misaki-notoya' });
    expect(ack.ok && ack.value.lowerThird.current?.nameLatin).toBe('Misaki Notoya');
    expect((await pushed).lowerThird.current?.nameLatin).toBe('Misaki Notoya');
    await vi.waitFor(() => expect(states.at(-1)?.current?.nameLatin).toBe('Misaki Notoya'));

    const refused = await sendCommand(producer, { type: 'queue', op: 'remove', cueId: 42 });
    expect(refused).toEqual({ ok: false, error: { code: 'not-found', message: 'queue: no queued card has cueId 42' } });
  });
});

/** The first `status` pushed to a control socket that satisfies `predicate`. */
function statusWhere(socket: ControlClient, predicate: (status: ControlStatus) => boolean): Promise<ControlStatus> {
  return new Promise((resolve) => socket.on('status', (status) => predicate(status) && resolve(status)));
}

describe('control: goal and test reactions go through the feed', () => {
  it('a goal change reaches the overlay in the next update', async () => {
    const { feed } = await start();
    const { socket } = await overlay(feed);
    const update = nextEvent(socket, 'update');
    expect((await api(feed.url, '/api/control/goal', { token: TOKEN, body: { goalMinor: 22_000_000 } })).status).toBe(200);
    feed.flush();
    expect((await update).donation.goalMinor).toBe(22_000_000);
  });

  it('"big gift" adds one gift through the test source; "milestone" reaches the next milestone', async () => {
    const { feed } = await start();
    const { socket } = await overlay(feed);
    const updates: FeedState[] = [];
    socket.on('update', (state) => updates.push(state));

    expect((await api(feed.url, '/api/control/test', { token: TOKEN, body: { kind: 'big-gift', region: 'kumamoto' } })).status).toBe(200);
    // Test reactions take the durable path of every reaction: on disk first, then counted.
    await vi.waitFor(() => expect(feed.aggregator.state('kumamoto').totals.gifts).toBe(1));
    feed.flush();
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0]!.byRegion.kumamoto).toMatchObject({ gifts: 1, giftDiamonds: BIG_GIFT_DIAMONDS });

    expect((await api(feed.url, '/api/control/test', { token: TOKEN, body: { kind: 'milestone' } })).status).toBe(200);
    await vi.waitFor(() => expect(feed.aggregator.state(null).donation.milestonesReached).toBe(1));
    feed.flush();
    await vi.waitFor(() => expect(updates).toHaveLength(2));
    expect(updates[1]!.donation.milestonesReached).toBe(1);
    expect(updates[1]!.donation.raisedMinor).toBeGreaterThanOrEqual(campaign.milestones[0]!.atMinor);
  });
});

describe('control: the card on air survives', () => {
  it('an overlay reload: a new overlay gets the card on air when it subscribes', async () => {
    const { feed } = await start();
    await api(feed.url, '/api/control/lower-third/show', { token: TOKEN, body: { rosterId: 'kenta-takamori' } });
    const { states } = await overlay(feed);
    expect(states[0]?.current?.nameJa).toBe('高森 健太');
  });

  it('a feed restart: the card, the queue, the auto-out setting and the goal come back from the store', async () => {
    const first = await start();
    const post = (path: string, body: unknown) => api(first.feed.url, `/api/control${path}`, { token: TOKEN, body });
    await post('/lower-third/queue', { op: 'add', rosterId: 'aoi-sato' });
    await post('/lower-third/show', { rosterId: 'ryunosuke-teshigawara' });
    await post('/lower-third/auto-out', { ms: 600_000 });
    await post('/goal', { goalMinor: 24_000_000 });
    const before = ControlStatus.parse((await api(first.feed.url, '/api/control/status', { token: TOKEN })).json);
    await stop(first.feed);

    const second = await start(first.dir);
    const after = ControlStatus.parse((await api(second.feed.url, '/api/control/status', { token: TOKEN })).json);
    expect(after.lowerThird).toEqual(before.lowerThird);
    expect(after.goal.goalMinor).toBe(24_000_000);
    expect(second.feed.aggregator.state(null).donation.goalMinor).toBe(24_000_000);
    const { states } = await overlay(second.feed);
    expect(states[0]?.current?.nameLatin).toBe('Ryunosuke Jonathan Ken Teshigawara-Whitfield');
  });
});
