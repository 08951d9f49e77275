import type { Severity } from '@wair-sfcc/contracts';
import { maxSeverity, type Finding } from './finding.model';

/** One (SKU, inventory list) pair to compare. */
export interface InventoryDriftRow {
  sku: string;
  inventoryListId: string;
  /** Allocation the writer's formula gives now (computed by the caller with `@wair-sfcc/inventory-domain`). */
  expectedAllocation: number;
  /** Allocation of the SFCC record read back; null when SFCC has no record. */
  sfccAllocation: number | null;
  /** WAIR time of the figure `expectedAllocation` is based on. */
  expectedAsOf?: number;
  /** `allocation_reset_date` of the SFCC record. */
  sfccResetDate?: number | null;
}

export interface InventoryDriftOptions {
  /** Differences up to this many units are ignored. Default 0. */
  toleranceUnits?: number;
  /** Under-stated by at least this many units (or shown as sold out while stock exists) is MEDIUM, less is LOW. Default 5. */
  mediumUnderstatementUnits?: number;
  /**
   * A newer WAIR figure than the SFCC record younger than this is a write still in flight (the
   * SYNC_DELAY rule watches that), not drift. Default 0: compare regardless.
   */
  inFlightGraceMs?: number;
  now?: number;
}

export type DriftDirection = 'OVER_STATED' | 'UNDER_STATED';

interface ListDrift {
  row: InventoryDriftRow;
  sfcc: number;
  delta: number;
  direction: DriftDirection;
  severity: Severity;
}

function assess(
  row: InventoryDriftRow,
  o: Required<Omit<InventoryDriftOptions, 'now'>> & { now?: number },
): ListDrift | undefined {
  const sfcc = row.sfccAllocation ?? 0;
  const delta = sfcc - row.expectedAllocation;
  if (Math.abs(delta) <= o.toleranceUnits) return undefined;
  const newer =
    row.expectedAsOf !== undefined && row.expectedAsOf > (row.sfccResetDate ?? Number.NEGATIVE_INFINITY);
  if (newer && o.now !== undefined && o.now - (row.expectedAsOf as number) < o.inFlightGraceMs)
    return undefined;
  if (delta > 0) return { row, sfcc, delta, direction: 'OVER_STATED', severity: 'HIGH' };
  const soldOutWrongly = sfcc === 0 && row.expectedAllocation > 0;
  const severity = soldOutWrongly || -delta >= o.mediumUnderstatementUnits ? 'MEDIUM' : 'LOW';
  return { row, sfcc, delta, direction: 'UNDER_STATED', severity };
}

/**
 * INVENTORY_DRIFT (owner OPS): SFCC allocation read back vs the expected allocation, beyond the
 * tolerance. Over-stated stock is HIGH — the storefront can sell what does not exist; under-stated
 * is MEDIUM when it hides real stock (sold out wrongly, or at least `mediumUnderstatementUnits`),
 * LOW otherwise. A missing SFCC record counts as 0. One finding per SKU: its lists in `data`, the
 * worst severity, the direction of the largest difference.
 */
export function findInventoryDrift(
  rows: Iterable<InventoryDriftRow>,
  options: InventoryDriftOptions = {},
): Finding[] {
  const o = {
    toleranceUnits: options.toleranceUnits ?? 0,
    mediumUnderstatementUnits: options.mediumUnderstatementUnits ?? 5,
    inFlightGraceMs: options.inFlightGraceMs ?? 0,
    now: options.now,
  };
  const bySku = new Map<string, ListDrift[]>();
  for (const row of rows) {
    const drift = assess(row, o);
    if (!drift) continue;
    const list = bySku.get(row.sku) ?? [];
    list.push(drift);
    bySku.set(row.sku, list);
  }
  const findings: Finding[] = [];
  for (const [sku, drifts] of bySku) {
    drifts.sort(
      (a, b) =>
        Math.abs(b.delta) - Math.abs(a.delta) || (a.row.inventoryListId < b.row.inventoryListId ? -1 : 1),
    );
    const worst = drifts[0] as ListDrift;
    const severity = drifts.reduce<Severity>((s, d) => maxSeverity(s, d.severity), 'LOW');
    const data: Record<string, string> = {
      direction: worst.direction,
      magnitude: String(Math.abs(worst.delta)),
      inventoryListIds: drifts.map((d) => d.row.inventoryListId).join(','),
    };
    for (const d of drifts) {
      const l = d.row.inventoryListId;
      data[`${l}.expected`] = String(d.row.expectedAllocation);
      data[`${l}.sfcc`] = d.row.sfccAllocation === null ? 'none' : String(d.sfcc);
      data[`${l}.delta`] = String(d.delta);
    }
    const parts = drifts.map(
      (d) =>
        `${d.row.inventoryListId}: SFCC ${d.row.sfccAllocation === null ? 'has no record' : `shows ${d.sfcc}`}, expected ${d.row.expectedAllocation} (${d.direction === 'OVER_STATED' ? 'over' : 'under'}-stated by ${Math.abs(d.delta)})`,
    );
    const risk = worst.direction === 'OVER_STATED' ? ' — risk of overselling' : '';
    findings.push({
      type: 'INVENTORY_DRIFT',
      subjectType: 'SKU',
      subject: sku,
      owner: 'OPS',
      severity,
      detail: `${sku} ${parts.join('; ')}${risk}`,
      data,
    });
  }
  return findings;
}
