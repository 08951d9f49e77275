import { z } from 'zod';

const line = z.object({
  id: z.string().min(1),
  lineNumber: z.number().int(),
  skuCode: z.string().min(1),
  quantity: z.number().int(),
  unitPrice: z.number().nullable().optional(),
  lineAmount: z.number().nullable().optional(),
});

/**
 * The parts of a `WairSale` the simulator acts on. Personal fields (customer, addresses) are
 * accepted as they come and never inspected, logged or echoed back.
 */
export const saleSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  saleType: z.enum(['ONLINE_ORDER', 'ONLINE_CANCELLATION']),
  originalSaleId: z.string().min(1).nullable().optional(),
  locationCode: z.string().min(1),
  channelCode: z.string().optional(),
  saleDateTime: z.string().optional(),
  currencyCode: z.string().optional(),
  lines: z.array(line).min(1),
});

export type SaleInput = z.infer<typeof saleSchema>;

export const snfrSchema = z.object({
  fullLoad: z.boolean(),
  records: z.array(
    z.object({
      id: z.string().min(1),
      orderNumber: z.string().min(1),
      skuCode: z.string().min(1),
      locationCode: z.string().min(1),
      quantity: z.number().int().min(0),
    }),
  ),
});

export type SnfrInput = z.infer<typeof snfrSchema>;

/** `lines[0].quantity: …` from the first zod issue, with a path prefix (e.g. `records`). */
export function describeIssue(error: z.ZodError, prefix = ''): { field: string; reason: string } {
  const issue = error.issues[0];
  const parts = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
  const field = `${prefix}${parts.join('')}`.replace(/^\./, '');
  return { field, reason: `${field || '(body)'}: ${issue?.message ?? 'invalid'}` };
}
