/**
 * `npm run bench:feed [-- --duration 120 --clients 500 --batch 2000 --senders 8]`: the feed server's
 * figures on this machine, printed as a table. Not a test: nothing passes or fails, the numbers are the point.
 *
 * 1. Ingest throughput with durable acknowledgement: `senders` HTTP clients post batches of `batch`
 *    reactions, each its own entry with count 1 (so reactions/s is not inflated by large counts); every
 *    200 means the batch was fsynced.
 * 2. Ingest-to-overlay latency with `clients` socket.io overlays subscribed: one small batch at a time,
 *    from just before the POST to the moment each overlay receives the update that includes it.
 * 3. Memory of the server process over `duration` seconds of steady ingest with the overlays connected.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import type { FeedState, IngestReaction } from '../../src/protocol/index.ts';
import { startBenchServer, type BenchServer } from './feed-bench-server.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    clients: { type: 'string', default: '500' },
    batch: { type: 'string', default: '2000' },
    senders: { type: 'string', default: '8' },
    'throughput-seconds': { type: 'string', default: '10' },
    samples: { type: 'string', default: '40' },
  },
});
const DURATION_S = Number(values.duration);
const CLIENTS = Number(values.clients);
const BATCH = Number(values.batch);
const SENDERS = Number(values.senders);
const THROUGHPUT_S = Number(values['throughput-seconds']);
const SAMPLES = Number(values.samples);
const TICK_MS = 100;
const INGEST_TOKEN = 'bench-ingest-token-0123456789';
const CONTROL_TOKEN = 'bench-control-token-0123456789';
const REGIONS = ['tohoku', 'kumamoto', 'noto', 'hiroshima', 'hokkaido'];
const MARKETS = ['jp', 'tw', 'hk', 'kr', 'th', 'id', 'vn', 'ph', 'us'];

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let keyCounter = 0;

function batchBody(size: number): string {
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

function post(url: string, body: string): Promise<number> {
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

async function throughput(server: BenchServer): Promise<{ reactionsPerSecond: number; requestsPerSecond: number; p99AckMs: number }> {
  // Bodies are prepared outside the timed loop: the load generator's JSON work is not the server's.
  const bodies = Array.from({ length: 64 }, () => batchBody(BATCH));
  let requests = 0;
  const ackTimes: number[] = [];
  const end = performance.now() + THROUGHPUT_S * 1000;
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let i = sender; performance.now() < end; i += SENDERS) {
        const body = bodies[i % bodies.length]!.replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"tp-${sender}-${i}"`);
        const started = performance.now();
        const status = await post(server.url, body);
        if (status !== 200) throw new Error(`ingest answered ${status}`);
        ackTimes.push(performance.now() - started);
        requests += 1;
      }
    }),
  );
  return { reactionsPerSecond: (requests * BATCH) / THROUGHPUT_S, requestsPerSecond: requests / THROUGHPUT_S, p99AckMs: percentile(ackTimes, 0.99) };
}

async function connectOverlays(url: string, count: number): Promise<Socket[]> {
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

async function latency(server: BenchServer, overlays: Socket[]): Promise<number[]> {
  const latencies: number[] = [];
  let likesSeen = 0;
  for (let sample = 0; sample < SAMPLES; sample++) {
    // A random phase against the tick, as real reactions have.
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    const target = await currentLikes(server.url) + 1;
    const started = performance.now();
    const arrivals = overlays.map(
      (socket) =>
        new Promise<number>((resolve) => {
          const onUpdate = (state: FeedState) => {
            if (state.totals.likes < target) return;
            socket.off('update', onUpdate);
            resolve(performance.now() - started);
          };
          socket.on('update', onUpdate);
        }),
    );
    const status = await post(server.url, batchBody(1));
    if (status !== 200) throw new Error(`ingest answered ${status}`);
    latencies.push(...(await Promise.all(arrivals)));
    likesSeen = target;
  }
  void likesSeen;
  return latencies;
}

async function currentLikes(url: string): Promise<number> {
  const state = (await (await fetch(`${url}/api/state`)).json()) as FeedState;
  return state.totals.likes;
}

async function memoryOverTime(server: BenchServer): Promise<{ startMiB: number; peakMiB: number; endMiB: number; reactions: number }> {
  const samples: number[] = [server.rssMiB()];
  const end = performance.now() + DURATION_S * 1000;
  let reactions = 0;
  const sampler = setInterval(() => samples.push(server.rssMiB()), 1000);
  // Steady, realistic load: 20 batches of 500 reactions per second.
  while (performance.now() < end) {
    const tickStart = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => post(server.url, batchBody(500))));
    reactions += 20 * 500;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - tickStart))));
  }
  clearInterval(sampler);
  samples.push(server.rssMiB());
  return { startMiB: samples[0]!, peakMiB: Math.max(...samples), endMiB: samples.at(-1)!, reactions };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'bench-feed-'));
  await writeFile(join(workDir, 'index.html'), '<!doctype html><title>bench</title>');
  const server = await startBenchServer({
    DATA_DIR: join(workDir, 'data'),
    OVERLAY_DIR: workDir,
    TICK_MS: String(TICK_MS),
    INGEST_TOKEN,
    CONTROL_TOKEN,
    INGEST_RATE: '100000',
  });
  const rows: [string, string][] = [];
  try {
    console.log(`bench:feed: ${SENDERS} senders x batches of ${BATCH} for ${THROUGHPUT_S} s; ${CLIENTS} overlays; memory over ${DURATION_S} s`);
    const idleMiB = server.rssMiB();
    const tp = await throughput(server);
    rows.push(['ingest, durable ack (reactions/s)', tp.reactionsPerSecond.toFixed(0)]);
    rows.push(['ingest requests/s', tp.requestsPerSecond.toFixed(1)]);
    rows.push(['ingest request p99 (ms)', tp.p99AckMs.toFixed(1)]);

    const overlays = await connectOverlays(server.url, CLIENTS);
    const latencies = await latency(server, overlays);
    rows.push([`ingest -> overlay p50 (ms, ${CLIENTS} overlays, tick ${TICK_MS})`, percentile(latencies, 0.5).toFixed(1)]);
    rows.push([`ingest -> overlay p99 (ms, goal <= ${TICK_MS + 20})`, percentile(latencies, 0.99).toFixed(1)]);
    rows.push(['ingest -> overlay max (ms)', Math.max(...latencies).toFixed(1)]);

    const memory = await memoryOverTime(server);
    rows.push(['server RSS idle (MiB)', idleMiB.toFixed(1)]);
    rows.push([`server RSS over ${DURATION_S} s: start / peak / end (MiB)`, `${memory.startMiB.toFixed(1)} / ${memory.peakMiB.toFixed(1)} / ${memory.endMiB.toFixed(1)}`]);
    rows.push([`  while ingesting (reactions, ${CLIENTS} overlays connected)`, String(memory.reactions)]);
    for (const socket of overlays) socket.close();
  } finally {
    agent.destroy();
    await server.stop();
    await rm(workDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${'measure'.padEnd(width)} | value\n${'-'.repeat(width)}-+-${'-'.repeat(24)}`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)} | ${value}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
