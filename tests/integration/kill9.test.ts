import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReactionTotals } from '../../src/protocol/index.ts';
import type { AuditReport } from '../../src/feed/report/audit-report.ts';
import { ChildScript, processState } from './fixtures/child-process.ts';
import { cellsForIngestKeys, reactionsForKey } from './fixtures/kill9-batches.ts';
import { startFeedCli } from './fixtures/feed-cli-child.ts';

/**
 * The real `npm start` entry point under continuous HTTP ingest, killed with SIGKILL at (seeded) random
 * moments and restarted on the same data directory 100 ms later, as a supervisor does, again and again.
 * Each feed runs under a shell that never reaps it, so every killed feed is still a zombie when the next
 * one starts: every restart must succeed. After each restart:
 * - every batch acknowledged with 200 is in the totals (nothing acknowledged is lost);
 * - retrying every batch that was sent but not acknowledged (as a client would) makes the totals exactly
 *   the sum of all batches ever sent, each once (nothing is counted twice, acknowledged or not);
 * - retrying acknowledged batches counts nothing more.
 */
const CYCLES = 10;
const SENDERS = 8;
const CONTROL_TOKEN = 'kill9-control-token-0123456789';
const INGEST_TOKEN = 'kill9-ingest-token-0123456789';
const children: ChildScript[] = [];
let workDir: string;

afterAll(async () => {
  await Promise.all(children.map((child) => child.dispose()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const killDelaysMs = Array.from({ length: CYCLES }, (_, cycle) => 200 + ((cycle * 7919 + 311) % 1000));
const RESTART_AFTER_MS = 100;

function startServer(dataDir: string, overlayDir: string) {
  return startFeedCli({ dataDir, overlayDir, controlToken: CONTROL_TOKEN, ingestToken: INGEST_TOKEN, children, unreaped: true });
}

async function ingest(url: string, key: string): Promise<{ status: number; duplicate?: boolean }> {
  const response = await fetch(`${url}/api/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: key, source: 'kill9', reactions: reactionsForKey(key) }),
  });
  const body = (await response.json()) as { duplicate?: boolean };
  return { status: response.status, duplicate: body.duplicate };
}

async function cellsOf(url: string): Promise<Record<string, ReactionTotals>> {
  const response = await fetch(`${url}/api/report.json`, { headers: { authorization: `Bearer ${CONTROL_TOKEN}` } });
  const report = (await response.json()) as AuditReport;
  const nonZero = report.cells.filter((cell) => Object.values(cell.totals).some((count) => count > 0));
  return Object.fromEntries(nonZero.map((cell) => [`${cell.region}/${cell.market}`, cell.totals]));
}

function atLeast(actual: Record<string, ReactionTotals>, minimum: Record<string, ReactionTotals>): string[] {
  return Object.entries(minimum).flatMap(([cell, totals]) =>
    Object.entries(totals).flatMap(([kind, count]) => ((actual[cell]?.[kind as keyof ReactionTotals] ?? 0) >= count ? [] : [`${cell}.${kind}`])),
  );
}

describe('kill -9 of the feed server under HTTP ingest', () => {
  it(`counts every acknowledged batch exactly once over ${CYCLES} SIGKILLs`, async () => {
    workDir = await mkdtemp(join(tmpdir(), 'kill9-'));
    const dataDir = join(workDir, 'data');
    await writeFile(join(workDir, 'index.html'), '<!doctype html><title>overlay</title>');
    const sent = new Set<string>();
    const acknowledged = new Set<string>();
    let retriedUnacknowledged = 0;
    let recoveredUnacknowledged = 0;

    let killedPid: number | null = null;
    for (let cycle = 0; cycle <= CYCLES; cycle++) {
      // The feed killed 100 ms ago is still a zombie: its pid is taken, its lock released by the kernel.
      if (killedPid !== null) expect(processState(killedPid), `cycle ${cycle}: the killed feed's state`).toBe('Z');
      const { child, url } = await startServer(dataDir, workDir);

      // Nothing acknowledged was lost...
      expect(atLeast(await cellsOf(url), cellsForIngestKeys(acknowledged)), `cycle ${cycle}: short of the acknowledged`).toEqual([]);
      // ...and a client retrying what it never saw acknowledged brings the totals to exactly all it sent.
      for (const key of [...sent].filter((key) => !acknowledged.has(key))) {
        const answer = await ingest(url, key);
        expect(answer.status).toBe(200);
        if (answer.duplicate) recoveredUnacknowledged += 1;
        acknowledged.add(key);
        retriedUnacknowledged += 1;
      }
      expect(await cellsOf(url), `cycle ${cycle}: totals after retries`).toEqual(cellsForIngestKeys(sent));
      // Acknowledged batches sent again count nothing.
      for (const key of [...acknowledged].slice(-5)) expect(await ingest(url, key)).toEqual({ status: 200, duplicate: true });
      if (cycle === CYCLES) break;

      let killed = false;
      const senders = Array.from({ length: SENDERS }, async (_, sender) => {
        for (let i = 0; !killed; i++) {
          const key = `c${cycle}-s${sender}-${i}`;
          sent.add(key);
          try {
            const answer = await ingest(url, key);
            expect(answer.status).toBe(200);
            acknowledged.add(key);
          } catch {
            return; // the connection died with the server
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, killDelaysMs[cycle]));
      await child.kill9();
      killedPid = await child.pid;
      killed = true;
      await Promise.all([...senders, new Promise((resolve) => setTimeout(resolve, RESTART_AFTER_MS))]);
    }
    expect(acknowledged.size).toBeGreaterThan(CYCLES * 20);
    console.log(
      `kill -9 x${CYCLES}: ${sent.size} batches sent, ${retriedUnacknowledged} unacknowledged at a kill and retried, ` +
        `${recoveredUnacknowledged} of those already durable (answered duplicate)`,
    );
  }, 120_000);
});
