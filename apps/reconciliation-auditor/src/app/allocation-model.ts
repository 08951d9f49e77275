import {
  computeAllocation,
  type Allocation,
  type InFlightOrderIndex,
  type InventoryListMapping,
  type StockFigure,
} from '@wair-sfcc/inventory-domain';

/** The writer's inputs to the ATS formula, rebuilt by the auditor from the same topics and settings. */
export interface AllocationModel {
  lists: readonly InventoryListMapping[];
  bufferFor: (inventoryListId: string, sku: string) => number;
  /** Fed from `sfcc.orders.v1`, as the writer's is. */
  orders: InFlightOrderIndex;
  skewMarginMs: number;
}

/** The allocation the writer computes for `figure` in one list (the shared formula, not a copy). */
export function expectedAllocation(
  model: AllocationModel,
  list: InventoryListMapping,
  figure: StockFigure,
): Allocation {
  return computeAllocation({
    list,
    figure,
    inFlight: model.orders.inFlight(list.inventoryListId, figure.sku, figure.asOf, model.skewMarginMs),
    buffer: model.bufferFor(list.inventoryListId, figure.sku),
  });
}
