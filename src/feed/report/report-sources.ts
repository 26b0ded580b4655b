import type { CampaignConfig } from '../../protocol/index.ts';
import type { Aggregator } from '../reactions/aggregator.ts';
import { GOAL_SETTING, readSavedGoal } from '../control/goal-desk.ts';
import { readDataDir } from '../store/journal/recover.ts';
import type { JsonValue } from '../store/store.ts';
import { buildAuditReport, type AuditReport } from './audit-report.ts';

/** The report of the running server: the aggregator's cells and its goal now. */
export function liveReport(aggregator: Aggregator, generatedAt = new Date()): AuditReport {
  const { campaign } = aggregator;
  const cells = campaign.regions.flatMap((region) =>
    campaign.markets.map((market) => ({ region: region.id, market: market.id, totals: aggregator.cell(region.id, market.id) })),
  );
  return buildAuditReport({ campaign, cells, goalMinor: aggregator.goalMinor, source: 'live', generatedAt });
}

/**
 * The report from a data directory alone (snapshot + journals), read without changing it: what the
 * campaign can show an auditor after the show, or while it runs.
 */
export async function journalReport(campaign: CampaignConfig, dataDir: string, log: (line: string) => void, generatedAt = new Date()): Promise<AuditReport> {
  const persisted = await readDataDir(dataDir, log);
  return buildAuditReport({
    campaign,
    cells: persisted.cells,
    goalMinor: savedGoal(persisted.settings[GOAL_SETTING], campaign),
    source: `journal ${dataDir}`,
    generatedAt,
  });
}

/** The goal a producer saved, when it is one the campaign can have; the campaign's own otherwise. */
function savedGoal(saved: JsonValue | undefined, campaign: CampaignConfig): number {
  const goal = readSavedGoal(saved, campaign.capMinor);
  return goal.ok ? goal.goalMinor : campaign.goalMinor;
}
