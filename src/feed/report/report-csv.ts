import { REACTION_KINDS } from '../../protocol/index.ts';
import type { AuditReport } from './audit-report.ts';

const COLUMNS = ['section', 'region', 'market', ...REACTION_KINDS, 'amountMinor', 'id', 'kind', 'at', 'reason'] as const;

/**
 * The audit report as one CSV sheet, one row per figure group, a `section` column saying what the row is:
 * `cell`, `region`, `market`, `campaign` (counts and what they earn, uncapped); `rate-amountMinor` and
 * `rate-per` (the rates, per kind); `earned-by-kind`; `cap`, `donation-reactions` (earned, capped);
 * `adjustment` and `void` (one row each, in commit order, with id, kind, time and reason; a void's
 * amount is what it took away), `donation-adjustments`, `region-raised` (each region's reactions, capped,
 * plus its own adjustments), `donation-raised` (the total) and `goal`.
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
  rows.push(['cap', '', '', ...blank, report.donation.capMinor]);
  rows.push(['donation-reactions', '', '', ...blank, report.donation.reactionsMinor]);
  const adjustments = new Map(report.adjustments.map((adjustment) => [adjustment.id, adjustment]));
  for (const entry of report.ledger) {
    const adjustment = adjustments.get(entry.id)!;
    const at = new Date(entry.at).toISOString();
    if (entry.op === 'add') rows.push(['adjustment', entry.region ?? '', '', ...blank, entry.amountMinor, entry.id, entry.kind, at, entry.reason]);
    else rows.push(['void', adjustment.region ?? '', '', ...blank, -adjustment.amountMinor, entry.id, adjustment.kind, at, entry.reason]);
  }
  rows.push(['donation-adjustments', '', '', ...blank, report.donation.adjustmentsMinor]);
  for (const [id, figures] of Object.entries(report.byRegion)) rows.push(['region-raised', id, '', ...blank, figures.raisedMinor]);
  rows.push(['donation-raised', '', '', ...blank, report.donation.raisedMinor]);
  rows.push(['goal', '', '', ...blank, report.donation.goalMinor]);
  for (const cell of report.excludedCells) rows.push(['excluded-cell', cell.region, cell.market, ...counts(cell.totals), '']);
  // Every row has every column, blank where it does not apply.
  return rows.map((row) => COLUMNS.map((_, index) => csvField(row[index] ?? '')).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
