import type { Redis } from 'ioredis';
import { LedgerEntry, REACTION_KINDS, describeZodError, emptyTotals, type ReactionTotals } from '../../protocol/index.ts';
import { CellRow } from '../store/records.ts';
import type { RedisKeys } from './redis-keys.ts';
import { SNAPSHOT_SCRIPT } from './redis-scripts.ts';
import { totalsOfRow } from '../store/store-state.ts';
import type { CellTotals, JsonValue } from '../store/store.ts';

/** A point of the log: the seq of the last change it covers and the stream id to read on from. */
export interface LogPosition {
  seq: number;
  id: string;
}

/** Every total and setting in Redis, and the point of the log they add up to. */
export interface RedisSnapshot extends LogPosition {
  cells: CellTotals[];
  settings: Record<string, JsonValue>;
  /** Setting key -> the seq of its last write (absent: written before versions were kept, version 0). */
  settingVersions: Record<string, number>;
  ledger: LedgerEntry[];
}

type SnapshotReply = [seq: string, id: string, cells: (string | (string | null)[])[], settings: string[], ledger: string[], settingVersions: string[]];

/** Reads the snapshot in one atomic script; throws an Error naming anything in Redis that is not what we wrote. */
export async function readRedisSnapshot(client: Redis, keys: RedisKeys): Promise<RedisSnapshot> {
  const [seq, id, flatCells, flatSettings, ledgerJson, flatVersions] = (await client.eval(
    SNAPSHOT_SCRIPT,
    6,
    keys.seq,
    keys.log,
    keys.cells,
    keys.settings,
    keys.ledger,
    keys.settingVersions,
    keys.cellPrefix,
  )) as SnapshotReply;
  const cells: CellTotals[] = [];
  for (let i = 0; i + 1 < flatCells.length; i += 2) {
    const member = flatCells[i] as string;
    const counts = (flatCells[i + 1] as (string | null)[]).map((count) => Number(count ?? 0));
    const row = CellRow.safeParse([...parseMember(member), ...counts]);
    if (!row.success) throw new Error(`Redis key ${keys.cellPrefix}${member} does not hold the totals of a cell (${counts.join(', ')})`);
    cells.push({ region: row.data[0], market: row.data[1], totals: totalsOfRow(row.data) });
  }
  const settings: Record<string, JsonValue> = {};
  for (let i = 0; i + 1 < flatSettings.length; i += 2) {
    const key = flatSettings[i]!;
    try {
      settings[key] = JSON.parse(flatSettings[i + 1]!) as JsonValue;
    } catch {
      throw new Error(`Redis hash ${keys.settings} field ${key} is not JSON`);
    }
  }
  const settingVersions: Record<string, number> = {};
  for (let i = 0; i + 1 < flatVersions.length; i += 2) {
    const version = Number(flatVersions[i + 1]);
    if (!Number.isSafeInteger(version) || version < 0) throw new Error(`Redis hash ${keys.settingVersions} field ${flatVersions[i]} is not a seq`);
    settingVersions[flatVersions[i]!] = version;
  }
  const ledger = ledgerJson.map((json, index) => parseLedgerEntry(json, `Redis list ${keys.ledger} item ${index}`));
  return { seq: Number(seq), id, cells: cells.filter((cell) => REACTION_KINDS.some((kind) => cell.totals[kind] > 0)), settings, settingVersions, ledger };
}

/** A ledger entry as the ledger script wrote it; throws an Error naming `where` otherwise. */
export function parseLedgerEntry(json: string, where: string): LedgerEntry {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  const parsed = LedgerEntry.safeParse(value);
  if (!parsed.success) throw new Error(`${where} is not a ledger entry: ${describeZodError(parsed.error).replaceAll('\n', '; ')}`);
  return parsed.data;
}

function parseMember(member: string): [string, string] {
  try {
    const pair: unknown = JSON.parse(member);
    if (Array.isArray(pair) && pair.length === 2) return pair as [string, string];
  } catch {
    // named below
  }
  throw new Error(`Redis set member ${JSON.stringify(member).slice(0, 80)} is not a ["region","market"] pair`);
}

/**
 * What each cell gained between what a node shows (`shown`) and Redis (`now`): what the node missed while
 * it could not read the log. Only growth counts: totals on screen never go backward, even should Redis
 * have lost data (the caller says so in the log).
 */
export function growthSince(shown: (region: string, market: string) => ReactionTotals | null, now: readonly CellTotals[]): CellTotals[] {
  const grown: CellTotals[] = [];
  for (const cell of now) {
    const before = shown(cell.region, cell.market) ?? emptyTotals();
    const growth = emptyTotals();
    for (const kind of REACTION_KINDS) growth[kind] = Math.max(0, cell.totals[kind] - before[kind]);
    if (REACTION_KINDS.some((kind) => growth[kind] > 0)) grown.push({ region: cell.region, market: cell.market, totals: growth });
  }
  return grown;
}
