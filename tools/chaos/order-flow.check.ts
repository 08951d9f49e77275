import type { DispatchEmailsView, SfccOrderView, WairSaleEntry } from './sim-control';

export interface OrderFlowResult {
  /** Well-formed storefront orders (every line a product and a positive quantity). */
  orders: number;
  /** Orders WAIR does not hold as an ONLINE_ORDER sale. */
  missingInWair: string[];
  /** ONLINE_ORDER sales in WAIR with no such storefront order, or held under other lines. */
  unexpectedInWair: string[];
  /** Orders not marked exported in SFCC. */
  notExported: string[];
  /** Orders WAIR dispatched that SFCC does not show shipped. */
  dispatchedNotShipped: string[];
  /** Orders whose dispatch e-mails differ from WAIR's parcels for them. */
  emailMismatch: string[];
  wairDispatches: number;
  emails: number;
  duplicateEmails: number;
  /** Sale posts that carried an id already accepted (retries WAIR absorbed as upserts). */
  repeatedPosts: number;
}

const wellFormed = (o: SfccOrderView): boolean =>
  o.productItems.length > 0 && o.productItems.every((l) => l.productId !== undefined && l.quantity > 0);

/**
 * Invariant (c): every storefront order reached WAIR exactly once in effect (one sale per order,
 * with the order's lines), was exported, and every WAIR parcel produced exactly one dispatch
 * e-mail in SFCC (none twice). `parcelsByOrder` is WAIR's own count of parcels per order.
 */
export function checkOrderFlow(input: {
  orders: readonly SfccOrderView[];
  sales: readonly WairSaleEntry[];
  emails: DispatchEmailsView;
  parcelsByOrder: ReadonlyMap<string, number>;
}): OrderFlowResult {
  const orders = input.orders.filter((o) => wellFormed(o) && o.status !== 'cancelled');
  const sales = new Map(input.sales.filter((s) => s.saleType === 'ONLINE_ORDER').map((s) => [s.code, s]));
  const known = new Map(orders.map((o) => [o.orderNo, o]));
  const linesOf = (o: SfccOrderView): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const l of o.productItems)
      out[l.productId as string] = (out[l.productId as string] ?? 0) + l.quantity;
    return out;
  };
  const sameLines = (a: Record<string, number>, b: Record<string, number>): boolean =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

  const result: OrderFlowResult = {
    orders: orders.length,
    missingInWair: [],
    unexpectedInWair: [],
    notExported: [],
    dispatchedNotShipped: [],
    emailMismatch: [],
    wairDispatches: [...input.parcelsByOrder.values()].reduce((a, b) => a + b, 0),
    emails: input.emails.total,
    duplicateEmails: input.emails.duplicates,
    repeatedPosts: input.sales.reduce((n, s) => n + Math.max(0, s.acceptedPosts - 1), 0),
  };
  for (const o of orders) {
    if (!sales.has(o.orderNo)) result.missingInWair.push(o.orderNo);
    if (o.exportStatus !== 'exported') result.notExported.push(o.orderNo);
  }
  for (const [code, sale] of sales) {
    const order = known.get(code);
    if (!order || !sameLines(linesOf(order), sale.lines)) result.unexpectedInWair.push(code);
  }
  for (const [orderNo, parcels] of input.parcelsByOrder) {
    const order = known.get(orderNo);
    const sale = sales.get(orderNo);
    if (order && sale?.status === 'DISPATCHED' && order.shippingStatus !== 'shipped')
      result.dispatchedNotShipped.push(orderNo);
    if ((input.emails.byOrder[orderNo]?.emails ?? 0) !== parcels) result.emailMismatch.push(orderNo);
  }
  for (const orderNo of Object.keys(input.emails.byOrder))
    if (!input.parcelsByOrder.has(orderNo)) result.emailMismatch.push(orderNo);
  return result;
}

/** True when nothing was lost or duplicated. */
export function orderFlowHolds(r: OrderFlowResult): boolean {
  return (
    r.missingInWair.length === 0 &&
    r.unexpectedInWair.length === 0 &&
    r.notExported.length === 0 &&
    r.dispatchedNotShipped.length === 0 &&
    r.emailMismatch.length === 0 &&
    r.duplicateEmails === 0
  );
}
