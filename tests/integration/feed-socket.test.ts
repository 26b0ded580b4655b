import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { AckFailure, FeedSocket } from '../../src/feed-socket/feed-socket.ts';
import type { ConnectError, DisconnectReason } from '../../src/feed-socket/typed-events.ts';
import type {
  ControlClientToServerEvents,
  ControlServerToClientEvents,
  FeedState,
  OverlayClientToServerEvents,
  OverlayServerToClientEvents,
} from '../../src/protocol/index.ts';
import { TcpCut } from './helpers/tcp-cut.ts';

/**
 * The pages' own socket.io client (src/feed-socket) on Node's WHATWG WebSocket, against the real feed
 * server and its socket.io on 127.0.0.1: the protocol as the server speaks it, and the network as it fails.
 */
const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const TOKEN = 'feed-socket-token-for-tests-0123456789';
/** Fast retries: these tests are about what happens, the pages' own waits are tested in unit tests. */
const QUICK = { minMs: 50, maxMs: 200, jitter: 0 };
const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function feedServer(port = 0): Promise<FeedServer> {
  const feed = await startFeedServer({ campaign, port, simulator: false, log: () => {}, control: { token: TOKEN } });
  cleanups.push(() => feed.close());
  return feed;
}

/** A socket with everything it tells recorded. */
function overlaySocket(url: string, options: { connectTimeoutMs?: number; askAgainWhenStopped?: boolean } = {}) {
  const seen = { connects: 0, disconnects: [] as DisconnectReason[], errors: [] as ConnectError[], updates: [] as FeedState[], warnings: [] as string[] };
  const socket = new FeedSocket<OverlayServerToClientEvents, OverlayClientToServerEvents>({ url, reconnect: QUICK, warn: (line) => seen.warnings.push(line), ...options });
  socket.on('connect', () => seen.connects++);
  socket.on('disconnect', (reason) => seen.disconnects.push(reason));
  socket.on('connect_error', (error) => seen.errors.push(error));
  socket.on('update', (state) => seen.updates.push(state));
  cleanups.push(() => socket.disconnect());
  return { socket, seen };
}

function controlSocket(url: string, token: string, options: { askAgainWhenStopped?: boolean } = {}) {
  const errors: ConnectError[] = [];
  const socket = new FeedSocket<ControlServerToClientEvents, ControlClientToServerEvents>({ url: `${url}/control`, auth: { token }, reconnect: QUICK, ...options });
  socket.on('connect_error', (error) => errors.push(error));
  cleanups.push(() => socket.disconnect());
  return { socket, errors };
}

const waitFor = <T>(check: () => T, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 20 });
const serverSockets = (feed: FeedServer) => [...feed.io.of('/').sockets.values()];

describe('FeedSocket against the real feed server', () => {
  it('connects, asks with acks (subscribe, time) and hears the events that follow', async () => {
    const feed = await feedServer();
    const { socket, seen } = overlaySocket(feed.url);
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));

    const answer = await socket.request('subscribe', [{ v: 1, region: null, market: null }]);
    expect(answer).toMatchObject({ ok: true, value: { region: null, donation: { raisedMinor: 0 } } });
    const before = Date.now();
    expect(await socket.request('time', [], 2_000)).toBeGreaterThanOrEqual(before - 1);

    feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 1_234 });
    feed.flush();
    await waitFor(() => expect(seen.updates.at(-1)?.donation.raisedMinor).toBe(1_234));
    // The server's refusal of a bad subscription comes back through the same ack.
    expect(await socket.request('subscribe', [{ v: 1, region: 'atlantis', market: null }])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(seen.warnings).toEqual([]);
  });

  it("on /control: refused with the server's own message and data and not asked again; let in with the token", async () => {
    const feed = await feedServer();
    let handshakes = 0;
    feed.io.engine.on('connection', () => handshakes++);
    const refused = controlSocket(feed.url, 'not-the-token');
    refused.socket.connect();
    await waitFor(() => expect(refused.errors).toHaveLength(1));
    expect(refused.errors[0]).toMatchObject({ message: expect.stringMatching(/^unauthorised: connect with auth: \{ token \}/), refused: true, data: { code: 'unauthorised' } });
    // Longer than the retry waits: a refusal is final, the page decides.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(handshakes).toBe(1);
    expect(refused.socket.connected).toBe(false);

    const admitted = controlSocket(feed.url, TOKEN);
    const statuses: unknown[] = [];
    admitted.socket.on('status', (status) => statuses.push(status));
    admitted.socket.connect();
    await waitFor(() => expect(statuses).toHaveLength(1));
    const answer = await admitted.socket.request('command', [{ type: 'setGoal', goalMinor: 20_000_000 }], 8_000);
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true, value: { goal: { goalMinor: 20_000_000 } } });
  });

  it('fails a request at once when not connected, and after its timeout when no answer comes', async () => {
    const feed = await feedServer();
    const { socket } = overlaySocket(feed.url);
    await expect(socket.request('time', [])).rejects.toMatchObject({ reason: 'not sent', message: '"time" not sent: not connected to the feed' });
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));
    // A server that never answers (not even with its refusal of an event it does not know).
    for (const server of serverSockets(feed)) server.removeAllListeners('time').offAny();
    await expect(socket.request('time', [], 300)).rejects.toMatchObject({ reason: 'timeout', message: 'the feed did not answer "time" within 300 ms' });
  });

  it('reconnects after the feed restarts on the same port, telling disconnect and connect again', async () => {
    const first = await feedServer();
    const { socket, seen } = overlaySocket(first.url);
    socket.connect();
    await waitFor(() => expect(seen.connects).toBe(1));
    const port = first.port;
    await first.close();
    await waitFor(() => expect(seen.disconnects).toEqual(['transport close']));
    await waitFor(() => expect(seen.errors.length).toBeGreaterThan(0)); // knocking on a closed port

    const second = await feedServer(port);
    await waitFor(() => expect(seen.connects).toBe(2));
    expect(await socket.request('subscribe', [{ v: 1, region: null, market: null }])).toMatchObject({ ok: true });
    expect(seen.errors.every((error) => /no connection to ws:\/\/127\.0\.0\.1:\d+\/socket\.io\//.test(error.message))).toBe(true);
    expect(seen.errors.some((error) => error.refused)).toBe(false);
    expect(serverSockets(second)).toHaveLength(1);
  });

  it('tells a close before the namespace was connected as a refusal, so the page decides (a server speaking out of turn)', async () => {
    // Not socket.io: a bare WebSocket server that opens the engine.io session, then closes the namespace.
    const { WebSocketServer } = await import('ws');
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    server.on('connection', (ws) => {
      ws.send('0{"sid":"s","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}');
      ws.on('message', () => ws.send('41'));
    });
    await new Promise((resolve) => server.once('listening', resolve));
    const { socket, seen } = overlaySocket(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
    socket.connect();
    await waitFor(() => expect(seen.errors).toHaveLength(1));
    expect(seen.errors[0]).toMatchObject({ message: 'the feed closed the socket before connecting it', refused: true });
    expect(seen.disconnects).toEqual([]);
    expect(socket.connected).toBe(false);
  });

  it('stays down when the server closes the socket on purpose, until connect() is called', async () => {
    const feed = await feedServer();
    const { socket, seen } = overlaySocket(feed.url);
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));
    for (const server of serverSockets(feed)) server.disconnect();
    await waitFor(() => expect(seen.disconnects).toEqual(['io server disconnect']));
    await new Promise((resolve) => setTimeout(resolve, 400)); // longer than the retry waits
    expect(seen.connects).toBe(1);
    socket.connect();
    await waitFor(() => expect(seen.connects).toBe(2));
  });

  it('with askAgainWhenStopped, asks again after a pause a feed that closed it on purpose, then one that refused it', async () => {
    const feed = await feedServer();
    let refusing = false;
    feed.io.of('/').use((_socket, next) => next(refusing ? new Error('closed for now') : undefined));
    const { socket, seen } = overlaySocket(feed.url, { askAgainWhenStopped: true });
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));
    refusing = true;
    for (const server of serverSockets(feed)) server.disconnect();
    await waitFor(() => expect(seen.errors.some((error) => error.refused && error.message === 'closed for now')).toBe(true));
    expect(seen.disconnects).toEqual(['io server disconnect']);
    refusing = false;
    await waitFor(() => expect(seen.connects).toBe(2));
  });

  it('with askAgainWhenStopped, stays down when a listener of the refusal calls disconnect() (a wrong token)', async () => {
    const feed = await feedServer();
    const { socket, errors } = controlSocket(feed.url, 'not-the-token', { askAgainWhenStopped: true });
    socket.on('connect_error', () => socket.disconnect());
    socket.connect();
    await waitFor(() => expect(errors).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 600)); // longer than the pause before asking again
    expect(errors).toHaveLength(1);
    expect(socket.connected).toBe(false);
  });

  it('leaves with disconnect(): the server hears it, and the socket does not come back', async () => {
    const feed = await feedServer();
    const { socket, seen } = overlaySocket(feed.url);
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));
    const serverReason = new Promise((resolve) => serverSockets(feed)[0]!.once('disconnect', resolve));
    socket.disconnect();
    expect(await serverReason).toBe('client namespace disconnect');
    expect(seen.disconnects).toEqual(['io client disconnect']);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(serverSockets(feed)).toHaveLength(0);
  });

  it('notices a socket gone silent (no ping within pingInterval + pingTimeout), fails what waits, and reconnects', async () => {
    const feed = await feedServer();
    const relay = await TcpCut.to(feed.port);
    cleanups.push(() => relay.close());
    const { socket, seen } = overlaySocket(`http://127.0.0.1:${relay.port}`);
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));

    relay.silence();
    const waiting = socket.request('time', []); // no timeout of its own: only the lost connection ends it
    const failure = await waiting.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AckFailure);
    expect(failure).toMatchObject({ reason: 'disconnected', message: 'the connection closed before the feed answered "time"' });
    expect(seen.disconnects).toEqual(['ping timeout']);
    await waitFor(() => expect(seen.connects).toBe(2));
    expect(typeof (await socket.request('time', [], 2_000))).toBe('number');
  });

  it('gives up an attempt that never gets an answer, and tries again', async () => {
    // A listener that accepts TCP and never says a word: a WebSocket that never opens.
    const accepted = new Set<Socket>();
    const mute: Server = createServer((connection) => accepted.add(connection));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const connection of accepted) connection.destroy();
      return new Promise((resolve) => mute.close(resolve));
    });
    const { socket, seen } = overlaySocket(`http://127.0.0.1:${(mute.address() as { port: number }).port}`, { connectTimeoutMs: 200 });
    socket.connect();
    await waitFor(() => expect(seen.errors.length).toBeGreaterThanOrEqual(2));
    expect(seen.errors[0]).toMatchObject({ message: 'timeout: not connected within 200 ms', refused: false });
  });

  it('warns about a binary, an unknown or a malformed packet, ignores it, and goes on', async () => {
    const feed = await feedServer();
    const { socket, seen } = overlaySocket(feed.url);
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));
    await socket.request('subscribe', [{ v: 1, region: null, market: null }]);
    const [server] = serverSockets(feed);
    server!.emit('update', Buffer.from([1, 2, 3]) as never); // a binary event and its attachment frame
    server!.conn.write('9 not a packet'); // an engine.io message that holds no socket.io packet
    server!.conn.write('2["update",{"seq":');
    (server!.conn as unknown as { transport: { socket: { send(data: string): void } } }).transport.socket.send('8 unknown engine.io type');
    server!.conn.write('2["connect"]'); // a name socket.io reserves, which its server would not send
    feed.aggregator.apply({ region: 'noto', market: 'kr', giftDiamonds: 77 });
    feed.flush();
    await waitFor(() => expect(seen.updates.at(-1)?.donation.raisedMinor).toBe(77));
    // The raw WebSocket frame overtakes engine.io's write buffer: the order is not the point.
    expect([...seen.warnings].sort()).toEqual([
      'ignored a packet from the feed: a binary packet (this client reads JSON only)',
      'ignored a binary WebSocket frame from the feed (its protocol is JSON text only)',
      'ignored a packet from the feed: unknown socket.io packet type "9"',
      'ignored a packet from the feed: its JSON does not parse',
      'ignored a frame from the feed: unknown engine.io packet type "8"',
      'ignored a packet from the feed: an event named "connect", a name socket.io reserves',
    ].sort());
    expect(seen.connects).toBe(1);
    expect(seen.disconnects).toEqual([]);
  });

  it('a listener that throws is reported and stops neither the other listeners nor the socket', async () => {
    const feed = await feedServer();
    const { socket, seen } = overlaySocket(feed.url);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanups.push(() => errors.mockRestore());
    socket.on('update', () => {
      throw new Error('a widget bug');
    });
    const after: number[] = [];
    socket.on('update', (state) => after.push(state.seq));
    socket.connect();
    await waitFor(() => expect(socket.connected).toBe(true));
    await socket.request('subscribe', [{ v: 1, region: null, market: null }]);
    feed.aggregator.apply({ region: 'noto', market: 'kr', giftDiamonds: 5 });
    feed.flush();
    await waitFor(() => expect(after).toHaveLength(1));
    expect(seen.updates).toHaveLength(1);
    expect(errors).toHaveBeenCalledWith('a listener of the feed\'s "update" failed:', expect.objectContaining({ message: 'a widget bug' }));
    expect(socket.connected).toBe(true);
  });
});
