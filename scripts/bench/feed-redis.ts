/**
 * The Redis mode of `npm run bench:feed`: a real redis-server (append-only file fsynced on every write) on
 * 127.0.0.1, two feed nodes started as `npm start` with REDIS_URL, and the overlays split between them.
 * Ingest goes to both nodes for throughput; for latency it goes to node A, and the overlays on node B see
 * it only through Redis (the log each node follows), so the two halves show what scaling out costs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisServer } from '../../tests/integration/helpers/redis-server.ts';
import { startBenchServer, type BenchServer } from './feed-bench-server.ts';
import { CONTROL_TOKEN, INGEST_TOKEN, connectOverlays, fanOutLatencies, throughput, type Throughput } from './feed-load.ts';

export interface RedisModeOptions {
  clients: number;
  senders: number;
  batch: number;
  seconds: number;
  samples: number;
  tickMs: number;
}

export interface RedisModeResult {
  throughput: Throughput;
  /** Latencies of the overlays on the node that took the ingest, and on the other node. */
  sameNodeMs: number[];
  otherNodeMs: number[];
  nodeRssMiB: number[];
}

export async function benchRedisMode(options: RedisModeOptions): Promise<RedisModeResult> {
  const workDir = await mkdtemp(join(tmpdir(), 'bench-feed-redis-'));
  await writeFile(join(workDir, 'index.html'), '<!doctype html><title>bench</title>');
  const redis = await RedisServer.start();
  const nodes: BenchServer[] = [];
  try {
    const env = { REDIS_URL: redis.url, OVERLAY_DIR: workDir, TICK_MS: String(options.tickMs), INGEST_TOKEN, CONTROL_TOKEN, INGEST_RATE: '100000' };
    nodes.push(await startBenchServer(env), await startBenchServer(env));
    const [a, b] = nodes as [BenchServer, BenchServer];
    const result = await throughput([a.url, b.url], options);
    const half = Math.ceil(options.clients / 2);
    const onA = await connectOverlays(a.url, half);
    const onB = await connectOverlays(b.url, options.clients - half);
    const [sameNodeMs, otherNodeMs] = await fanOutLatencies(a.url, [onA, onB], options.samples);
    for (const socket of [...onA, ...onB]) socket.close();
    return { throughput: result, sameNodeMs: sameNodeMs!, otherNodeMs: otherNodeMs!, nodeRssMiB: nodes.map((node) => node.rssMiB()) };
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    await redis.destroy();
    await rm(workDir, { recursive: true, force: true });
  }
}
