/** A storefront order line; `inventoryListId` records which list's turnover it counts in. */
export interface SimProductItem {
  itemId: string;
  productId: string;
  quantity: number;
  inventoryListId: string;
}

export interface SimAddress {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

/**
 * An order as SCAPI Orders will serve it (issue 6 adds that API): the field names follow
 * commerce-sdk's Orders `Order` so the store can be served as is. Personal data is fake.
 */
export interface SimOrder {
  orderNo: string;
  creationDate: string;
  status: 'new' | 'open' | 'completed' | 'cancelled';
  exportStatus: 'not_exported' | 'ready' | 'exported' | 'failed';
  siteId: string;
  productItems: SimProductItem[];
  customerInfo: { customerName: string; email: string };
  billingAddress: SimAddress;
  shippingAddress: SimAddress;
  /** True when the storefront accepted it although ats did not cover it (forced placements only). */
  oversold: boolean;
}

/** Orders placed so far, with a per (list, product) ledger for SFCC's turnover. */
export function createOrderStore() {
  const orders: SimOrder[] = [];
  const byNo = new Map<string, SimOrder>();
  const ledger = new Map<string, Array<{ at: number; qty: number }>>();
  const key = (list: string, product: string) => `${list}\u0000${product}`;
  let counter = 0;
  return {
    nextOrderNo: () => String(++counter).padStart(8, '0'),
    add(order: SimOrder): void {
      orders.push(order);
      byNo.set(order.orderNo, order);
      const at = Date.parse(order.creationDate);
      for (const item of order.productItems) {
        const k = key(item.inventoryListId, item.productId);
        const entries = ledger.get(k) ?? [];
        entries.push({ at, qty: item.quantity });
        ledger.set(k, entries);
      }
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
    reset(): void {
      orders.length = 0;
      byNo.clear();
      ledger.clear();
      counter = 0;
    },
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;
