import type { StockLevel } from '@wair-sfcc/contracts';
import {
  classifyPriority,
  computeAllocation,
  type Allocation,
  type InFlightOrderIndex,
  type InventoryListMapping,
  type PriorityClass,
} from '@wair-sfcc/inventory-domain';

export interface StockPlannerOptions {
  lists: readonly InventoryListMapping[];
  bufferFor: (inventoryListId: string, sku: string) => number;
  orders: InFlightOrderIndex;
  lowStockThreshold: number;
  skewMarginMs: number;
  /** The allocation SFCC holds for a list and SKU, as last written successfully. */
  lastWritten: (inventoryListId: string, sku: string) => number | undefined;
}

export interface PlannedWrite {
  allocation: Allocation;
  priority: PriorityClass;
}

/** Turns one WAIR figure into one allocation per mapped inventory list, with its priority class. */
export function createStockPlanner(options: StockPlannerOptions) {
  return (figure: Pick<StockLevel, 'sku' | 'asOf' | 'sourceSequence' | 'locations'>): PlannedWrite[] =>
    options.lists.map((list) => {
      const allocation = computeAllocation({
        list,
        figure,
        inFlight: options.orders.inFlight(
          list.inventoryListId,
          figure.sku,
          figure.asOf,
          options.skewMarginMs,
        ),
        buffer: options.bufferFor(list.inventoryListId, figure.sku),
      });
      const last = options.lastWritten(list.inventoryListId, figure.sku);
      return {
        allocation,
        priority: classifyPriority(allocation.allocation, last, options.lowStockThreshold),
      };
    });
}

export type StockPlanner = ReturnType<typeof createStockPlanner>;
