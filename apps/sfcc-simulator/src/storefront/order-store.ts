import type { OrdersTypes } from 'commerce-sdk';

/** A storefront order line; `inventoryListId` records which list's turnover it counts in. */
export interface SimProductItem {
  itemId: string;
  /** Missing only on deliberately malformed orders (`POST /__sim/orders` with `allowMalformed`). */
  productId?: string;
  quantity: number;
  inventoryListId: string;
  shipmentId: string;
  basePrice: number;
}

export interface SimAddress {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

export interface SimShipment {
  shipmentId: string;
  shipmentNo: string;
  shippingStatus: OrdersTypes.ShipmentShippingStatusEnum;
  shippingMethod: { id: string; name: string };
  trackingNumber?: string;
  shippingAddress: SimAddress;
}

export type SimOrderStatus = OrdersTypes.OrderStatus | 'open' | 'replaced';

/**
 * An order as SCAPI Orders serves it: field names and value sets follow commerce-sdk's
 * `OrdersTypes.Order` (see scapi/orders-document.ts for the served shape). Personal data is fake.
 */
export interface SimOrder {
  orderNo: string;
  creationDate: string;
  lastModified: string;
  status: SimOrderStatus;
  exportStatus: OrdersTypes.OrderExportStatus;
  shippingStatus: OrdersTypes.OrderShippingStatus;
  confirmationStatus: OrdersTypes.OrderConfirmationStatus;
  paymentStatus: OrdersTypes.OrderPaymentStatus;
  siteId: string;
  currency: string;
  orderTotal: number;
  productItems: SimProductItem[];
  shipments: SimShipment[];
  customerInfo: { customerName: string; email: string };
  billingAddress: SimAddress;
  shippingAddress: SimAddress;
  /** Custom attributes, served as top-level `c_*` keys. */
  custom: Record<string, string | number | boolean>;
  /** True when the storefront accepted it although ats did not cover it (forced placements only). */
  oversold: boolean;
}

/** What a caller gives to create an order; the store fills shipments, prices and statuses. */
export interface NewSimOrder {
  orderNo: string;
  creationDate: string;
  status: SimOrderStatus;
  exportStatus: OrdersTypes.OrderExportStatus;
  siteId: string;
  productItems: Array<{ itemId: string; productId?: string; quantity: number; inventoryListId: string }>;
  customerInfo: { customerName: string; email: string };
  billingAddress: SimAddress;
  shippingAddress: SimAddress;
  oversold: boolean;
}

/** Every simulated product sells at one price: totals only need to be plausible. */
export const SIM_UNIT_PRICE = 24.95;

/** A `type: shipped` fulfilment event as the simulator recorded it (one dispatch e-mail each). */
export interface SimDispatchEmail {
  orderNo: string;
  eventId: string;
  trackingNumber: string;
  at: string;
  duplicate: boolean;
}

function complete(input: NewSimOrder): SimOrder {
  const shipmentId = 'me';
  const orderTotal = input.productItems.reduce((sum, l) => sum + l.quantity * SIM_UNIT_PRICE, 0);
  return {
    ...input,
    lastModified: input.creationDate,
    shippingStatus: 'not_shipped',
    confirmationStatus: 'confirmed',
    paymentStatus: 'paid',
    currency: 'EUR',
    orderTotal: Math.round(orderTotal * 100) / 100,
    productItems: input.productItems.map((l) => ({ ...l, shipmentId, basePrice: SIM_UNIT_PRICE })),
    shipments: [
      {
        shipmentId,
        shipmentNo: `${input.orderNo}-1`,
        shippingStatus: 'not_shipped',
        shippingMethod: { id: 'standard', name: 'Standard' },
        shippingAddress: input.shippingAddress,
      },
    ],
    custom: {},
  };
}

/** Orders placed so far, with a per (list, product) ledger for SFCC's turnover. */
export function createOrderStore() {
  const orders: SimOrder[] = [];
  const byNo = new Map<string, SimOrder>();
  const ledger = new Map<string, Array<{ at: number; qty: number }>>();
  const emails: SimDispatchEmail[] = [];
  const eventIds = new Set<string>();
  const key = (list: string, product: string) => `${list}\u0000${product}`;
  let counter = 0;
  return {
    nextOrderNo: () => String(++counter).padStart(8, '0'),
    add(input: NewSimOrder): SimOrder {
      const order = complete(input);
      orders.push(order);
      byNo.set(order.orderNo, order);
      const at = Date.parse(order.creationDate);
      for (const item of order.productItems) {
        if (!item.productId || item.quantity <= 0) continue;
        const k = key(item.inventoryListId, item.productId);
        const entries = ledger.get(k) ?? [];
        entries.push({ at, qty: item.quantity });
        ledger.set(k, entries);
      }
      return order;
    },
    /** Quantity ordered strictly after `since`: SFCC's inventory turnover for a reset date. */
    turnoverSince(list: string, product: string, since: number): number {
      let sum = 0;
      for (const e of ledger.get(key(list, product)) ?? []) if (e.at > since) sum += e.qty;
      return sum;
    },
    get: (orderNo: string) => byNo.get(orderNo),
    list: (since?: number) =>
      since === undefined ? [...orders] : orders.filter((o) => Date.parse(o.creationDate) > since),
    /**
     * Records the customer e-mail a `shipped` event triggers. Real SFCC does not deduplicate by
     * event id, so neither does this: a repeated id is counted, and flagged as a duplicate.
     */
    recordDispatchEmail(email: Omit<SimDispatchEmail, 'duplicate'>): SimDispatchEmail {
      const id = `${email.orderNo}\u0000${email.eventId}`;
      const recorded = { ...email, duplicate: eventIds.has(id) };
      eventIds.add(id);
      emails.push(recorded);
      return recorded;
    },
    dispatchEmails: () => [...emails],
    reset(): void {
      orders.length = 0;
      byNo.clear();
      ledger.clear();
      emails.length = 0;
      eventIds.clear();
      counter = 0;
    },
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;
