import { REACTION_KINDS } from '../../protocol/index.ts';
import type { AuditReport } from './audit-report.ts';

const COLUMNS = ['section', 'region', 'market', ...REACTION_KINDS, 'amountMinor'] as const;

/**
 * The audit report as one CSV sheet, one row per figure group, a `section` column saying what the row is:
 * `cell`, `region`, `market`, `campaign` (counts and what they earn, uncapped); `rate-amountMinor` and
 * `rate-per` (the rates, per kind); `earned-by-kind`; and `donation-raised`, `cap`, `goal`.
 */
export function reportToCsv(report: AuditReport): string {
  const rows: (string | number)[][] = [[...COLUMNS]];
  const counts = (totals: AuditReport['totals']) => REACTION_KINDS.map((kind) => totals[kind]);
  for (const cell of report.cells) rows.push(['cell', cell.region, cell.market, ...counts(cell.totals), cell.earnedUncappedMinor]);
  for (const [id, figures] of Object.entries(report.byRegion)) rows.push(['region', id, '', ...counts(figures.totals), figures.earnedUncappedMinor]);
  for (const [id, figures] of Object.entries(report.byMarket)) rows.push(['market', '', id, ...counts(figures.totals), figures.earnedUncappedMinor]);
  rows.push(['campaign', '', '', ...counts(report.totals), report.donation.earnedUncappedMinor]);
  const rate = (field: 'amountMinor' | 'per') =>
    REACTION_KINDS.map((kind) => (kind === 'gifts' ? '' : report.rates[kind][field]));
  rows.push(['rate-amountMinor', '', '', ...rate('amountMinor'), '']);
  rows.push(['rate-per', '', '', ...rate('per'), '']);
  rows.push(['earned-by-kind', '', '', ...REACTION_KINDS.map((kind) => (kind === 'gifts' ? '' : report.donation.earnedByKindMinor[kind])), report.donation.earnedUncappedMinor]);
  const blank = REACTION_KINDS.map(() => '');
  rows.push(['donation-raised', '', '', ...blank, report.donation.raisedMinor]);
  rows.push(['cap', '', '', ...blank, report.donation.capMinor]);
  rows.push(['goal', '', '', ...blank, report.donation.goalMinor]);
  for (const cell of report.excludedCells) rows.push(['excluded-cell', cell.region, cell.market, ...counts(cell.totals), '']);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
