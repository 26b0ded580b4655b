/**
 * The take-over row of `npm run bench:feed`: how long a source goes uncounted when the node running it
 * dies. Two feed nodes are started as `npm start` the same way (REDIS_URL, the simulator on) on a real
 * redis-server; the node holding the simulator's lease is SIGKILLed, and the time runs from the kill to the
 * first simulator batch the new owner commits (read from the Redis log every node follows). A fresh node
 * replaces the dead one before the next run, so each run kills the owner at another point of its renewals.
 */
import { loadavg } from 'node:os';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadCampaignFile, SAMPLE_CAMPAIGN_PATH } from '../../src/feed/setup/campaign-file.ts';
import { redisKeysFor } from '../../src/feed/scale-out/redis-keys.ts';
import { DEFAULT_LEASE_TTL_MS } from '../../src/feed/scale-out/source-leases.ts';
import { StreamStatusList } from '../../src/protocol/index.ts';
import { RedisServer } from '../../tests/integration/helpers/redis-server.ts';
import { startBenchServer, type BenchServer } from './feed-bench-server.ts';
import { CONTROL_TOKEN, INGEST_TOKEN, percentile } from './feed-load.ts';

export interface TakeOverResult {
  /** Kill to first commit by the new owner, per run (ms). */
  runsMs: number[];
  medianMs: number;
  ttlMs: number;
  loadAverage: number;
}

export async function benchTakeOver(runs = 5): Promise<TakeOverResult> {
  const workDir = await mkdtemp(join(tmpdir(), 'bench-feed-takeover-'));
  await writeFile(join(workDir, 'index.html'), '<!doctype html><title>bench</title>');
  const redis = await RedisServer.start();
  const reader = new Redis(redis.url);
  const logKey = redisKeysFor(loadCampaignFile(SAMPLE_CAMPAIGN_PATH).id).log;
  let nodes: BenchServer[] = [];
  let started = 0;
  const startNode = () => startBenchServer({ REDIS_URL: redis.url, OVERLAY_DIR: workDir, SIMULATOR: 'on', NODE_ID: `bench-${started++}`, INGEST_TOKEN, CONTROL_TOKEN });
  const runsMs: number[] = [];
  try {
    nodes = [await startNode(), await startNode()];
    for (let run = 0; run < runs; run++) {
      const owner = await simulatorOwner(nodes);
      // Somewhere in the owner's renewal cycle, as a crash would be.
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1_000));
      const exited = new Promise((resolve) => owner.child.once('exit', resolve));
      const killedAt = performance.now();
      owner.child.kill('SIGKILL');
      await exited;
      // What the dead node had sent before it died is in the log by now: count from after it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [last] = await reader.xrevrange(logKey, '+', '-', 'COUNT', 1);
      runsMs.push((await firstSimulatorCommitAfter(reader, logKey, last?.[0] ?? '0-0')) - killedAt);
      nodes = [...nodes.filter((node) => node !== owner), await startNode()];
    }
  } finally {
    reader.disconnect();
    await Promise.all(nodes.map((node) => node.stop()));
    await redis.destroy();
    await rm(workDir, { recursive: true, force: true });
  }
  return { runsMs, medianMs: percentile(runsMs, 0.5), ttlMs: DEFAULT_LEASE_TTL_MS, loadAverage: loadavg()[0]! };
}

/** The node whose /api/streams says it runs the simulator (waits until one does). */
async function simulatorOwner(nodes: readonly BenchServer[]): Promise<BenchServer> {
  for (let tries = 0; tries < 300; tries++) {
    for (const node of nodes) {
      const list = StreamStatusList.parse(await (await fetch(`${node.url}/api/streams`)).json());
      if (list.simulator?.lease === 'here') return node;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no node took the simulator within 30 s');
}

/** performance.now() when the log shows the first simulator batch after entry `afterId`. The dead node can commit no more. */
async function firstSimulatorCommitAfter(reader: Redis, logKey: string, afterId: string): Promise<number> {
  let from = afterId;
  for (;;) {
    const reply = (await reader.xread('COUNT', 100, 'BLOCK', 30_000, 'STREAMS', logKey, from)) as [string, [string, string[]][]][] | null;
    if (!reply) throw new Error('no simulator batch within 30 s of the kill');
    const at = performance.now();
    for (const [id, fields] of reply[0]![1]) {
      from = id;
      const entry = fields[fields.indexOf('e') + 1];
      if (entry && (JSON.parse(entry) as { src?: string }).src === 'simulator') return at;
    }
  }
}

/** The bench table's row, in the Redis column. */
export function takeOverRow(result: TakeOverResult): [string, string, string] {
  return [
    `take-over after SIGKILL of the source's node (ms, median; LEASE_TTL_MS ${result.ttlMs})`,
    '',
    `${result.medianMs.toFixed(0)} (runs ${result.runsMs.map((ms) => ms.toFixed(0)).join(' / ')}; load ${result.loadAverage.toFixed(1)})`,
  ];
}
