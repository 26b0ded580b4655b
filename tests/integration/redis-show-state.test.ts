import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { redisKeysFor } from '../../src/feed/scale-out/redis-keys.ts';
import type { FeedServer } from '../../src/feed/server.ts';
import { ControlStatus, PROTOCOL_VERSION, type CampaignConfig, type LowerThirdState, type ShowClockState, type StageRegionState } from '../../src/protocol/index.ts';
import { connectControl, type ControlClient } from './helpers/control-client.ts';
import { CONTROL_TOKEN, postControl, useRedisFeeds } from './helpers/redis-feeds.ts';
import { subscribe, type OverlayClient } from './helpers/feed-client.ts';

const feeds = useRedisFeeds();
const WAIT = { timeout: 10_000, interval: 20 };

/** Everything of the show state an overlay hears, in order. */
function overlayHears(client: OverlayClient) {
  const heard = { lowerThird: [] as LowerThirdState[], clock: [] as ShowClockState[], stageRegion: [] as StageRegionState[], goal: [] as number[] };
  client.on('lowerThird', (state) => heard.lowerThird.push(state));
  client.on('clock', (state) => heard.clock.push(state));
  client.on('stageRegion', (state) => heard.stageRegion.push(state));
  client.on('update', (state) => heard.goal.push(state.donation.goalMinor));
  return heard;
}

/** A control page on a node: every status pushed to it. */
async function controlPageOn(url: string): Promise<{ client: ControlClient; statuses: ControlStatus[]; latest: () => ControlStatus }> {
  const client = await connectControl(url, CONTROL_TOKEN);
  const statuses: ControlStatus[] = [];
  client.on('status', (status) => statuses.push(ControlStatus.parse(status)));
  // The status sent on connection may come before the listener: ask for it once.
  const first = await new Promise<unknown>((resolve) => client.emit('status', resolve as never));
  if (statuses.length === 0) statuses.push(ControlStatus.parse((first as { value: unknown }).value));
  return { client, statuses, latest: () => statuses.at(-1)! };
}

async function control(url: string, path: string, body: unknown = {}): Promise<ControlStatus> {
  const response = await postControl(url, path, body);
  const json: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return ControlStatus.parse(json);
}

async function statusOf(feed: FeedServer): Promise<ControlStatus> {
  const response = await fetch(`${feed.url}/api/control/status`, { headers: { authorization: `Bearer ${CONTROL_TOKEN}` } });
  return ControlStatus.parse(await response.json());
}

/** The show state part of a status: what must be the same on every node. */
const showPart = ({ lowerThird, goal, clock, stageRegion, adjustments }: ControlStatus) => ({ lowerThird, goal, clock, stageRegion, adjustments });

/** Three nodes on one Redis, an overlay on C and a control page on B. */
async function threeNodes(campaign: CampaignConfig) {
  const [a, b, c] = [await feeds.startNode(campaign), await feeds.startNode(campaign), await feeds.startNode(campaign)];
  const overlay = await feeds.overlayOn(c.url);
  const heard = overlayHears(overlay.client);
  const page = await controlPageOn(b.url);
  return { a: a!, b: b!, c: c!, heard, page };
}

/** The lower-third writes in the shared log: each a change every node applied once. */
async function lowerThirdWrites(campaign: CampaignConfig): Promise<LowerThirdState[]> {
  const client = new Redis(feeds.redis.url);
  try {
    const entries = await client.xrange(redisKeysFor(campaign.id).log, '-', '+');
    return entries
      .map(([, fields]) => JSON.parse(fields[fields.indexOf('e') + 1]!) as { t: string; key?: string; v?: LowerThirdState })
      .filter((entry) => entry.t === 's' && entry.key === 'lower-third')
      .map((entry) => entry.v!);
  } finally {
    client.disconnect();
  }
}

describe('show state on three feed nodes sharing Redis', () => {
  it('every lower-third cue taken on node A or B reaches an overlay on node C and a control page on node B', async () => {
    const campaign = feeds.freshCampaign();
    const { a, b, c, heard, page } = await threeNodes(campaign);

    const shown = await control(a.url, '/lower-third/show', { rosterId: 'aoi-sato' });
    await vi.waitFor(() => expect(heard.lowerThird.at(-1)).toEqual(shown.lowerThird), WAIT);
    await vi.waitFor(() => expect(page.latest().lowerThird).toEqual(shown.lowerThird), WAIT);

    const updated = await control(a.url, '/lower-third/update', { patch: { title: { ja: '語り部', en: 'Storyteller' } } });
    expect(updated.lowerThird.current?.cueId).toBe(shown.lowerThird.current?.cueId);
    await vi.waitFor(() => expect(heard.lowerThird.at(-1)?.current?.title).toEqual({ ja: '語り部', en: 'Storyteller' }), WAIT);

    // Queued on two nodes, taken on a third: the queue is one queue.
    await control(a.url, '/lower-third/queue', { op: 'add', rosterId: 'kenta-takamori' });
    await control(b.url, '/lower-third/queue', { op: 'add', rosterId: 'misaki-notoya' });
    await vi.waitFor(() => expect(page.latest().lowerThird.queue.map((card) => card.rosterId)).toEqual(['kenta-takamori', 'misaki-notoya']), WAIT);
    const next = await control(c.url, '/lower-third/next');
    expect(next.lowerThird.current?.rosterId).toBe('kenta-takamori');
    await vi.waitFor(() => expect(heard.lowerThird.at(-1)?.current?.rosterId).toBe('kenta-takamori'), WAIT);
    await vi.waitFor(() => expect(page.latest().lowerThird.queue.map((card) => card.rosterId)).toEqual(['misaki-notoya']), WAIT);

    const hidden = await control(b.url, '/lower-third/hide');
    await vi.waitFor(() => expect(heard.lowerThird.at(-1)).toEqual(hidden.lowerThird), WAIT);
    await vi.waitFor(() => expect(page.latest().lowerThird).toEqual(hidden.lowerThird), WAIT);
    // Every node's overlays heard each change once, in order: no node relayed another's.
    const revisions = heard.lowerThird.map((state) => state.revision);
    expect(revisions).toEqual([...new Set(revisions)].sort((x, y) => x - y));
    for (const feed of [a, b, c]) expect(feed.control?.service.lowerThird.state).toEqual(hidden.lowerThird);
  });

  it('"next" pressed on two nodes at once takes two cards, never the same one twice', async () => {
    const campaign = feeds.freshCampaign();
    const { a, b, heard } = await threeNodes(campaign);
    for (const rosterId of ['aoi-sato', 'kenta-takamori', 'misaki-notoya']) await control(a.url, '/lower-third/queue', { op: 'add', rosterId });
    await Promise.all([control(a.url, '/lower-third/next'), control(b.url, '/lower-third/next')]);
    await vi.waitFor(() => expect(heard.lowerThird.at(-1)?.current?.rosterId).toBe('kenta-takamori'), WAIT);
    const taken = (await lowerThirdWrites(campaign)).filter((state) => state.current !== null).map((state) => state.current!.rosterId);
    expect(taken).toEqual(['aoi-sato', 'kenta-takamori']);
    expect(heard.lowerThird.at(-1)?.queue.map((card) => card.rosterId)).toEqual(['misaki-notoya']);
  });

  it('an auto-out armed on every node takes the card out once', async () => {
    const campaign = feeds.freshCampaign();
    const { a, b, c, heard, page } = await threeNodes(campaign);
    await control(b.url, '/lower-third/auto-out', { ms: 1_000 });
    const shown = await control(a.url, '/lower-third/show', { rosterId: 'misaki-notoya' });
    await vi.waitFor(() => expect(heard.lowerThird.at(-1)?.phase).toBe('hidden'), WAIT);
    await vi.waitFor(() => expect(page.latest().lowerThird.phase).toBe('hidden'), WAIT);
    // The three timers fired; one took the card out, the two others found it gone.
    for (const feed of [a, b, c]) await vi.waitFor(() => expect(feed.control?.service.lowerThird.state.phase).toBe('hidden'), WAIT);
    const writes = await lowerThirdWrites(campaign);
    expect(writes.map((state) => state.phase)).toEqual(['hidden', 'shown', 'hidden']);
    expect(writes.at(-1)?.revision).toBe(shown.lowerThird.revision + 1);
    expect(heard.lowerThird.filter((state) => state.revision > shown.lowerThird.revision)).toHaveLength(1);
  });

  it('the goal plan, the show clock, the region on stage and adjustments taken on node A reach node C and node B', async () => {
    const campaign = feeds.freshCampaign();
    const { a, b, c, heard, page } = await threeNodes(campaign);

    const goal = await control(a.url, '/goal', { goalMinor: 15_000_000 });
    await vi.waitFor(() => expect(heard.goal.at(-1)).toBe(15_000_000), WAIT);
    await vi.waitFor(() => expect(page.latest().goal).toEqual(goal.goal), WAIT);
    const stretch = await control(a.url, '/goal/next', { atMinor: 18_000_000, label: { ja: '次へ', en: 'Onward' } });
    await vi.waitFor(() => expect(page.latest().goal.stretchGoals).toEqual(stretch.goal.stretchGoals), WAIT);

    await control(a.url, '/clock/set', { mode: 'countdown', durationMs: 600_000, warnMs: 60_000 });
    const started = await control(a.url, '/clock/start');
    expect(started.clock.runningSince).not.toBeNull();
    await vi.waitFor(() => expect(heard.clock.at(-1)).toEqual(started.clock), WAIT);
    await vi.waitFor(() => expect(page.latest().clock).toEqual(started.clock), WAIT);

    const staged = await control(a.url, '/stage-region', { region: 'noto' });
    await vi.waitFor(() => expect(heard.stageRegion.at(-1)).toEqual({ region: 'noto' }), WAIT);
    await vi.waitFor(() => expect(page.latest().stageRegion).toEqual(staged.stageRegion), WAIT);

    // An adjustment is the ledger's, not a setting: the control page on B hears it all the same.
    const adjusted = await control(a.url, '/adjustments', { idempotencyKey: 'show-state-match', kind: 'matching', amountMinor: 50_000, reason: 'Sponsor match' });
    await vi.waitFor(() => expect(page.latest().adjustments).toEqual(adjusted.adjustments), WAIT);
    await vi.waitFor(() => expect(page.latest().goal).toEqual(adjusted.goal), WAIT);
    // Each node holds the state itself, not only the pages that heard it: what B and C answer is A's.
    for (const feed of [b, c]) expect(showPart(await statusOf(feed))).toEqual(showPart(adjusted));

    // So a change on C starts from what A did: C pauses the clock A started, and takes the region off stage.
    const paused = await control(c.url, '/clock/pause');
    expect(paused.clock).toMatchObject({ runningSince: null, revision: started.clock.revision + 1 });
    expect(paused.clock.bankedMs).toBeGreaterThan(0);
    await vi.waitFor(() => expect(heard.clock.at(-1)).toEqual(paused.clock), WAIT);
    const offStage = await control(c.url, '/stage-region', { region: null });
    expect(offStage.stageRegion).toEqual({ region: null });
    await vi.waitFor(() => expect(heard.stageRegion.at(-1)).toEqual({ region: null }), WAIT);
    await vi.waitFor(() => expect(page.latest().stageRegion).toEqual({ region: null }), WAIT);
  });

  it('a node started after the changes, and every node restarted, has the current show state before it answers', async () => {
    const campaign = feeds.freshCampaign();
    const { a, c } = await threeNodes(campaign);
    await control(a.url, '/lower-third/auto-out', { ms: null });
    await control(a.url, '/lower-third/show', { rosterId: 'kenta-takamori' });
    await control(a.url, '/lower-third/queue', { op: 'add', rosterId: 'aoi-sato' });
    await control(a.url, '/goal', { goalMinor: 12_000_000 });
    await control(a.url, '/clock/set', { mode: 'elapsed' });
    await control(a.url, '/clock/start');
    const last = await control(a.url, '/stage-region', { region: 'kumamoto' });

    await c.close();
    const restarted = await feeds.startNode(campaign);
    expect(showPart(await statusOf(restarted))).toEqual(showPart(last));
    const overlay = await feeds.overlayOn(restarted.url);
    expect(overlay.snapshot.donation.goalMinor).toBe(12_000_000);

    // All nodes go; the show lives in Redis.
    for (const feed of [a, restarted]) await feed.close();
    const fresh = await feeds.startNode(campaign);
    const { client } = await feeds.overlayOn(fresh.url);
    const heard = overlayHears(client);
    await subscribe(client, { v: PROTOCOL_VERSION, region: null });
    expect(showPart(await statusOf(fresh))).toEqual(showPart(last));
    await vi.waitFor(() => expect(heard.lowerThird.at(-1)).toEqual(last.lowerThird), WAIT);
    expect(heard.clock.at(-1)).toEqual(last.clock);
    expect(heard.stageRegion.at(-1)).toEqual({ region: 'kumamoto' });
  });
});
