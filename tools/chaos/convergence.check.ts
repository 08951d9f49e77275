import {
  computeAllocation,
  sellability,
  type CatalogEntry,
  type InventoryListMapping,
  type StockFigure,
} from '@wair-sfcc/inventory-domain';
import type { SfccCatalogProduct, SfccInventoryRecord, WairStockSku } from './sim-control';

/** The SFCC catalog as the writer's strict-identifier gate sees it (the auditor's pull, from the outside). */
export function catalogEntries(products: readonly SfccCatalogProduct[]): Map<string, CatalogEntry> {
  return new Map(
    products.map((p) => [
      p.id,
      {
        type: p.type.variant ? 'VARIANT' : p.type.master ? 'MASTER' : 'SIMPLE',
        online: p.online,
        masterId: p.master?.masterId ?? null,
      },
    ]),
  );
}

const pairKey = (listId: string, sku: string): string => `${listId}/${sku}`;

/**
 * The allocation every (list, SKU) should hold once the system has settled: the writer's own
 * formula (libs/inventory-domain) over WAIR's true figures. In-flight is 0 because the runner
 * settles only after every captured order was accepted by WAIR (its units are then reserved in
 * WAIR's figures), so nothing is sold that WAIR does not already count. With `catalog`, only SKUs
 * the writer's strict-identifier rule lets through are expected.
 */
export function expectedAllocations(
  truth: readonly WairStockSku[],
  lists: readonly InventoryListMapping[],
  catalog?: ReadonlyMap<string, CatalogEntry>,
  buffer: (listId: string, sku: string) => number = () => 0,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const sku of truth) {
    if (sku.locations.length === 0) continue;
    // Offline or unknown products are never written (the writer raises SKU_MISMATCH instead).
    if (catalog && !sellability(sku.skuCode, catalog.get(sku.skuCode)).sellable) continue;
    const figure: StockFigure = {
      sku: sku.skuCode,
      asOf: Math.max(...sku.locations.map((l) => Date.parse(l.modifiedDateTime))),
      sourceSequence: sku.sequence ?? 0,
      locations: sku.locations.map((l) => ({ locationCode: l.locationCode, available: l.available })),
    };
    for (const list of lists)
      out.set(
        pairKey(list.inventoryListId, sku.skuCode),
        computeAllocation({ list, figure, inFlight: 0, buffer: buffer(list.inventoryListId, sku.skuCode) })
          .allocation,
      );
  }
  return out;
}

export interface ConvergenceResult {
  checked: number;
  /** Pairs whose SFCC record is missing or holds another amount, with both figures. */
  wrong: Array<{ pair: string; expected: number; actual: number | null }>;
}

/** Compares SFCC's records (`GET /__sim/inventory`) with the expected allocations. */
export function compareRecords(
  expected: ReadonlyMap<string, number>,
  records: readonly SfccInventoryRecord[],
): ConvergenceResult {
  const held = new Map<string, number | undefined>();
  for (const r of records) held.set(pairKey(r.inventory_list_id, r.product_id), r.allocation?.amount);
  const wrong: ConvergenceResult['wrong'] = [];
  for (const [pair, want] of expected) {
    const got = held.get(pair);
    if (got !== want) wrong.push({ pair, expected: want, actual: got ?? null });
  }
  return { checked: expected.size, wrong };
}
