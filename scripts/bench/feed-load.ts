/**
 * The load generator of `npm run bench:feed`, shared by its embedded and Redis modes: ingest batches,
 * overlay clients, and the two measures (throughput with durable acknowledgement, ingest-to-overlay latency).
 */
import { Agent, request as httpRequest } from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import type { FeedState, IngestReaction } from '../../src/protocol/index.ts';

export const INGEST_TOKEN = 'bench-ingest-token-0123456789';
export const CONTROL_TOKEN = 'bench-control-token-0123456789';
const REGIONS = ['tohoku', 'kumamoto', 'noto', 'hiroshima', 'hokkaido'];
const MARKETS = ['jp', 'tw', 'hk', 'kr', 'th', 'id', 'vn', 'ph', 'us'];

export const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let keyCounter = 0;

/** A batch of `size` reactions, each its own entry with count 1 (so reactions/s is not inflated by large counts). */
export function batchBody(size: number): string {
  const key = `bench-${process.pid}-${keyCounter++}`;
  const reactions: IngestReaction[] = Array.from({ length: size }, (_, i) => ({
    kind: i % 50 === 0 ? 'comment' : 'like',
    count: 1,
    region: REGIONS[i % REGIONS.length]!,
    market: MARKETS[i % MARKETS.length]!,
    eventId: `e${i}`,
  }));
  return JSON.stringify({ idempotencyKey: key, source: 'bench', reactions });
}

export function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}/api/ingest`,
      { method: 'POST', agent, headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export interface Throughput {
  reactionsPerSecond: number;
  requestsPerSecond: number;
  p99AckMs: number;
}

/** `senders` clients post batches of `batch` for `seconds`; sender i posts to urls[i % urls.length]. Every 200 is durable. */
export async function throughput(urls: readonly string[], { senders, batch, seconds }: { senders: number; batch: number; seconds: number }): Promise<Throughput> {
  // Bodies are prepared outside the timed loop: the load generator's JSON work is not the server's.
  const bodies = Array.from({ length: 64 }, () => batchBody(batch));
  let requests = 0;
  const ackTimes: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: senders }, async (_, sender) => {
      const url = urls[sender % urls.length]!;
      for (let i = sender; performance.now() < end; i += senders) {
        const body = bodies[i % bodies.length]!.replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"tp-${process.pid}-${sender}-${i}"`);
        const started = performance.now();
        const status = await post(url, body);
        if (status !== 200) throw new Error(`ingest at ${url} answered ${status}`);
        ackTimes.push(performance.now() - started);
        requests += 1;
      }
    }),
  );
  return { reactionsPerSecond: (requests * batch) / seconds, requestsPerSecond: requests / seconds, p99AckMs: percentile(ackTimes, 0.99) };
}

/** `count` overlays on the websocket transport, subscribed to the whole campaign, 50 connecting at a time. */
export async function connectOverlays(url: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += 50) {
    const group = await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, async () => {
        const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        await socket.emitWithAck('subscribe', { v: 1, region: null });
        return socket;
      }),
    );
    sockets.push(...group);
  }
  return sockets;
}

/**
 * One small batch at a time posted to `ingestUrl`, `samples` times: for each overlay of each group, the ms
 * from just before the POST to the update that includes it. Returns the latencies per group.
 */
export async function fanOutLatencies(ingestUrl: string, groups: readonly Socket[][], samples: number): Promise<number[][]> {
  const latencies = groups.map((): number[] => []);
  for (let sample = 0; sample < samples; sample++) {
    // A random phase against the tick, as real reactions have.
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    const target = (await currentReactions(ingestUrl)) + 1;
    const started = performance.now();
    const arrivals = groups.map((overlays) =>
      Promise.all(
        overlays.map(
          (socket) =>
            new Promise<number>((resolve) => {
              const onUpdate = (state: FeedState) => {
                if (reactionsIn(state) < target) return;
                socket.off('update', onUpdate);
                resolve(performance.now() - started);
              };
              socket.on('update', onUpdate);
            }),
        ),
      ),
    );
    const status = await post(ingestUrl, batchBody(1));
    if (status !== 200) throw new Error(`ingest answered ${status}`);
    (await Promise.all(arrivals)).forEach((arrived, group) => latencies[group]!.push(...arrived));
  }
  return latencies;
}

/** batchBody makes likes and comments only (a batch of one is a comment). */
const reactionsIn = (state: FeedState) => state.totals.likes + state.totals.comments;

async function currentReactions(url: string): Promise<number> {
  return reactionsIn((await (await fetch(`${url}/api/state`)).json()) as FeedState);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
