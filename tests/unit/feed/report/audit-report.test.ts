import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Aggregator } from '../../../../src/feed/reactions/aggregator.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';
import { GOAL_SETTING } from '../../../../src/feed/control/goal-desk.ts';
import { DurableTotals } from '../../../../src/feed/reactions/durable-totals.ts';
import { buildAuditReport } from '../../../../src/feed/report/audit-report.ts';
import { reportToCsv } from '../../../../src/feed/report/report-csv.ts';
import { journalReport, liveReport } from '../../../../src/feed/report/report-sources.ts';
import { JournalStore } from '../../../../src/feed/store/journal/journal-store.ts';
import { checkedCells } from '../reactions/checked-cells.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const AT = new Date('2024-03-11T05:46:00Z');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const count = fc.integer({ min: 0, max: 5_000 });
const delta = fc.record({
  region: fc.constantFrom(...campaign.regions.map((region) => region.id)),
  market: fc.constantFrom(...campaign.markets.map((market) => market.id)),
  likes: count,
  comments: count,
  gifts: count,
  giftDiamonds: count,
  shares: count,
});

describe('the audit report', () => {
  it('is the same from the journal alone as from the live aggregator, whatever was committed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(delta, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: campaign.capMinor }), async (batches, goal) => {
        const dir = await mkdtemp(join(tmpdir(), 'report-test-'));
        dirs.push(dir);
        const aggregator = new Aggregator(campaign);
        const { totals } = await DurableTotals.open(new JournalStore({ dir, log: () => {} }), aggregator, () => {});
        await Promise.all(batches.map((deltas, index) => totals.commit({ idempotencyKey: `batch-${index}`, source: 'test', cells: checkedCells(deltas) })));
        await totals.store.putSetting(GOAL_SETTING, { goalMinor: goal });
        aggregator.setGoal(goal);
        const live = liveReport(aggregator, AT);
        await totals.close();
        const fromJournal = await journalReport(campaign, dir, () => {}, AT);
        expect({ ...fromJournal, source: 'live' }).toEqual(live);
        expect(reportToCsv(fromJournal)).toBe(reportToCsv(live));
        expect(live.donation.raisedMinor).toBe(aggregator.state(null).donation.raisedMinor);
      }),
      { numRuns: 15 },
    );
  }, 30_000);

  it('shows its arithmetic: per-kind amounts, floors, the cap, and the rows of the CSV', () => {
    const report = buildAuditReport({
      campaign,
      cells: [
        { region: 'tohoku', market: 'jp', totals: { likes: 129, comments: 3, gifts: 2, giftDiamonds: 70, shares: 4 } },
        { region: 'noto', market: 'us', totals: { likes: 9, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 } },
      ],
      goalMinor: campaign.goalMinor,
      source: 'test',
      generatedAt: AT,
    });
    // 138 likes / 10 = 13 (floored on the campaign total, not 12 + 0 per cell), 3 x 5, 4 x 10, 70 x 1.
    expect(report.donation.earnedByKindMinor).toEqual({ likes: '13', comments: '15', shares: '40', giftDiamonds: '70' });
    expect(report.donation).toMatchObject({ earnedUncappedMinor: '138', raisedMinor: 138 });
    expect(report.byRegion['noto']!.earnedUncappedMinor).toBe('0');
    expect(report.cells).toHaveLength(campaign.regions.length * campaign.markets.length);
    const rows = parseCsv(reportToCsv(report), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.section === 'rate-per')).toMatchObject({ likes: '10', comments: '1', gifts: '', giftDiamonds: '1' });
    expect(rows.find((row) => row.section === 'campaign')).toMatchObject({ likes: '138', amountMinor: '138' });
  });

  it('keeps amounts beyond 2^53 exact, caps the raised amount, and lists cells the campaign no longer has', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const report = buildAuditReport({
      campaign,
      cells: [
        { region: 'tohoku', market: 'jp', totals: { likes: 0, comments: huge, gifts: 0, giftDiamonds: 0, shares: 0 } },
        { region: 'atlantis', market: 'jp', totals: { likes: 5, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 } },
      ],
      goalMinor: campaign.goalMinor,
      source: 'test',
      generatedAt: AT,
    });
    expect(report.donation.earnedUncappedMinor).toBe((BigInt(huge) * 5n).toString());
    expect(report.donation.raisedMinor).toBe(campaign.capMinor);
    expect(report.excludedCells).toEqual([{ region: 'atlantis', market: 'jp', totals: { likes: 5, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 } }]);
    expect(report.totals.likes).toBe(0);
  });
});
