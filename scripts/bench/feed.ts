/**
 * `npm run bench:feed [-- --duration 120 --clients 500 --batch 2000 --senders 8 --redis-clients 1000]`: the
 * feed server's figures on this machine, printed as a table. Not a test: nothing passes or fails, the
 * numbers are the point. Two modes in one run, side by side:
 *
 * embedded (one node, the journal store):
 * 1. Ingest throughput with durable acknowledgement: `senders` HTTP clients post batches of `batch`
 *    reactions, each its own entry with count 1 (so reactions/s is not inflated by large counts); every
 *    200 means the batch was fsynced.
 * 2. Ingest-to-overlay latency with `clients` socket.io overlays subscribed: one small batch at a time,
 *    from just before the POST to the moment each overlay receives the update that includes it.
 * 3. Memory of the server process over `duration` seconds of steady ingest with the overlays connected.
 *
 * redis (two nodes sharing a real redis-server, see feed-redis.ts): the same throughput, posted to both
 * nodes, and the same latency with `redis-clients` overlays split between the nodes.
 *
 * take-over (feed-takeover.ts): SIGKILL of the node running the simulator, to the new owner's first commit.
 *
 * start (feed-start.ts, first): the packaged command, packed and installed as a producer gets it, from
 * spawn to its first /api/state answer, beside the same start through tsx.
 *
 * restart (feed-restart.ts): 64 MiB of journal written by a child process that is then SIGKILLed, and the
 * time from `npm start`'s command to the first /api/state answer on that directory, beside tsx.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchServer, type BenchServer } from './feed-bench-server.ts';
import { CONTROL_TOKEN, INGEST_TOKEN, agent, batchBody, connectOverlays, fanOutLatencies, percentile, post, throughput } from './feed-load.ts';
import { benchCuePropagation, cueRows } from './feed-cue.ts';
import { benchRedisMode } from './feed-redis.ts';
import { benchStartTime } from './feed-start.ts';
import { benchTakeOver, takeOverRow } from './feed-takeover.ts';
import { benchRestartTime } from './feed-restart.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    clients: { type: 'string', default: '500' },
    batch: { type: 'string', default: '2000' },
    senders: { type: 'string', default: '8' },
    'throughput-seconds': { type: 'string', default: '10' },
    samples: { type: 'string', default: '40' },
    'redis-clients': { type: 'string', default: '1000' },
  },
});
const DURATION_S = Number(values.duration);
const CLIENTS = Number(values.clients);
const BATCH = Number(values.batch);
const SENDERS = Number(values.senders);
const THROUGHPUT_S = Number(values['throughput-seconds']);
const SAMPLES = Number(values.samples);
const REDIS_CLIENTS = Number(values['redis-clients']);
const TICK_MS = 100;

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

/** One row of the table: a measure, its embedded value, its Redis value ('' where it does not apply). */
type Row = [measure: string, embedded: string, redis: string];

async function main(): Promise<void> {
  console.log(
    `bench:feed: ${SENDERS} senders x batches of ${BATCH} for ${THROUGHPUT_S} s; embedded: ${CLIENTS} overlays, memory over ${DURATION_S} s; ` +
      `redis: 2 nodes, ${REDIS_CLIENTS} overlays`,
  );
  const rows: Row[] = [];
  try {
    // First, while nothing else of the bench loads the machine.
    rows.push(...(await benchStartTime()).map(({ measure, value }): Row => [measure, value, '']));
    rows.push(...(await benchRestartTime()).map(({ measure, value }): Row => [measure, value, '']));
    rows.push(...(await benchEmbeddedMode()));
    const redis = await benchRedisMode({ clients: REDIS_CLIENTS, senders: SENDERS, batch: BATCH, seconds: THROUGHPUT_S, samples: SAMPLES, tickMs: TICK_MS });
    const all = [...redis.sameNodeMs, ...redis.otherNodeMs];
    const fill = (measure: string, value: string) => {
      const row = rows.find(([name]) => name === measure);
      if (row) row[2] = value;
      else rows.push([measure, '', value]);
    };
    fill('ingest, durable ack (reactions/s)', redis.throughput.reactionsPerSecond.toFixed(0));
    fill('ingest requests/s', redis.throughput.requestsPerSecond.toFixed(1));
    fill('ingest request p99 (ms)', redis.throughput.p99AckMs.toFixed(1));
    fill('overlays connected', String(REDIS_CLIENTS));
    fill(`ingest -> overlay p50 (ms, tick ${TICK_MS})`, percentile(all, 0.5).toFixed(1));
    fill(`ingest -> overlay p99 (ms, goal <= ${TICK_MS + 20})`, percentile(all, 0.99).toFixed(1));
    fill('ingest -> overlay max (ms)', Math.max(...all).toFixed(1));
    fill('  overlays on the ingesting node: p50 / p99 (ms)', `${percentile(redis.sameNodeMs, 0.5).toFixed(1)} / ${percentile(redis.sameNodeMs, 0.99).toFixed(1)}`);
    fill('  overlays on the other node: p50 / p99 (ms)', `${percentile(redis.otherNodeMs, 0.5).toFixed(1)} / ${percentile(redis.otherNodeMs, 0.99).toFixed(1)}`);
    fill('server RSS after the run (MiB, per node)', redis.nodeRssMiB.map((mib) => mib.toFixed(1)).join(' / '));
    for (const { measure, value } of cueRows(await benchCuePropagation({ overlays: 50, cues: SAMPLES, tickMs: TICK_MS }), TICK_MS)) fill(measure, value);
    rows.push(takeOverRow(await benchTakeOver()));
  } finally {
    agent.destroy();
  }
  const widths = [0, 1, 2].map((column) => Math.max(...[['measure', 'embedded (1 node)', 'redis (2 nodes)'], ...rows].map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
  console.log(`\n${line(['measure', 'embedded (1 node)', 'redis (2 nodes)'])}\n${widths.map((width) => '-'.repeat(width)).join('-+-')}`);
  for (const row of rows) console.log(line(row));
}

/** The embedded mode: one `npm start` with its journal in a temporary DATA_DIR. */
async function benchEmbeddedMode(): Promise<Row[]> {
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
  const rows: Row[] = [];
  const row = (measure: string, value: string) => rows.push([measure, value, '']);
  try {
    const idleMiB = server.rssMiB();
    const tp = await throughput([server.url], { senders: SENDERS, batch: BATCH, seconds: THROUGHPUT_S });
    row('ingest, durable ack (reactions/s)', tp.reactionsPerSecond.toFixed(0));
    row('ingest requests/s', tp.requestsPerSecond.toFixed(1));
    row('ingest request p99 (ms)', tp.p99AckMs.toFixed(1));

    const overlays = await connectOverlays(server.url, CLIENTS);
    const [latencies = []] = await fanOutLatencies(server.url, [overlays], SAMPLES);
    row('overlays connected', String(CLIENTS));
    row(`ingest -> overlay p50 (ms, tick ${TICK_MS})`, percentile(latencies, 0.5).toFixed(1));
    row(`ingest -> overlay p99 (ms, goal <= ${TICK_MS + 20})`, percentile(latencies, 0.99).toFixed(1));
    row('ingest -> overlay max (ms)', Math.max(...latencies).toFixed(1));

    const memory = await memoryOverTime(server);
    row('server RSS idle (MiB)', idleMiB.toFixed(1));
    row(`server RSS over ${DURATION_S} s: start / peak / end (MiB)`, `${memory.startMiB.toFixed(1)} / ${memory.peakMiB.toFixed(1)} / ${memory.endMiB.toFixed(1)}`);
    row(`  while ingesting (reactions, ${CLIENTS} overlays connected)`, String(memory.reactions));
    for (const socket of overlays) socket.close();
  } finally {
    await server.stop();
    await rm(workDir, { recursive: true, force: true });
  }
  return rows;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
