// Test builders for @wair-sfcc/order-domain: realistic SFCC orders (with personal data, to prove it
// never leaks) and WAIR dispatches. For tests only.
import type { Dispatch, OrderDispatches } from '@wair-sfcc/contracts';
import type { SfccOrder, SfccProductItem } from './lib/sfcc-order.model';

/** An SFCC order with customer, billing and shipping personal data and the given product lines. */
export function buildSfccOrder(
  orderNo = '00001001',
  items: Array<Pick<SfccProductItem, 'productId' | 'quantity'> & Partial<SfccProductItem>> = [
    { productId: 'SKU-1', quantity: 1 },
  ],
  overrides: Partial<SfccOrder> = {},
): SfccOrder {
  return {
    orderNo,
    siteId: 'RefArch',
    creationDate: '2026-11-01T10:00:00.000Z',
    status: 'new',
    exportStatus: 'ready',
    shippingStatus: 'not_shipped',
    currency: 'GBP',
    orderTotal: 59.9,
    customerInfo: { customerNo: 'C0001', customerName: 'Ada Lovelace', email: 'ada@example.org' },
    billingAddress: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      address1: '12 Analytical Row',
      city: 'Marylebone',
      postalCode: 'NW1 6XE',
      countryCode: 'GB',
      phone: '+44 20 7946 0001',
    },
    productItems: items.map((item, i) => ({
      itemId: `item-${i + 1}`,
      shipmentId: 'me',
      basePrice: 19.95,
      priceAfterOrderDiscount: 19.95 * (item.quantity ?? 1),
      ...item,
    })),
    shipments: [
      {
        shipmentId: 'me',
        shipmentNo: `${orderNo}-1`,
        shippingStatus: 'not_shipped',
        shippingMethod: { id: 'standard' },
        shippingAddress: {
          fullName: 'Charles Babbage',
          address1: '1 Difference Engine Way',
          city: 'London',
          postalCode: 'SE1 7PB',
          countryCode: 'GB',
          phone: '+44 20 7946 0002',
        },
      },
    ],
    ...overrides,
  };
}

/** A WAIR dispatch of the given SKU lines. */
export function buildDispatch(
  dispatchId: string,
  lines: Array<[sku: string, quantity: number]>,
  dispatchedAt = Date.parse('2026-11-02T08:00:00.000Z'),
  overrides: Partial<Dispatch> = {},
): Dispatch {
  return {
    dispatchId,
    carrier: 'DPD',
    service: 'NEXT_DAY',
    trackingNumber: `TRK-${dispatchId}`,
    trackingUrl: `https://tracking.example.com/TRK-${dispatchId}`,
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    dispatchedAt,
    modifiedAt: dispatchedAt,
    ...overrides,
  };
}

/** The `wair.dispatches.v1` record of an order. */
export function buildOrderDispatches(orderNo: string, dispatches: Dispatch[]): OrderDispatches {
  return { orderNo, dispatches, updatedAt: Math.max(0, ...dispatches.map((d) => d.modifiedAt)) };
}
