import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REACTION_KINDS, emptyTotals, type ReactionDelta, type ReactionTotals } from '../../../../../src/protocol/index.ts';
import { mulberry32 } from '../../../../../src/random/mulberry32.ts';
import { JournalStore, type JournalStoreOptions } from '../../../../../src/feed/store/journal/journal-store.ts';
import type { CellTotals, ReactionBatch } from '../../../../../src/feed/store/store.ts';
import { checkedCells } from '../../reactions/checked-cells.ts';

const REGIONS = ['tohoku', 'kumamoto', 'noto'];
const MARKETS = ['jp', 'tw', 'us'];

/** A temporary data directory per test, removed afterwards. */
export async function makeTempDirs() {
  const created: string[] = [];
  return {
    async make(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'store-test-'));
      created.push(dir);
      return dir;
    },
    /**
     * What a crash would leave on disk: a copy of the directory's files. Copying is not instantaneous,
     * so the store must be idle (`whenIdle`) meanwhile; crashes mid-write are the kill -9 test's job.
     * The lock's socket file cannot be copied, and a crash leaves it to nobody anyway.
     */
    async crashCopy(dir: string): Promise<string> {
      const copy = await mkdtemp(join(tmpdir(), 'store-crash-'));
      created.push(copy);
      await cp(dir, copy, { recursive: true, filter: (source) => !source.endsWith('LOCK.sock') });
      return copy;
    },
    async removeAll(): Promise<void> {
      await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/** Opens a store whose log lines are kept for assertions instead of printed. */
export async function openStore(dir: string, options: Partial<JournalStoreOptions> = {}) {
  const lines: string[] = [];
  const store = new JournalStore({ dir, log: (line) => lines.push(line), ...options });
  const state = await store.open();
  return { store, state, lines };
}

/** A deterministic batch: which cells and how much depend only on `seed`; `key` null sends none. */
export function batchOf(seed: number, key: string | null = `key-${seed}`): ReactionBatch {
  const random = mulberry32(seed);
  const deltas: ReactionDelta[] = [];
  const size = 1 + Math.floor(random() * 4);
  for (let i = 0; i < size; i++) {
    deltas.push({
      region: REGIONS[Math.floor(random() * REGIONS.length)]!,
      market: MARKETS[Math.floor(random() * MARKETS.length)]!,
      likes: Math.floor(random() * 1000),
      comments: Math.floor(random() * 10),
      gifts: Math.floor(random() * 3),
      giftDiamonds: Math.floor(random() * 500),
      shares: Math.floor(random() * 2),
    });
  }
  return key === null ? { source: 'test', cells: checkedCells(deltas) } : { idempotencyKey: key, source: 'test', cells: checkedCells(deltas) };
}

/** The model: what a list of batches must add up to, per cell, in the order-free form `cellsOf` gives. */
export function expectedCells(batches: readonly ReactionBatch[]): Record<string, ReactionTotals> {
  const cells: Record<string, ReactionTotals> = {};
  for (const batch of batches) {
    for (const delta of batch.cells) {
      const totals = (cells[`${delta.region}/${delta.market}`] ??= emptyTotals());
      for (const kind of REACTION_KINDS) totals[kind] += delta[kind];
    }
  }
  for (const [key, totals] of Object.entries(cells)) if (REACTION_KINDS.every((kind) => totals[kind] === 0)) delete cells[key];
  return cells;
}

export function cellsOf(cells: readonly CellTotals[]): Record<string, ReactionTotals> {
  return Object.fromEntries(cells.map((cell) => [`${cell.region}/${cell.market}`, cell.totals]));
}

export const REGION_IDS = REGIONS;
export const MARKET_IDS = MARKETS;
export type { ReactionDelta };
