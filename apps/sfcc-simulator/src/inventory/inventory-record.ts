/** How a write reached the simulator, kept in the write history. */
export type WriteVia = 'ocapi' | 'batch' | 'impex';

export type PreOrderBackOrderHandling = 'none' | 'preorder' | 'backorder';

/** The stored part of an SFCC product inventory record; ats, stock level and turnover are derived. */
export interface InventoryRecordState {
  listId: string;
  productId: string;
  allocation: number;
  /** When the allocation was set; SFCC counts turnover from orders created after it. */
  resetDate: number;
  perpetual: boolean;
  preOrderBackOrderHandling: PreOrderBackOrderHandling;
  preOrderBackOrderAllocation: number;
  inStockDate?: string;
  quantityOnOrder: number;
  creationDate: number;
  lastModified: number;
}

/** One accepted write, as the inspection API lists it. */
export interface WriteHistoryEntry {
  seq: number;
  at: string;
  via: WriteVia;
  operation: 'put' | 'patch' | 'delete' | 'import' | 'import-delete';
  listId: string;
  productId: string;
  allocation?: number;
  resetDate?: string;
  perpetual?: boolean;
  /** ats right after the write, which shows whether an order in flight was accounted for. */
  atsAfter?: number;
}

/** The fields a PUT, PATCH or import may set; absent fields keep (PATCH) or default (PUT). */
export interface InventoryRecordChange {
  allocation?: number;
  resetDate?: number;
  perpetual?: boolean;
  preOrderBackOrderHandling?: PreOrderBackOrderHandling;
  preOrderBackOrderAllocation?: number;
  inStockDate?: string;
}

/** Figures SFCC derives from the record and the orders placed since its reset date. */
export interface DerivedFigures {
  turnover: number;
  ats: number;
  stockLevel: number;
}

/**
 * SFCC's formula: `ats = allocation + pre_order_back_order_allocation − turnover` and
 * `stock_level = allocation − turnover`, where turnover counts orders created after the reset
 * date. Neither is reported below zero (an oversell shows as turnover above allocation).
 *
 * A perpetual record is "always in stock": orders never use it up, so turnover is still counted
 * (and reported as `inventory_turnover`) but reduces neither figure — `ats = allocation +
 * pre_order_back_order_allocation` and `stock_level = allocation`. Were it decremented, a reader
 * of the OCAPI document (the writer, the auditor) would see a perpetual SKU run out that the
 * storefront keeps selling; the storefront's own check ignores the figures altogether.
 */
export function deriveFigures(record: InventoryRecordState, turnover: number): DerivedFigures {
  if (record.perpetual) {
    return {
      turnover,
      ats: record.allocation + record.preOrderBackOrderAllocation,
      stockLevel: record.allocation,
    };
  }
  return {
    turnover,
    ats: Math.max(0, record.allocation + record.preOrderBackOrderAllocation - turnover),
    stockLevel: Math.max(0, record.allocation - turnover),
  };
}
