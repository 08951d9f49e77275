import { z } from 'zod';

const quantity = z.number().int().min(0);
const dateTime = z.iso.datetime({ offset: true });
const code = z.string().min(1).max(100);

/** One (SKU, location) record of the StockLevels feed or a stock.changed webhook. */
export const stockRecordSchema = z
  .object({
    skuCode: code,
    locationCode: code,
    onHand: quantity,
    reserved: quantity,
    available: z.number().int(),
    modifiedDateTime: dateTime,
    sequence: z.number().int().min(0),
  })
  .refine((r) => r.available === r.onHand - r.reserved, {
    path: ['available'],
    message: 'available must equal onHand - reserved',
  });
export type StockRecord = z.infer<typeof stockRecordSchema>;
export const STOCK_FIELDS = [
  'skuCode',
  'locationCode',
  'onHand',
  'reserved',
  'available',
  'modifiedDateTime',
  'sequence',
] as const;

/** One dispatch of the Dispatches feed or an order.dispatched webhook. */
export const dispatchRecordSchema = z.object({
  dispatchId: code,
  orderNumber: code,
  carrier: z.string().min(1),
  service: z.string().nullable().optional(),
  trackingNumber: z.string().min(1),
  trackingUrl: z.string().min(1),
  lines: z.array(z.object({ skuCode: code, quantity: z.number().int().min(1) })).min(1),
  dispatchedDateTime: dateTime,
  modifiedDateTime: dateTime,
});
export type DispatchRecord = z.infer<typeof dispatchRecordSchema>;
export const DISPATCH_FIELDS = [
  'dispatchId',
  'orderNumber',
  'carrier',
  'service',
  'trackingNumber',
  'trackingUrl',
  'lines',
  'dispatchedDateTime',
  'modifiedDateTime',
] as const;

/** One SKU of the Skus feed. */
export const skuRecordSchema = z.object({
  skuCode: code,
  styleCode: code,
  itemCode: code,
  colour: z.string(),
  size: z.string(),
  barcode: z.string().nullable().optional(),
  status: z.enum(['ACTIVE', 'INACTIVE', 'DISCONTINUED']),
  modifiedDateTime: dateTime,
});
export type SkuRecord = z.infer<typeof skuRecordSchema>;
export const SKU_FIELDS = [
  'skuCode',
  'styleCode',
  'itemCode',
  'colour',
  'size',
  'barcode',
  'status',
  'modifiedDateTime',
] as const;

/** The first problem of a failed parse: which field and why. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') || '(record)', message: issue?.message ?? 'invalid' };
}
