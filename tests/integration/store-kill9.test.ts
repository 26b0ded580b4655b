import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellTotals } from '../../src/feed/store/store.ts';
import { ChildScript } from './fixtures/child-process.ts';
import { cellsForKeys } from './fixtures/kill9-batches.ts';

/**
 * The journal store alone, in a child process committing 32 batches at a time with a tiny compaction
 * threshold, so SIGKILLs land in group commits, journal rotations and snapshot writes alike. (The feed
 * server as a whole, under HTTP ingest, has its own kill -9 test: kill9.test.ts.)
 */
const WRITER = fileURLToPath(new URL('./fixtures/store-writer.ts', import.meta.url));
const CYCLES = 6;
let dataDir: string;
const children: ChildScript[] = [];

afterAll(async () => {
  await Promise.all(children.map((child) => child.kill9()));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Deterministic "random" kill moments, so a failure can be replayed. */
const killDelaysMs = Array.from({ length: CYCLES }, (_, cycle) => 150 + ((cycle * 7919) % 900));

describe('the journal store under kill -9', () => {
  it(`loses no acknowledged batch and counts none twice over ${CYCLES} SIGKILLs during commits and compactions`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'store-kill9-'));
    const acknowledged = new Set<string>();
    const recoveryLogs: string[] = [];
    for (let cycle = 0; cycle <= CYCLES; cycle++) {
      const child = new ChildScript(WRITER, [dataDir, `run${cycle}`]);
      children.push(child);
      const recoveredLine = await child.waitForLine((line) => line.startsWith('RECOVERED '));
      const recovered = JSON.parse(recoveredLine.slice('RECOVERED '.length)) as { cells: CellTotals[]; keys: string[] };
      const recoveredKeys = new Set(recovered.keys);

      // Nothing acknowledged is lost...
      const lost = [...acknowledged].filter((key) => !recoveredKeys.has(key));
      expect(lost, `cycle ${cycle}: acknowledged but not recovered`).toEqual([]);
      // ...and the totals are exactly the recovered batches, each once (acknowledged or not).
      const cells = Object.fromEntries(recovered.cells.map((cell) => [`${cell.region}/${cell.market}`, cell.totals]));
      expect(cells, `cycle ${cycle}: totals`).toEqual(cellsForKeys(recoveredKeys));
      if (cycle === CYCLES) break;

      await child.waitForLine((line) => line.startsWith('ACK '));
      await new Promise((resolve) => setTimeout(resolve, killDelaysMs[cycle]));
      await child.kill9();
      for (const line of child.lines) if (line.startsWith('ACK ')) acknowledged.add(line.slice(4));
      recoveryLogs.push(...child.stderr.filter((line) => line.startsWith('store: ')));
    }
    expect(acknowledged.size).toBeGreaterThan(CYCLES * 50);
    // The kills really hit a store that rotates and snapshots as it goes: later runs start from snapshots.
    const snapshotsRecoveredFrom = new Set(recoveryLogs.flatMap((line) => /from .* \((snapshot-\d+)\.snap/.exec(line)?.[1] ?? []));
    expect(snapshotsRecoveredFrom.size).toBeGreaterThan(CYCLES / 2);
    console.log(`kill -9 x${CYCLES}: ${acknowledged.size} acknowledged batches; recovery notes:\n${recoveryLogs.filter((line) => !line.includes('recovered')).join('\n') || '(no damaged tails)'}`);
  }, 120_000);
});
