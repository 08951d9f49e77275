import type { OrderDispatches } from '@wair-sfcc/contracts';
import type { SfccAddress, SfccOrder, SfccProductItem } from './sfcc-order.model';
import { assertValidSfccOrder } from './order-facts';
import type {
  WairAddress,
  WairSale,
  WairSaleLine,
  WairStockNotForReplenishmentBody,
  WairStockNotForReplenishmentRow,
} from './wair-api.model';

/** Where and how online orders are booked in WAIR. */
export interface WairSaleOptions {
  /** WAIR location code of the webshop (e.g. WEB01). */
  webshopLocationCode: string;
  /** WAIR sales channel code; defaults to `WEB`. */
  channelCode?: string;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined || v === '' ? null : v);

function toWairAddress(a: SfccAddress | undefined): WairAddress | null {
  if (!a) return null;
  const name = a.fullName ?? ([a.firstName, a.lastName].filter(Boolean).join(' ') || undefined);
  return {
    name: orNull(name),
    companyName: orNull(a.companyName),
    addressLine1: orNull(a.address1),
    addressLine2: orNull(a.address2),
    city: orNull(a.city),
    postCode: orNull(a.postalCode),
    region: orNull(a.stateCode),
    countryCode: orNull(a.countryCode),
    phone: orNull(a.phone),
  };
}

const lineId = (orderNo: string, item: SfccProductItem) => `${orderNo}-${item.itemId as string}`;

function toLine(orderNo: string, item: SfccProductItem, i: number, sign: 1 | -1, qty: number): WairSaleLine {
  const amount = item.priceAfterOrderDiscount;
  const perUnit = amount !== undefined && item.quantity ? amount / item.quantity : undefined;
  return {
    id: lineId(orderNo, item),
    lineNumber: i + 1,
    skuCode: item.productId as string,
    quantity: sign * qty,
    unitPrice: orNull(item.basePrice),
    lineAmount: perUnit === undefined ? null : Math.round(sign * perUnit * qty * 100) / 100,
  };
}

function saleHeader(
  order: SfccOrder,
  options: WairSaleOptions,
): Omit<WairSale, 'id' | 'saleType' | 'originalSaleId' | 'lines' | 'totalAmount'> {
  const shipping = order.shipments?.[0]?.shippingAddress;
  return {
    code: order.orderNo,
    locationCode: options.webshopLocationCode,
    channelCode: options.channelCode ?? 'WEB',
    saleDateTime: new Date(Date.parse(order.creationDate as string)).toISOString(),
    currencyCode: order.currency as string,
    customer: {
      code: orNull(order.customerInfo?.customerNo),
      name: orNull(order.customerInfo?.customerName),
      email: orNull(order.customerInfo?.email),
      phone: orNull(shipping?.phone ?? order.billingAddress?.phone),
    },
    deliveryAddress: toWairAddress(shipping),
    invoiceAddress: toWairAddress(order.billingAddress),
  };
}

/**
 * The `POST /api/v1/Sales` element for an accepted-to-be online order: a sale at the webshop
 * location whose `id` is the order number, so resending the full object after a crash is an upsert,
 * not a second sale. Carries personal data (customer, addresses) — WAIR needs it to ship.
 *
 * @throws OrderValidationError when the order is malformed.
 */
export function toWairSale(order: SfccOrder, options: WairSaleOptions): WairSale {
  assertValidSfccOrder(order);
  return {
    id: order.orderNo,
    saleType: 'ONLINE_ORDER',
    originalSaleId: null,
    ...saleHeader(order, options),
    totalAmount: orNull(order.orderTotal),
    lines: (order.productItems ?? []).map((item, i) =>
      toLine(order.orderNo, item, i, 1, item.quantity as number),
    ),
  };
}

/**
 * The cancellation of an order WAIR already accepted, following WAIR's convention that a reversal is
 * a sale with negative lines, never an edit or deletion of the original sale:
 * - it is a separate sale with `id` `<orderNo>-CANCEL` (idempotent on resend) and `originalSaleId`
 *   = the order number; the original sale stays untouched;
 * - each line has the negated quantity still undispatched (`dispatchedBySku` units already shipped
 *   are returns, not cancellations, and are left out); lines with nothing left are omitted;
 * - returns null when nothing is left to cancel (everything dispatched).
 * An order cancelled before WAIR accepted it is never sent at all (the bridge's decision, not this
 * function's).
 */
export function toWairCancellation(
  order: SfccOrder,
  options: WairSaleOptions,
  dispatchedBySku: ReadonlyMap<string, number> = new Map(),
): WairSale | null {
  assertValidSfccOrder(order);
  const left = new Map(dispatchedBySku);
  const lines: WairSaleLine[] = [];
  (order.productItems ?? []).forEach((item, i) => {
    const sku = item.productId as string;
    const shipped = Math.min(left.get(sku) ?? 0, item.quantity as number);
    left.set(sku, (left.get(sku) ?? 0) - shipped);
    const open = (item.quantity as number) - shipped;
    if (open > 0) lines.push(toLine(order.orderNo, item, i, -1, open));
  });
  if (lines.length === 0) return null;
  const total = lines.every((l) => l.lineAmount !== null)
    ? Math.round(lines.reduce((s, l) => s + (l.lineAmount as number), 0) * 100) / 100
    : null;
  return {
    id: `${order.orderNo}-CANCEL`,
    saleType: 'ONLINE_CANCELLATION',
    originalSaleId: order.orderNo,
    ...saleHeader(order, options),
    totalAmount: total,
    lines,
  };
}

/**
 * `POST /api/v1/StockNotForReplenishment` rows for open online orders: one per order line with the
 * units not yet dispatched, so WAIR does not replenish or re-sell stock promised to the webshop.
 * Cancelled orders contribute a 0 row (releases the allocation on an upsert; dropped on a full load).
 */
export function toStockNotForReplenishment(
  orders: ReadonlyArray<{ order: SfccOrder; dispatchedBySku?: ReadonlyMap<string, number> }>,
  options: WairSaleOptions & { fullLoad: boolean },
): WairStockNotForReplenishmentBody {
  const records: WairStockNotForReplenishmentRow[] = [];
  for (const { order, dispatchedBySku } of orders) {
    assertValidSfccOrder(order);
    const left = new Map(dispatchedBySku ?? []);
    const cancelled = order.status === 'cancelled' || order.status === 'failed';
    for (const item of order.productItems ?? []) {
      const sku = item.productId as string;
      const shipped = Math.min(left.get(sku) ?? 0, item.quantity as number);
      left.set(sku, (left.get(sku) ?? 0) - shipped);
      const quantity = cancelled ? 0 : (item.quantity as number) - shipped;
      if (options.fullLoad && quantity === 0) continue;
      records.push({
        id: lineId(order.orderNo, item),
        orderNumber: order.orderNo,
        skuCode: sku,
        locationCode: options.webshopLocationCode,
        quantity,
      });
    }
  }
  return { fullLoad: options.fullLoad, records };
}

/** Units WAIR dispatched so far per SKU (input of the cancellation and allocation mappers). */
export function dispatchedUnitsBySku(dispatches: OrderDispatches | undefined): Map<string, number> {
  const units = new Map<string, number>();
  for (const d of dispatches?.dispatches ?? []) {
    for (const l of d.lines) units.set(l.sku, (units.get(l.sku) ?? 0) + l.quantity);
  }
  return units;
}
