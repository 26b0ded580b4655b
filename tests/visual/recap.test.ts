import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { writeSampleShow } from '../../src/feed/dev/sample-show.ts';
import { RECAP_SIZES, recapCard, recapDimensions } from '../../src/feed/recap/recap-card.ts';
import { renderRecapPngs } from '../../src/feed/recap/render-recap.ts';
import type { AuditReport } from '../../src/feed/report/audit-report.ts';
import { journalReport } from '../../src/feed/report/report-sources.ts';
import { expectMatchesGolden } from './golden.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
let dir: string;
let report: AuditReport;

beforeAll(async () => {
  // A fixed journal: the seeded 90-minute sample show, written with the store's clock set minute by minute.
  dir = await mkdtemp(join(tmpdir(), 'recap-golden-'));
  await writeSampleShow(dir, campaign);
  report = await journalReport(campaign, dir, () => {});
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every string a card shows. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

describe('the recap card', () => {
  it('renders the sample show in each of the three sizes as in its golden (Japanese)', async () => {
    const pngs = await renderRecapPngs(RECAP_SIZES.map((size) => ({ card: recapCard(report, campaign, 'ja'), size })), inject('browserPath'));
    for (const [index, size] of RECAP_SIZES.entries()) {
      const png = PNG.sync.read(pngs[index]!);
      expect({ width: png.width, height: png.height }).toEqual(recapDimensions(size));
      expectMatchesGolden(`recap-ja-${size}`, pngs[index]!, { threshold: 0.1, maxDiffPixels: 200 });
    }
  });

  it('says in English what it says in Japanese, with the same figures', async () => {
    const [ja, en] = [recapCard(report, campaign, 'ja'), recapCard(report, campaign, 'en')];
    expect(en.total).toBe('¥22,079,940');
    expect(ja.total).toBe(en.total);
    expect(en.reactions[0]).toEqual({ count: '5,213,408', label: 'likes' });
    expect(ja.reactions[0]).toEqual({ count: '5,213,408', label: 'いいね' });
    expect(en.markets.count).toBe('9');
    expect(en.adjustmentsLine).toBe('including ¥1,152,300 in matching gifts and donation boxes');
    // One language per card: no Japanese script on the English card, no English words on the Japanese one.
    expect(textsOf(en).join(' ')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(textsOf({ ...ja, lang: '' }).join(' ')).not.toMatch(/[A-Za-z]{2,}/);
    expect(en.chart!.points).toHaveLength(90);
    expect(en.chart!.points.at(-1)).toBe(1);
  });
});
