// This file is generated, do not edit. Source: libs/contracts/schemas/sfcc.orders.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * Non-personal facts about one storefront order and its hand-over to WAIR. Key: the order number. Never
 * carries names, addresses, e-mail addresses or phone numbers.
 *
 * Avro record `com.wairsfcc.orders.v1.OrderFact` (sfcc.orders.v1.avsc).
 */
export interface OrderFact {
  /** SFCC order number; equals the record key. */
  orderNo: string;
  /** SFCC site the order was placed on. */
  siteId: string;
  /**
   * When the order was created in SFCC.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  createdAt: number;
  /** Product line items of the order. */
  lines: OrderLine[];
  /** Where the order stands in the hand-over to WAIR. */
  state: OrderState;
  /**
   * When order-dispatch-bridge first read the order from SFCC.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  capturedAt: number;
  /**
   * When WAIR accepted the order; null until then.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  acceptedAt: number | null;
  /** Why WAIR rejected the order; null unless state is REJECTED. */
  rejectionReason: string | null;
  /**
   * Order total in the order currency, as a decimal with 2 fractional digits; null when SFCC did not report
   * it.
   * Decimal string with exactly 2 fractional digits, e.g. "12.30" (Avro `decimal(14,2)`); decode with
   * `avroLogicalTypes`.
   */
  orderTotal: string | null;
  /** ISO 4217 currency code of the order. */
  currency: string;
}

/**
 * One product line item of the order.
 *
 * Avro record `com.wairsfcc.orders.v1.OrderLine` (sfcc.orders.v1.avsc).
 */
export interface OrderLine {
  /** SFCC product line item id; referenced by fulfilment events. */
  itemId: string;
  /** Product id (child SKU) ordered. */
  sku: string;
  /** Units ordered. */
  quantity: number;
  /** SFCC inventory list the line draws stock from. */
  inventoryListId: string;
}

/**
 * CAPTURED: read from SFCC, not yet accepted by WAIR; ACCEPTED_BY_WAIR: WAIR took the order; REJECTED: WAIR
 * refused it; CANCELLED: cancelled before fulfilment.
 *
 * Avro enum `com.wairsfcc.orders.v1.OrderState` (sfcc.orders.v1.avsc).
 */
export type OrderState = 'CAPTURED' | 'ACCEPTED_BY_WAIR' | 'REJECTED' | 'CANCELLED';

/** Every {@link OrderState} symbol, in schema order. */
export const ORDER_STATE_VALUES = ['CAPTURED', 'ACCEPTED_BY_WAIR', 'REJECTED', 'CANCELLED'] as const satisfies readonly OrderState[];

/** Avro value schema of `sfcc.orders.v1`, exactly as in `libs/contracts/schemas/sfcc.orders.v1.avsc`. */
export const orderFactSchema: AvroRecordSchema = {
  type: 'record',
  name: 'OrderFact',
  namespace: 'com.wairsfcc.orders.v1',
  doc: 'Non-personal facts about one storefront order and its hand-over to WAIR. Key: the order number. Never carries names, addresses, e-mail addresses or phone numbers.',
  fields: [
    { name: 'orderNo', type: 'string', doc: 'SFCC order number; equals the record key.' },
    { name: 'siteId', type: 'string', doc: 'SFCC site the order was placed on.' },
    {
      name: 'createdAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the order was created in SFCC.',
    },
    {
      name: 'lines',
      doc: 'Product line items of the order.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'OrderLine',
          doc: 'One product line item of the order.',
          fields: [
            {
              name: 'itemId',
              type: 'string',
              doc: 'SFCC product line item id; referenced by fulfilment events.',
            },
            { name: 'sku', type: 'string', doc: 'Product id (child SKU) ordered.' },
            { name: 'quantity', type: 'int', doc: 'Units ordered.' },
            { name: 'inventoryListId', type: 'string', doc: 'SFCC inventory list the line draws stock from.' },
          ],
        },
      },
    },
    {
      name: 'state',
      doc: 'Where the order stands in the hand-over to WAIR.',
      type: {
        type: 'enum',
        name: 'OrderState',
        doc: 'CAPTURED: read from SFCC, not yet accepted by WAIR; ACCEPTED_BY_WAIR: WAIR took the order; REJECTED: WAIR refused it; CANCELLED: cancelled before fulfilment.',
        symbols: ['CAPTURED', 'ACCEPTED_BY_WAIR', 'REJECTED', 'CANCELLED'],
      },
    },
    {
      name: 'capturedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When order-dispatch-bridge first read the order from SFCC.',
    },
    {
      name: 'acceptedAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      doc: 'When WAIR accepted the order; null until then.',
    },
    {
      name: 'rejectionReason',
      type: ['null', 'string'],
      default: null,
      doc: 'Why WAIR rejected the order; null unless state is REJECTED.',
    },
    {
      name: 'orderTotal',
      type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 14, scale: 2 }],
      default: null,
      doc: 'Order total in the order currency, as a decimal with 2 fractional digits; null when SFCC did not report it.',
    },
    { name: 'currency', type: 'string', doc: 'ISO 4217 currency code of the order.' },
  ],
};
