import type { CampaignConfig } from '../../protocol/index.ts';
import type { Aggregator } from '../reactions/aggregator.ts';
import { GOAL_SETTING, readSavedGoal } from '../control/goal-desk.ts';
import { readDataDir } from '../store/journal/recover.ts';
import type { FeedStore, JsonValue, StoredShow } from '../store/store.ts';
import { buildAuditReport, type AuditReport } from './audit-report.ts';

/** The report of the running server: what its store holds now (durable only), with the goal on air. */
export async function liveReport(aggregator: Aggregator, store: Pick<FeedStore, 'read'>, generatedAt = new Date()): Promise<AuditReport> {
  return storedReport(aggregator.campaign, await store.read(), 'live', generatedAt, aggregator.goalMinor);
}

/**
 * The report from a data directory alone (snapshot + journals), read without changing it: what the
 * campaign can show an auditor after the show, or while it runs.
 */
export async function journalReport(campaign: CampaignConfig, dataDir: string, log: (line: string) => void, generatedAt = new Date()): Promise<AuditReport> {
  const persisted = await readDataDir(dataDir, log);
  return storedReport(campaign, persisted, `journal ${dataDir}`, generatedAt);
}

/** The report of what a store returned (a journal read back, or Redis). */
export function storedReport(
  campaign: CampaignConfig,
  persisted: StoredShow,
  source: string,
  generatedAt = new Date(),
  goalMinor = savedGoal(persisted.settings[GOAL_SETTING], campaign),
): AuditReport {
  return buildAuditReport({
    campaign,
    cells: persisted.cells,
    ledger: persisted.ledger,
    timeline: persisted.timeline,
    goalMinor,
    source,
    generatedAt,
  });
}

/** The goal a producer saved, when it is one the campaign can have; the campaign's own otherwise. */
function savedGoal(saved: JsonValue | undefined, campaign: CampaignConfig): number {
  const goal = readSavedGoal(saved, campaign.capMinor, campaign.stretchGoals);
  return goal.ok ? goal.plan.goalMinor : campaign.goalMinor;
}
