import { REACTION_KINDS, emptyTotals, type CampaignConfig, type ReactionDelta, type ReactionTotals } from '../../protocol/index.ts';
import { mulberry32 } from '../../random/mulberry32.ts';
import { JournalStore } from '../store/journal-store.ts';

/** When the sample show went on air (19:00 in Japan), and how long it ran. */
export const SAMPLE_SHOW_START_MS = Date.UTC(2024, 2, 11, 10, 0);
export const SAMPLE_SHOW_MINUTES = 90;

/** What the sample show's audience gave in all, kind by kind (the 2024 campaign's order of magnitude). */
const SHOW_TOTALS: ReactionTotals = { likes: 5_213_408, comments: 184_226, gifts: 48_391, giftDiamonds: 19_250_000, shares: 23_517 };
/** Each region's share of the audience, in campaign order; the rest of the weights are for the markets. */
const REGION_WEIGHTS = [30, 24, 20, 15, 11];
const MARKET_WEIGHTS = [40, 12, 9, 8, 8, 7, 6, 6, 4];

/**
 * Writes a whole 90-minute show into a journal, with the store's clock set to each minute of it: reactions
 * that build to a peak and fade, a sponsor's match, a venue's donation box, and a mistaken entry voided.
 * Deterministic (seeded, fixed clock): the recap goldens and the README's sample report come from it.
 */
export async function writeSampleShow(dir: string, campaign: CampaignConfig): Promise<void> {
  let clock = SAMPLE_SHOW_START_MS;
  const store = new JournalStore({ dir, now: () => clock, log: () => {} });
  await store.open();
  const random = mulberry32(2024);
  const minuteWeights = Array.from({ length: SAMPLE_SHOW_MINUTES }, (_, minute) => {
    const x = minute / (SAMPLE_SHOW_MINUTES - 1);
    // A slow build, a peak two thirds in (the big names on stage), a warm fade; a little noise per minute.
    return (0.25 + Math.sin(Math.PI * x ** 1.3) ** 2) * (0.85 + 0.3 * random());
  });
  const given = emptyTotals();
  const ledgerAt: Record<number, () => Promise<unknown>> = {
    25: () => add('sponsor-match', 'matching', 1_000_000, null, 'Sponsor matches the first ¥1,000,000'),
    40: () => add('box-rehearsal', 'offline', 50_000, 'noto', 'Donation box, entered during rehearsal'),
    42: () => voidFirst('box-rehearsal', 'Entered by mistake during rehearsal'),
    78: () => add('box-kumamoto', 'offline', 152_300, 'kumamoto', 'Donation box at the Kumamoto venue, counted on stage'),
  };
  const ids = new Map<string, string>();
  async function add(key: string, kind: 'matching' | 'offline', amountMinor: number, region: string | null, reason: string) {
    const id = `adj-${(ids.size + 1).toString(16).padStart(12, '0')}`;
    ids.set(key, id);
    await store.commitLedger({ op: 'add', id, key, kind, amountMinor, region, reason });
  }
  async function voidFirst(key: string, reason: string) {
    await store.commitLedger({ op: 'void', id: ids.get(key)!, key: `void-${key}`, reason });
  }

  const weightSum = minuteWeights.reduce((sum, weight) => sum + weight, 0);
  let cumulativeWeight = 0;
  for (let minute = 0; minute < SAMPLE_SHOW_MINUTES; minute++) {
    clock = SAMPLE_SHOW_START_MS + minute * 60_000 + 30_000;
    cumulativeWeight += minuteWeights[minute]!;
    // What the audience has given by the end of this minute; the last minute lands on the totals exactly.
    const target = emptyTotals();
    for (const kind of REACTION_KINDS) target[kind] = Math.round((SHOW_TOTALS[kind] * cumulativeWeight) / weightSum);
    const inMinute = emptyTotals();
    for (const kind of REACTION_KINDS) inMinute[kind] = target[kind] - given[kind];
    for (const kind of REACTION_KINDS) given[kind] = target[kind];
    await store.commitReactions({ idempotencyKey: `sample-${minute}`, source: 'sample', deltas: spread(campaign, inMinute) });
    await ledgerAt[minute]?.();
  }
  await store.close();
}

/** A minute's reactions spread over the region x market cells by the weights; exact (the remainder goes to the first cell). */
function spread(campaign: CampaignConfig, totals: ReactionTotals): ReactionDelta[] {
  const cells = campaign.regions.flatMap((region, r) => campaign.markets.map((market, m) => ({ region: region.id, market: market.id, weight: (REGION_WEIGHTS[r] ?? 5) * (MARKET_WEIGHTS[m] ?? 3) })));
  const weightSum = cells.reduce((sum, cell) => sum + cell.weight, 0);
  const deltas = cells.map((cell) => ({ region: cell.region, market: cell.market, ...emptyTotals() }));
  for (const kind of REACTION_KINDS) {
    let placed = 0;
    cells.forEach((cell, index) => {
      const share = Math.floor((totals[kind] * cell.weight) / weightSum);
      deltas[index]![kind] = share;
      placed += share;
    });
    deltas[0]![kind] += totals[kind] - placed;
  }
  return deltas;
}
