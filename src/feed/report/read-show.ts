import { resolve } from 'node:path';
import type { CampaignConfig } from '../../protocol/index.ts';
import { readRedisUrl } from '../cli/redis-settings.ts';
import { redactRedisUrl } from '../store/redis-connection.ts';
import { redisKeysFor } from '../store/redis-keys.ts';
import { RedisStore } from '../store/redis-store.ts';
import type { AuditReport } from './audit-report.ts';
import { journalReport, storedReport } from './report-sources.ts';

/**
 * The report of a show from its store alone, for the command-line tools (`npm run report`, `npm run recap`):
 * Redis when REDIS_URL is set (as `npm start` uses it), else the journal in DATA_DIR (.data). Safe while the
 * feed runs: nothing is written.
 */
export async function readShowReport(campaign: CampaignConfig, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<{ report: AuditReport; from: string }> {
  const redisUrl = readRedisUrl(env);
  if (redisUrl) {
    const store = new RedisStore({ url: redisUrl, keys: redisKeysFor(campaign.id), log });
    await store.open();
    try {
      const from = `Redis at ${redactRedisUrl(redisUrl)}`;
      return { report: storedReport(campaign, await store.read(), from), from };
    } finally {
      await store.close();
    }
  }
  const dataDir = resolve(env['DATA_DIR'] || '.data');
  return { report: await journalReport(campaign, dataDir, log), from: dataDir };
}
