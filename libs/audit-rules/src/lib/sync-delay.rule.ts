import type { InventorySync, StockLevel } from '@wair-sfcc/contracts';
import { formatDuration, type Finding } from './finding.model';

export interface SyncDelayOptions {
  now: number;
  /** A WAIR change must have a sync outcome within this time. */
  slaMs: number;
  /** Older than this (default 4 × SLA) is HIGH instead of MEDIUM. */
  escalateAfterMs?: number;
  /** Inventory lists the SKU is mapped to; each needs an outcome. Default: any one list suffices. */
  listsFor?: (sku: string) => readonly string[];
}

function covers(sync: InventorySync | undefined, stock: StockLevel, listId: string | undefined): boolean {
  return (sync?.lists ?? []).some(
    (l) =>
      (listId === undefined || l.inventoryListId === listId) &&
      (l.sourceAsOf > stock.asOf ||
        (l.sourceAsOf === stock.asOf && l.sourceSequence >= stock.sourceSequence)),
  );
}

/**
 * SYNC_DELAY (owner PLATFORM): the WAIR figure of a SKU (`asOf`, `sourceSequence`) is older than
 * the SLA and no `sfcc.inventory-sync.v1` outcome exists for it or a newer figure. Any outcome
 * counts (OK, SKU_NOT_IN_CATALOG, REJECTED, FAILED): those are reported by their own exceptions;
 * this rule is about the pipeline not keeping up. Detail and data do not contain the age, so a
 * re-run only changes the exception (beyond lastSeen) when the severity escalates or the figure moves.
 */
export function findSyncDelays(
  stock: Iterable<StockLevel>,
  syncs: ReadonlyMap<string, InventorySync>,
  options: SyncDelayOptions,
): Finding[] {
  const escalate = options.escalateAfterMs ?? options.slaMs * 4;
  const findings: Finding[] = [];
  for (const s of stock) {
    const age = options.now - s.asOf;
    if (age <= options.slaMs) continue;
    const sync = syncs.get(s.sku);
    const lists = options.listsFor?.(s.sku);
    const missing = lists
      ? lists.filter((l) => !covers(sync, s, l))
      : covers(sync, s, undefined)
        ? []
        : ['*'];
    if (missing.length === 0) continue;
    const last = (sync?.lists ?? []).reduce((m, l) => Math.max(m, l.writtenAt), 0);
    findings.push({
      type: 'SYNC_DELAY',
      subjectType: 'SKU',
      subject: s.sku,
      owner: 'PLATFORM',
      severity: age > escalate ? 'HIGH' : 'MEDIUM',
      detail: `WAIR stock change of ${s.sku} at ${new Date(s.asOf).toISOString()} (sequence ${s.sourceSequence}) has no SFCC sync outcome${lists ? ` for ${missing.join(', ')}` : ''} within the SLA of ${formatDuration(options.slaMs)}`,
      data: {
        asOf: new Date(s.asOf).toISOString(),
        sourceSequence: String(s.sourceSequence),
        slaMs: String(options.slaMs),
        missingLists: missing.join(','),
        lastWrittenAt: last ? new Date(last).toISOString() : 'never',
      },
    });
  }
  return findings;
}
