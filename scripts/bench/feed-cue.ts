/**
 * Cue propagation for `npm run bench:feed`: three feed nodes (`npm start` with REDIS_URL, as in
 * feed-redis.ts) on a real redis-server; a producer takes a lower third on node A (show, then hide, in
 * turn), and the bench times, from just before the POST, the `lowerThird` event on overlays connected to
 * node C and the `status` on a control page connected to node B. The goal is one tick plus 50 ms.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { RedisServer } from '../../tests/integration/helpers/redis-server.ts';
import { startBenchServer, type BenchServer } from './feed-bench-server.ts';
import { CONTROL_TOKEN, INGEST_TOKEN, connectOverlays, percentile } from './feed-load.ts';

export interface CueBench {
  /** ms from the POST on node A to each overlay on node C hearing the cue. */
  overlayMs: number[];
  /** ms from the POST on node A to the control page on node B hearing it. */
  controlPageMs: number[];
}

export async function benchCuePropagation(options: { overlays: number; cues: number; tickMs: number }): Promise<CueBench> {
  const workDir = await mkdtemp(join(tmpdir(), 'bench-feed-cue-'));
  await writeFile(join(workDir, 'index.html'), '<!doctype html><title>bench</title>');
  const redis = await RedisServer.start();
  const nodes: BenchServer[] = [];
  const sockets: Socket[] = [];
  try {
    const env = { REDIS_URL: redis.url, OVERLAY_DIR: workDir, TICK_MS: String(options.tickMs), INGEST_TOKEN, CONTROL_TOKEN };
    for (let node = 0; node < 3; node++) nodes.push(await startBenchServer(env));
    const [a, b, c] = nodes as [BenchServer, BenchServer, BenchServer];
    const overlays = await connectOverlays(c.url, options.overlays);
    sockets.push(...overlays);
    const page = connect(`${b.url}/control`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: CONTROL_TOKEN } });
    sockets.push(page);
    await new Promise<void>((resolve, reject) => {
      page.once('connect', resolve);
      page.once('connect_error', reject);
    });

    const result: CueBench = { overlayMs: [], controlPageMs: [] };
    for (let cue = 0; cue < options.cues; cue++) {
      // A random phase against the tick, as a producer's press has.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      const action = cue % 2 === 0 ? 'show' : 'hide';
      const shown = action === 'show';
      const started = performance.now();
      const heard = <T>(socket: Socket, event: string, isCued: (payload: T) => boolean) =>
        new Promise<number>((resolve) => {
          const listener = (payload: T) => {
            if (!isCued(payload)) return;
            socket.off(event, listener);
            resolve(performance.now() - started);
          };
          socket.on(event, listener);
        });
      const onOverlays = Promise.all(overlays.map((socket) => heard(socket, 'lowerThird', (state: { phase: string }) => (state.phase === 'shown') === shown)));
      const onPage = heard(page, 'status', (status: { lowerThird: { phase: string } }) => (status.lowerThird.phase === 'shown') === shown);
      const response = await fetch(`${a.url}/api/control/lower-third/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(shown ? { rosterId: 'aoi-sato' } : {}),
      });
      if (response.status !== 200) throw new Error(`the ${action} cue answered ${response.status}: ${await response.text()}`);
      result.overlayMs.push(...(await onOverlays));
      result.controlPageMs.push(await onPage);
    }
    return result;
  } finally {
    for (const socket of sockets) socket.close();
    await Promise.all(nodes.map((node) => node.stop()));
    await redis.destroy();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The bench's rows: measure and value (Redis, three nodes). */
export function cueRows(bench: CueBench, tickMs: number): { measure: string; value: string }[] {
  const spread = (values: number[]) => `${percentile(values, 0.5).toFixed(1)} / ${percentile(values, 0.99).toFixed(1)}`;
  return [
    { measure: `cue on node A -> overlays on node C: p50 / p99 (ms, goal <= ${tickMs + 50})`, value: spread(bench.overlayMs) },
    { measure: 'cue on node A -> control page on node B: p50 / p99 (ms)', value: spread(bench.controlPageMs) },
  ];
}
