import { z } from 'zod';
import type {
  DerivedFigures,
  InventoryRecordChange,
  InventoryRecordState,
} from '../inventory/inventory-record';
import { ocapiDocVersion } from './ocapi-fault';

/** OCAPI's `product_inventory_record` document for a stored record. */
export function toInventoryDocument(version: string, r: InventoryRecordState, f: DerivedFigures) {
  return {
    _v: ocapiDocVersion(version),
    _type: 'product_inventory_record',
    allocation: {
      _type: 'product_inventory_record_allocation',
      amount: r.allocation,
      reset_date: new Date(r.resetDate).toISOString(),
    },
    ats: f.ats,
    creation_date: new Date(r.creationDate).toISOString(),
    ...(r.inStockDate ? { in_stock_date: r.inStockDate } : {}),
    inventory_list_id: r.listId,
    inventory_turnover: f.turnover,
    last_modified: new Date(r.lastModified).toISOString(),
    perpetual_flag: r.perpetual,
    pre_order_back_order_allocation: r.preOrderBackOrderAllocation,
    pre_order_back_order_handling: r.preOrderBackOrderHandling,
    product_id: r.productId,
    quantity_on_order: r.quantityOnOrder,
    stock_level: f.stockLevel,
  };
}

// Read-only properties a client may echo back (SFCC ignores them on write) are allowed and dropped.
const inventoryBodySchema = z.looseObject({
  allocation: z
    .looseObject({
      amount: z.number().optional(),
      reset_date: z.iso.datetime({ offset: true }).optional(),
    })
    .optional(),
  perpetual_flag: z.boolean().optional(),
  pre_order_back_order_handling: z.enum(['none', 'preorder', 'backorder']).optional(),
  pre_order_back_order_allocation: z.number().optional(),
  in_stock_date: z.iso.datetime({ offset: true }).optional(),
});

export type ParsedInventoryBody =
  { ok: true; change: InventoryRecordChange } | { ok: false; property: string; message: string };

/** Validates a PUT/PATCH body; the first offending property is named in the fault. */
export function parseInventoryBody(body: unknown): ParsedInventoryBody {
  const parsed = inventoryBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const property = issue?.path.join('.') || '(document)';
    return { ok: false, property, message: `Property '${property}': ${issue?.message ?? 'invalid'}.` };
  }
  const b = parsed.data;
  return {
    ok: true,
    change: {
      ...(b.allocation?.amount !== undefined ? { allocation: b.allocation.amount } : {}),
      ...(b.allocation?.reset_date ? { resetDate: Date.parse(b.allocation.reset_date) } : {}),
      ...(b.perpetual_flag !== undefined ? { perpetual: b.perpetual_flag } : {}),
      ...(b.pre_order_back_order_handling
        ? { preOrderBackOrderHandling: b.pre_order_back_order_handling }
        : {}),
      ...(b.pre_order_back_order_allocation !== undefined
        ? { preOrderBackOrderAllocation: b.pre_order_back_order_allocation }
        : {}),
      ...(b.in_stock_date ? { inStockDate: b.in_stock_date } : {}),
    },
  };
}
