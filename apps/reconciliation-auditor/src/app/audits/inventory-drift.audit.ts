import { findInventoryDrift, type InventoryDriftRow, type InventoryRecordKey } from '@wair-sfcc/audit-rules';
import type { SfccProduct, StockLevel } from '@wair-sfcc/contracts';
import type { InventoryReader } from '@wair-sfcc/sfcc-client';
import { expectedAllocation, type AllocationModel } from '../allocation-model';
import type { AuditFindings } from './audit-definition';

export interface InventoryDriftAuditOptions {
  reader: InventoryReader;
  model: AllocationModel;
  stock: ReadonlyMap<string, StockLevel>;
  products: ReadonlyMap<string, SfccProduct>;
  /** Records read per list and run; larger lists are covered as a rotating sample. */
  recordsPerRun: number;
  pageSize: number;
  toleranceUnits: number;
  graceMs: number;
}

const isSellable = (p: SfccProduct | undefined) => p?.type === 'VARIANT' || p?.type === 'SIMPLE';

/**
 * INVENTORY_DRIFT: reads SFCC inventory records back page by page (through the throttled OCAPI
 * reader) and compares each with the allocation the writer's formula gives for the current WAIR
 * figure. Each list keeps a cursor, so a catalogue larger than `recordsPerRun` is audited in a
 * rotation; only the SKUs read in a run are in its scope. Records keyed to products that are not
 * sellable variants are remembered for the SKU_MISMATCH audit.
 */
export function createInventoryDriftAudit(options: InventoryDriftAuditOptions) {
  const cursors = new Map<string, number>();
  const offCatalog = new Map<string, InventoryRecordKey>();

  const find = async (now: number): Promise<AuditFindings> => {
    const rows: InventoryDriftRow[] = [];
    const examined = new Set<string>();
    let read = 0;
    for (const list of options.model.lists) {
      const listId = list.inventoryListId;
      let start = cursors.get(listId) ?? 0;
      let taken = 0;
      while (taken < options.recordsPerRun) {
        const count = Math.min(options.pageSize, options.recordsPerRun - taken);
        const page = await options.reader.readPage(listId, start, count);
        for (const record of page.records) {
          const key = `${listId}\u0000${record.productId}`;
          if (!isSellable(options.products.get(record.productId))) {
            offCatalog.set(key, { productId: record.productId, inventoryListId: listId });
            continue;
          }
          offCatalog.delete(key);
          const figure = options.stock.get(record.productId);
          if (!figure) continue;
          const expected = expectedAllocation(options.model, list, figure);
          examined.add(record.productId);
          rows.push({
            sku: record.productId,
            inventoryListId: listId,
            expectedAllocation: expected.allocation,
            sfccAllocation: record.allocation,
            expectedAsOf: figure.asOf,
            sfccResetDate: record.resetDate,
          });
        }
        taken += page.records.length;
        start += page.records.length;
        if (page.records.length === 0 || start >= page.total) {
          start = 0;
          break;
        }
      }
      cursors.set(listId, start);
      read += taken;
    }
    const findings = findInventoryDrift(rows, {
      toleranceUnits: options.toleranceUnits,
      inFlightGraceMs: options.graceMs,
      now,
    });
    return {
      findings,
      covers: (sku) => examined.has(sku),
      stats: { recordsRead: read, skusCompared: examined.size },
    };
  };

  return {
    find,
    /** Inventory records last seen keyed to a product that is not a sellable variant. */
    offCatalogRecords: (): InventoryRecordKey[] => [...offCatalog.values()],
  };
}

export type InventoryDriftAudit = ReturnType<typeof createInventoryDriftAudit>;
