import type { OrderFact, OrderLine, OrderState } from '@wair-sfcc/contracts';
import type { SfccOrder } from './sfcc-order.model';
import { OrderValidationError, type OrderProblem } from './order-validation.error';

/** How to project an order whose line items do not name their inventory list. */
export interface OrderFactOptions {
  /** When the bridge read the order (epoch ms). */
  capturedAt: number;
  /** Inventory list for lines without `inventoryId`, by site; lines stay invalid when it returns undefined. */
  inventoryListFor?: (siteId: string) => string | undefined;
}

const isBlank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

/**
 * Every problem that stops the order from being sent to WAIR or projected to an {@link OrderFact}:
 * missing order number / site / creation date / currency, no product lines, a line without product
 * id or item id, a quantity that is not a whole number above zero, duplicate item ids.
 */
export function validateSfccOrder(order: SfccOrder): OrderProblem[] {
  const problems: OrderProblem[] = [];
  if (isBlank(order.orderNo)) problems.push({ path: 'orderNo', reason: 'is missing' });
  if (isBlank(order.siteId)) problems.push({ path: 'siteId', reason: 'is missing' });
  if (isBlank(order.currency)) problems.push({ path: 'currency', reason: 'is missing' });
  if (isBlank(order.creationDate)) problems.push({ path: 'creationDate', reason: 'is missing' });
  else if (Number.isNaN(Date.parse(order.creationDate as string))) {
    problems.push({ path: 'creationDate', reason: 'is not an ISO date-time' });
  }
  if (order.orderTotal !== undefined && !Number.isFinite(order.orderTotal)) {
    problems.push({ path: 'orderTotal', reason: 'is not a number' });
  }
  const items = order.productItems ?? [];
  if (items.length === 0)
    problems.push({ path: 'productItems', reason: 'is empty: the order has no product lines' });
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = `productItems[${i}]`;
    if (isBlank(item.productId)) problems.push({ path: `${at}.productId`, reason: 'is missing' });
    if (isBlank(item.itemId)) problems.push({ path: `${at}.itemId`, reason: 'is missing' });
    else if (seen.has(item.itemId as string))
      problems.push({ path: `${at}.itemId`, reason: 'is a duplicate' });
    else seen.add(item.itemId as string);
    const q = item.quantity;
    if (q === undefined) problems.push({ path: `${at}.quantity`, reason: 'is missing' });
    else if (!Number.isInteger(q) || q <= 0) {
      problems.push({ path: `${at}.quantity`, reason: `must be a whole number above zero (got ${q})` });
    }
  });
  return problems;
}

/** Throws {@link OrderValidationError} listing every problem of a malformed order. */
export function assertValidSfccOrder(order: SfccOrder): void {
  const problems = validateSfccOrder(order);
  if (problems.length > 0) throw new OrderValidationError({ orderNo: order.orderNo ?? '', problems });
}

/** SFCC decimal total → Avro decimal(14,2) string, rounding half away from zero on cents. */
export function formatOrderTotal(total: number | undefined): string | null {
  if (total === undefined) return null;
  // Shifting through the decimal string avoids binary artefacts (12.345 * 100 = 1234.4999…).
  const shifted = Number(`${Math.abs(total)}e2`);
  const cents = Math.round(Number.isNaN(shifted) ? Math.abs(total) * 100 : shifted);
  return `${total < 0 && cents > 0 ? '-' : ''}${(cents / 100).toFixed(2)}`;
}

/** CANCELLED for orders SFCC cancelled or failed, CAPTURED otherwise (acceptance is WAIR's word). */
export function initialOrderState(order: SfccOrder): OrderState {
  return order.status === 'cancelled' || order.status === 'failed' ? 'CANCELLED' : 'CAPTURED';
}

/**
 * Projects an SFCC order to the non-personal fact published on `sfcc.orders.v1`. Fields are
 * copied one by one from an allow-list: names, addresses, e-mail addresses and phone numbers
 * cannot leak because nothing outside the list is read.
 *
 * @throws OrderValidationError when the order is malformed (see {@link validateSfccOrder}) or a
 * line has no inventory list.
 */
export function toOrderFact(order: SfccOrder, options: OrderFactOptions): OrderFact {
  const problems = validateSfccOrder(order);
  const siteId = order.siteId ?? '';
  const lines: OrderLine[] = (order.productItems ?? []).map((item, i) => {
    const inventoryListId = item.inventoryId ?? options.inventoryListFor?.(siteId);
    if (isBlank(inventoryListId)) {
      problems.push({
        path: `productItems[${i}].inventoryId`,
        reason: 'is missing and the site has no default list',
      });
    }
    return {
      itemId: item.itemId ?? '',
      sku: item.productId ?? '',
      quantity: item.quantity ?? 0,
      inventoryListId: inventoryListId ?? '',
    };
  });
  if (problems.length > 0) throw new OrderValidationError({ orderNo: order.orderNo ?? '', problems });
  return {
    orderNo: order.orderNo,
    siteId,
    createdAt: Date.parse(order.creationDate as string),
    lines,
    state: initialOrderState(order),
    capturedAt: options.capturedAt,
    acceptedAt: null,
    rejectionReason: null,
    orderTotal: formatOrderTotal(order.orderTotal),
    currency: order.currency as string,
  };
}

/** The fact after WAIR accepted the order; keeps the first acceptance time on a replay. */
export function markAccepted(fact: OrderFact, acceptedAt: number): OrderFact {
  if (fact.state === 'ACCEPTED_BY_WAIR') return fact;
  return { ...fact, state: 'ACCEPTED_BY_WAIR', acceptedAt, rejectionReason: null };
}

/** The fact after WAIR refused the order; the reason must not contain personal data. */
export function markRejected(fact: OrderFact, reason: string): OrderFact {
  return { ...fact, state: 'REJECTED', acceptedAt: null, rejectionReason: reason };
}

/** The fact after the order was cancelled in SFCC (keeps `acceptedAt` for the month-end report). */
export function markCancelled(fact: OrderFact): OrderFact {
  return { ...fact, state: 'CANCELLED' };
}
