// This file is generated, do not edit. Source: libs/contracts/schemas/sfcc.fulfilment.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * How far WAIR's shipments of one order have been confirmed in SFCC. Key: the order number.
 *
 * Avro record `com.wairsfcc.fulfilment.v1.Fulfilment` (sfcc.fulfilment.v1.avsc).
 */
export interface Fulfilment {
  /** SFCC order number; equals the record key. */
  orderNo: string;
  /** One entry per WAIR dispatch of the order. */
  shipments: ShipmentConfirmation[];
  /** Shipping status set on the SFCC order. */
  orderShippingStatus: OrderShippingStatus;
  /**
   * When order-dispatch-bridge last changed this record.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  updatedAt: number;
}

/**
 * State of reporting one WAIR dispatch to SFCC.
 *
 * Avro record `com.wairsfcc.fulfilment.v1.ShipmentConfirmation` (sfcc.fulfilment.v1.avsc).
 */
export interface ShipmentConfirmation {
  /** WAIR dispatch id (see wair.dispatches.v1). */
  dispatchId: string;
  /**
   * When SFCC accepted the shipment; null until it has.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  confirmedAt: number | null;
  /** Attempts made so far to report the shipment to SFCC. */
  attempts: number;
  /** Current result of reporting the shipment. */
  outcome: ShipmentOutcome;
  /** Error of the last failed attempt; null when none failed. */
  lastError: string | null;
}

/**
 * CONFIRMED: SFCC accepted it; PENDING: still being retried; FAILED: gave up, needs a person.
 *
 * Avro enum `com.wairsfcc.fulfilment.v1.ShipmentOutcome` (sfcc.fulfilment.v1.avsc).
 */
export type ShipmentOutcome = 'CONFIRMED' | 'PENDING' | 'FAILED';

/** Every {@link ShipmentOutcome} symbol, in schema order. */
export const SHIPMENT_OUTCOME_VALUES = ['CONFIRMED', 'PENDING', 'FAILED'] as const satisfies readonly ShipmentOutcome[];

/**
 * NOT_SHIPPED: no line dispatched; PART_SHIPPED: some lines dispatched; SHIPPED: every line dispatched.
 *
 * Avro enum `com.wairsfcc.fulfilment.v1.OrderShippingStatus` (sfcc.fulfilment.v1.avsc).
 */
export type OrderShippingStatus = 'NOT_SHIPPED' | 'PART_SHIPPED' | 'SHIPPED';

/** Every {@link OrderShippingStatus} symbol, in schema order. */
export const ORDER_SHIPPING_STATUS_VALUES = ['NOT_SHIPPED', 'PART_SHIPPED', 'SHIPPED'] as const satisfies readonly OrderShippingStatus[];

/**
 * Avro value schema of `sfcc.fulfilment.v1`, exactly as in `libs/contracts/schemas/sfcc.fulfilment.v1.avsc`.
 */
export const fulfilmentSchema: AvroRecordSchema = {
  type: 'record',
  name: 'Fulfilment',
  namespace: 'com.wairsfcc.fulfilment.v1',
  doc: "How far WAIR's shipments of one order have been confirmed in SFCC. Key: the order number.",
  fields: [
    { name: 'orderNo', type: 'string', doc: 'SFCC order number; equals the record key.' },
    {
      name: 'shipments',
      doc: 'One entry per WAIR dispatch of the order.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'ShipmentConfirmation',
          doc: 'State of reporting one WAIR dispatch to SFCC.',
          fields: [
            { name: 'dispatchId', type: 'string', doc: 'WAIR dispatch id (see wair.dispatches.v1).' },
            {
              name: 'confirmedAt',
              type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
              default: null,
              doc: 'When SFCC accepted the shipment; null until it has.',
            },
            { name: 'attempts', type: 'int', doc: 'Attempts made so far to report the shipment to SFCC.' },
            {
              name: 'outcome',
              doc: 'Current result of reporting the shipment.',
              type: {
                type: 'enum',
                name: 'ShipmentOutcome',
                doc: 'CONFIRMED: SFCC accepted it; PENDING: still being retried; FAILED: gave up, needs a person.',
                symbols: ['CONFIRMED', 'PENDING', 'FAILED'],
              },
            },
            {
              name: 'lastError',
              type: ['null', 'string'],
              default: null,
              doc: 'Error of the last failed attempt; null when none failed.',
            },
          ],
        },
      },
    },
    {
      name: 'orderShippingStatus',
      doc: 'Shipping status set on the SFCC order.',
      type: {
        type: 'enum',
        name: 'OrderShippingStatus',
        doc: 'NOT_SHIPPED: no line dispatched; PART_SHIPPED: some lines dispatched; SHIPPED: every line dispatched.',
        symbols: ['NOT_SHIPPED', 'PART_SHIPPED', 'SHIPPED'],
      },
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When order-dispatch-bridge last changed this record.',
    },
  ],
};
