import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REACTION_KINDS } from '../../../src/protocol/index.ts';
import { Aggregator } from '../../../src/feed/aggregator.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../src/feed/config.ts';
import { GOAL_SETTING } from '../../../src/feed/control/goal-desk.ts';
import { DurableTotals } from '../../../src/feed/durable-totals.ts';
import { buildAuditReport } from '../../../src/feed/report/audit-report.ts';
import { reportToCsv } from '../../../src/feed/report/report-csv.ts';
import { journalReport, liveReport } from '../../../src/feed/report/report-sources.ts';
import { JournalStore } from '../../../src/feed/store/journal-store.ts';

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

const adjustment = fc.record({
  amountMinor: fc.integer({ min: 1, max: 5_000_000 }),
  region: fc.constantFrom(null, ...campaign.regions.map((region) => region.id)),
  voided: fc.boolean(),
});

describe('the audit report', () => {
  it('is the same from the journal alone as from the live aggregator, whatever was committed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(delta, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: campaign.capMinor }), fc.array(adjustment, { maxLength: 6 }), async (batches, goal, adjustments) => {
        const dir = await mkdtemp(join(tmpdir(), 'report-test-'));
        dirs.push(dir);
        const aggregator = new Aggregator(campaign);
        const { totals } = await DurableTotals.open(new JournalStore({ dir, log: () => {} }), aggregator, () => {});
        await Promise.all(batches.map((deltas, index) => totals.commit({ idempotencyKey: `batch-${index}`, source: 'test', deltas })));
        await totals.store.putSetting(GOAL_SETTING, { goalMinor: goal });
        aggregator.setGoal(goal);
        for (const [index, made] of adjustments.entries()) {
          const id = `adj-${index.toString(16).padStart(12, '0')}`;
          await totals.commitLedger({ op: 'add', id, key: `adjust-${index}`, kind: 'matching', amountMinor: made.amountMinor, region: made.region, reason: 'sponsor' });
          if (made.voided) await totals.commitLedger({ op: 'void', id, key: `void-${index}`, reason: 'withdrawn' });
        }
        const live = await liveReport(aggregator, totals.store, AT);
        await totals.close();
        const fromJournal = await journalReport(campaign, dir, () => {}, AT);
        expect({ ...fromJournal, source: 'live' }).toEqual(live);
        expect(reportToCsv(fromJournal)).toBe(reportToCsv(live));
        // The report's sums equal the journal: amounts as on air, the timeline adds up to the totals.
        expect(live.donation.raisedMinor).toBe(aggregator.state(null).donation.raisedMinor);
        expect(live.donation.adjustmentsMinor).toBe(adjustments.filter((made) => !made.voided).reduce((sum, made) => sum + made.amountMinor, 0));
        for (const region of campaign.regions) expect(live.byRegion[region.id]!.raisedMinor).toBe(aggregator.state(region.id).donation.raisedMinor);
        for (const kind of REACTION_KINDS) expect(live.timeline.reduce((sum, minute) => sum + minute.counted[kind], 0)).toBe(live.totals[kind]);
        expect(live.timeline.at(-1)!.raisedMinor).toBe(live.donation.raisedMinor);
        expect(live.adjustments).toHaveLength(adjustments.length);
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
      ledger: [],
      timeline: [],
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
      ledger: [],
      timeline: [],
      goalMinor: campaign.goalMinor,
      source: 'test',
      generatedAt: AT,
    });
    expect(report.donation.earnedUncappedMinor).toBe((BigInt(huge) * 5n).toString());
    expect(report.donation.raisedMinor).toBe(campaign.capMinor);
    expect(report.excludedCells).toEqual([{ region: 'atlantis', market: 'jp', totals: { likes: 5, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 } }]);
    expect(report.totals.likes).toBe(0);
  });

  it('lists each adjustment and void with its reason and time, adds them after the cap, and fills quiet minutes', () => {
    const minute = Date.UTC(2024, 2, 11, 5, 46);
    const report = buildAuditReport({
      campaign,
      cells: [{ region: 'tohoku', market: 'jp', totals: { likes: 0, comments: 0, gifts: 1, giftDiamonds: campaign.capMinor * 2, shares: 0 } }],
      ledger: [
        { op: 'add', id: 'adj-00000000000a', key: 'k1', at: minute + 61_000, kind: 'matching', amountMinor: 1_000_000, region: null, reason: 'Sponsor match' },
        { op: 'add', id: 'adj-00000000000b', key: 'k2', at: minute + 121_000, kind: 'offline', amountMinor: 5_000, region: 'tohoku', reason: 'Box at the venue' },
        { op: 'void', id: 'adj-00000000000b', key: 'k3', at: minute + 190_000, reason: 'Counted twice' },
      ],
      timeline: [[minute / 60_000, 0, 0, 1, campaign.capMinor * 2, 0]],
      goalMinor: campaign.goalMinor,
      source: 'test',
      generatedAt: AT,
    });
    expect(report.donation).toMatchObject({ reactionsMinor: campaign.capMinor, adjustmentsMinor: 1_000_000, raisedMinor: campaign.capMinor + 1_000_000 });
    expect(report.adjustments[1]).toMatchObject({ reason: 'Box at the venue', voided: { reason: 'Counted twice' }, voidedAtIso: new Date(minute + 190_000).toISOString() });
    expect(report.timeline.map((row) => row.raisedMinor)).toEqual([campaign.capMinor, campaign.capMinor + 1_000_000, campaign.capMinor + 1_005_000, campaign.capMinor + 1_000_000]);
    const rows = parseCsv(reportToCsv(report), { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.section === 'adjustment' || row.section === 'void').map((row) => [row.section, row.amountMinor, row.reason])).toEqual([
      ['adjustment', '1000000', 'Sponsor match'],
      ['adjustment', '5000', 'Box at the venue'],
      ['void', '-5000', 'Counted twice'],
    ]);
    expect(rows.find((row) => row.section === 'donation-raised')!.amountMinor).toBe(String(campaign.capMinor + 1_000_000));
    expect(rows.find((row) => row.section === 'region-raised' && row.region === 'tohoku')!.amountMinor).toBe(String(campaign.capMinor));
  });
});
