import type { Dispatch } from '@wair-sfcc/contracts';
import type { SfccProductItem } from './sfcc-order.model';

/** Why a WAIR dispatch cannot be reported to SFCC as it stands. */
export type DispatchProblemReason =
  'UNKNOWN_SKU' | 'OVER_DISPATCH' | 'INVALID_QUANTITY' | 'MISSING_TRACKING' | 'ORDER_LINE_INVALID';

export interface DispatchProblem {
  dispatchId: string;
  reason: DispatchProblemReason;
  sku?: string;
  detail: string;
}

/** A dispatch whose SKU lines were mapped to SFCC product line items. */
export interface AllocatedDispatch {
  dispatch: Dispatch;
  lineItems: Array<{ id: string; quantity: number }>;
}

export interface DispatchAllocation {
  allocated: AllocatedDispatch[];
  problems: DispatchProblem[];
  /** Units dispatched so far per item id (valid dispatches only). */
  dispatchedByItem: Map<string, number>;
}

/** Oldest first; ties keep WAIR's order, so the split is the same on every replay. */
export function sortDispatches(dispatches: readonly Dispatch[]): Dispatch[] {
  return dispatches
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.dispatchedAt - b.d.dispatchedAt || a.i - b.i)
    .map((x) => x.d);
}

/**
 * Maps the SKU lines of every dispatch to SFCC `productItems[].itemId`, filling the order's items
 * of a SKU in order: when the same SKU is on several items, the first is filled before the next.
 * Dispatches are allocated oldest first, so a replay always reaches the same split. A dispatch with
 * an unknown SKU, a bad quantity or more units than are left is not allocated at all (no guessing):
 * it becomes a problem and does not consume quantities of later dispatches.
 */
export function allocateDispatches(
  items: readonly SfccProductItem[],
  dispatches: readonly Dispatch[],
): DispatchAllocation {
  const bySku = new Map<string, Array<{ id: string; quantity: number }>>();
  for (const item of items) {
    if (!item.itemId || !item.productId || !item.quantity) continue;
    const list = bySku.get(item.productId) ?? [];
    list.push({ id: item.itemId, quantity: item.quantity });
    bySku.set(item.productId, list);
  }
  const dispatchedByItem = new Map<string, number>();
  const allocated: AllocatedDispatch[] = [];
  const problems: DispatchProblem[] = [];
  for (const dispatch of sortDispatches(dispatches)) {
    const trial = new Map(dispatchedByItem);
    const lineItems = new Map<string, number>();
    const issues: DispatchProblem[] = [];
    const problem = (reason: DispatchProblemReason, sku: string | undefined, detail: string) =>
      issues.push({ dispatchId: dispatch.dispatchId, reason, sku, detail });
    if (!dispatch.trackingNumber?.trim() || !dispatch.trackingUrl?.trim()) {
      problem('MISSING_TRACKING', undefined, 'SFCC requires a tracking number and URL for a shipped event');
    }
    if (dispatch.lines.length === 0) problem('INVALID_QUANTITY', undefined, 'dispatch has no lines');
    for (const line of dispatch.lines) {
      if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
        problem(
          'INVALID_QUANTITY',
          line.sku,
          `quantity ${line.quantity} of ${line.sku} is not a whole number above zero`,
        );
        continue;
      }
      const candidates = bySku.get(line.sku);
      if (!candidates) {
        problem('UNKNOWN_SKU', line.sku, `SKU ${line.sku} is not on any product line of the order`);
        continue;
      }
      let left = line.quantity;
      for (const c of candidates) {
        const free = c.quantity - (trial.get(c.id) ?? 0);
        const take = Math.min(free, left);
        if (take <= 0) continue;
        trial.set(c.id, (trial.get(c.id) ?? 0) + take);
        lineItems.set(c.id, (lineItems.get(c.id) ?? 0) + take);
        left -= take;
        if (left === 0) break;
      }
      if (left > 0) {
        const ordered = candidates.reduce((s, c) => s + c.quantity, 0);
        problem(
          'OVER_DISPATCH',
          line.sku,
          `${left} more unit(s) of ${line.sku} dispatched than ordered (${ordered}) and not yet dispatched`,
        );
      }
    }
    if (issues.length > 0) {
      problems.push(...issues);
      continue;
    }
    for (const [id, q] of trial) dispatchedByItem.set(id, q);
    allocated.push({ dispatch, lineItems: [...lineItems].map(([id, quantity]) => ({ id, quantity })) });
  }
  return { allocated, problems, dispatchedByItem };
}
