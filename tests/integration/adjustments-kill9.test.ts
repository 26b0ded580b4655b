import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ControlStatus, FeedState, type Adjustment } from '../../src/protocol/index.ts';
import type { ChildScript } from './fixtures/child-process.ts';
import { startFeedCli } from './fixtures/feed-cli-child.ts';

/**
 * The real `npm start` under a producer's adjustments and voids, killed with SIGKILL at (seeded) moments
 * and restarted on the same data directory. After each restart every acknowledged adjustment and void is
 * there; retrying the unacknowledged ones (as the control page does) makes the ledger exactly what was
 * sent, each once; retrying acknowledged ones changes nothing; and the amount is their sum.
 */
const CYCLES = 5;
const SENDERS = 3;
const CONTROL_TOKEN = 'kill9-adjust-control-token-0123456789';
const INGEST_TOKEN = 'kill9-adjust-ingest-token-0123456789';
const children: ChildScript[] = [];
let workDir: string;

afterAll(async () => {
  await Promise.all(children.map((child) => child.kill9()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const killDelaysMs = Array.from({ length: CYCLES }, (_, cycle) => 250 + ((cycle * 7919 + 97) % 700));

/** Every add is worth a different amount, so a doubled one shows in the sum. */
const amountOf = (key: string) => 1_000 + (Number(/(\d+)$/.exec(key)![1]) % 97) * 13 + key.length;

async function post(url: string, path: string, body: unknown): Promise<{ status: number; control?: ControlStatus }> {
  const response = await fetch(`${url}/api/control${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  return { status: response.status, ...(response.status === 200 ? { control: ControlStatus.parse(json) } : {}) };
}

const addBody = (key: string) => ({ idempotencyKey: key, kind: 'offline', amountMinor: amountOf(key), region: 'tohoku', reason: `box ${key}` });
const voidBody = (key: string, id: string) => ({ idempotencyKey: `void-${key}`, adjustmentId: id, reason: `counted twice: ${key}` });

async function ledgerOf(url: string): Promise<Adjustment[]> {
  const response = await fetch(`${url}/api/control/status`, { headers: { authorization: `Bearer ${CONTROL_TOKEN}` } });
  return ControlStatus.parse(await response.json()).adjustments;
}

async function raisedOf(url: string): Promise<number> {
  return FeedState.parse(await (await fetch(`${url}/api/state`)).json()).donation.raisedMinor;
}

describe('kill -9 of the feed server under adjustments and voids', () => {
  it(`keeps every acknowledged adjustment and void, each once, over ${CYCLES} SIGKILLs`, async () => {
    workDir = await mkdtemp(join(tmpdir(), 'kill9-adjust-'));
    const dataDir = join(workDir, 'data');
    await writeFile(join(workDir, 'index.html'), '<!doctype html><title>overlay</title>');
    const sentAdds = new Set<string>();
    const ackedAdds = new Set<string>();
    /** Voids sent: the add's key -> the adjustment id. */
    const sentVoids = new Map<string, string>();
    const ackedVoids = new Set<string>();

    for (let cycle = 0; cycle <= CYCLES; cycle++) {
      const { child, url } = await startFeedCli({ dataDir, overlayDir: workDir, controlToken: CONTROL_TOKEN, ingestToken: INGEST_TOKEN, children });
      const recovered = await ledgerOf(url);
      const byKey = new Map(recovered.map((adjustment) => [adjustment.key, adjustment]));
      // Nothing acknowledged was lost...
      expect([...ackedAdds].filter((key) => !byKey.has(key)), `cycle ${cycle}: acknowledged adds lost`).toEqual([]);
      expect([...ackedVoids].filter((key) => !byKey.get(key)?.voided), `cycle ${cycle}: acknowledged voids lost`).toEqual([]);
      // ...and retrying what was never acknowledged brings the ledger to exactly what was sent, each once.
      for (const key of [...sentAdds].filter((key) => !ackedAdds.has(key))) {
        expect((await post(url, '/adjustments', addBody(key))).status).toBe(200);
        ackedAdds.add(key);
      }
      for (const [key, id] of [...sentVoids].filter(([key]) => !ackedVoids.has(key))) {
        expect((await post(url, '/adjustments/void', voidBody(key, id))).status).toBe(200);
        ackedVoids.add(key);
      }
      // Acknowledged ones sent again change nothing.
      for (const key of [...ackedAdds].slice(-3)) expect((await post(url, '/adjustments', addBody(key))).status).toBe(200);
      for (const [key, id] of [...sentVoids].slice(-3)) expect((await post(url, '/adjustments/void', voidBody(key, id))).status).toBe(200);

      const ledger = await ledgerOf(url);
      expect(ledger.map((adjustment) => adjustment.key).sort(), `cycle ${cycle}: ledger keys`).toEqual([...sentAdds].sort());
      expect(ledger.filter((adjustment) => adjustment.voided).map((adjustment) => adjustment.key).sort()).toEqual([...sentVoids.keys()].sort());
      const expected = [...sentAdds].filter((key) => !sentVoids.has(key)).reduce((sum, key) => sum + amountOf(key), 0);
      expect(await raisedOf(url), `cycle ${cycle}: amount`).toBe(expected);
      if (cycle === CYCLES) break;

      let killed = false;
      const senders = Array.from({ length: SENDERS }, async (_, sender) => {
        for (let i = 0; !killed; i++) {
          const key = `c${cycle}-s${sender}-${i}`;
          sentAdds.add(key);
          try {
            const answer = await post(url, '/adjustments', addBody(key));
            expect(answer.status).toBe(200);
            ackedAdds.add(key);
            // Every third one was "counted twice" and is voided.
            if (i % 3 !== 0) continue;
            const id = answer.control!.adjustments.find((adjustment) => adjustment.key === key)!.id;
            sentVoids.set(key, id);
            expect((await post(url, '/adjustments/void', voidBody(key, id))).status).toBe(200);
            ackedVoids.add(key);
          } catch {
            return; // the connection died with the server
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, killDelaysMs[cycle]));
      await child.kill9();
      killed = true;
      await Promise.all(senders);
    }
    expect(ackedAdds.size).toBeGreaterThan(CYCLES * 10);
    console.log(`kill -9 x${CYCLES}: ${sentAdds.size} adjustments and ${sentVoids.size} voids sent, all counted once`);
  }, 120_000);
});
