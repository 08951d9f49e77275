import { stringify } from 'csv-stringify/sync';
import { MONTH_END_CSV_COLUMNS, monthEndCsvRows, type MonthEndReport } from '@wair-sfcc/audit-rules';
import type { IntegrationException } from '@wair-sfcc/contracts';

/** Columns of the open-exceptions CSV, in order. */
export const EXCEPTION_CSV_COLUMNS = [
  'owner',
  'type',
  'severity',
  'state',
  'subjectType',
  'subject',
  'detail',
  'firstSeen',
  'lastSeen',
  'occurrences',
  'acknowledgedBy',
  'acknowledgedReason',
  'raisedBy',
  'id',
] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** Exceptions as CSV (one row each, grouped by owner team as given). */
export function exceptionsCsv(exceptions: readonly IntegrationException[]): string {
  return stringify(
    exceptions.map((e) => ({
      ...e,
      firstSeen: iso(e.firstSeen),
      lastSeen: iso(e.lastSeen),
      acknowledgedBy: e.acknowledgedBy ?? '',
      acknowledgedReason: e.acknowledgedReason ?? '',
    })),
    { header: true, columns: [...EXCEPTION_CSV_COLUMNS] },
  );
}

/** The month-end report as CSV (rows from `monthEndCsvRows`). */
export function monthEndCsv(report: MonthEndReport): string {
  return stringify(monthEndCsvRows(report), { header: true, columns: [...MONTH_END_CSV_COLUMNS] });
}
