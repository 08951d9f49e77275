// This file is generated, do not edit. Source: libs/contracts/schemas/wair.dispatches.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * Every shipment WAIR has dispatched so far for one storefront order. Key: the order number. Split shipments
 * accumulate in the dispatches array.
 *
 * Avro record `com.wairsfcc.dispatches.v1.OrderDispatches` (wair.dispatches.v1.avsc).
 */
export interface OrderDispatches {
  /** SFCC order number; equals the record key. */
  orderNo: string;
  /** Shipments of the order, oldest first. */
  dispatches: Dispatch[];
  /**
   * When wair-ingest last changed this record.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  updatedAt: number;
}

/**
 * One shipment (parcel or consignment) dispatched by WAIR.
 *
 * Avro record `com.wairsfcc.dispatches.v1.Dispatch` (wair.dispatches.v1.avsc).
 */
export interface Dispatch {
  /** WAIR dispatch id; unique per shipment and used as the SFCC fulfilment event id. */
  dispatchId: string;
  /** Carrier name or code as WAIR reports it. */
  carrier: string;
  /** Carrier service level (e.g. next day); null when WAIR does not report one. */
  service: string | null;
  /** Carrier tracking number. */
  trackingNumber: string;
  /** Public tracking URL for the shipment. */
  trackingUrl: string;
  /** SKUs and quantities in this shipment. */
  lines: DispatchLine[];
  /**
   * When WAIR dispatched the shipment.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  dispatchedAt: number;
  /**
   * WAIR time of the last change to this shipment's data.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  modifiedAt: number;
}

/**
 * Quantity of one SKU in a shipment.
 *
 * Avro record `com.wairsfcc.dispatches.v1.DispatchLine` (wair.dispatches.v1.avsc).
 */
export interface DispatchLine {
  /** WAIR child SKU shipped. */
  sku: string;
  /** Units of the SKU in this shipment. */
  quantity: number;
}

/**
 * Avro value schema of `wair.dispatches.v1`, exactly as in `libs/contracts/schemas/wair.dispatches.v1.avsc`.
 */
export const orderDispatchesSchema: AvroRecordSchema = {
  type: 'record',
  name: 'OrderDispatches',
  namespace: 'com.wairsfcc.dispatches.v1',
  doc: 'Every shipment WAIR has dispatched so far for one storefront order. Key: the order number. Split shipments accumulate in the dispatches array.',
  fields: [
    { name: 'orderNo', type: 'string', doc: 'SFCC order number; equals the record key.' },
    {
      name: 'dispatches',
      doc: 'Shipments of the order, oldest first.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Dispatch',
          doc: 'One shipment (parcel or consignment) dispatched by WAIR.',
          fields: [
            {
              name: 'dispatchId',
              type: 'string',
              doc: 'WAIR dispatch id; unique per shipment and used as the SFCC fulfilment event id.',
            },
            { name: 'carrier', type: 'string', doc: 'Carrier name or code as WAIR reports it.' },
            {
              name: 'service',
              type: ['null', 'string'],
              default: null,
              doc: 'Carrier service level (e.g. next day); null when WAIR does not report one.',
            },
            { name: 'trackingNumber', type: 'string', doc: 'Carrier tracking number.' },
            { name: 'trackingUrl', type: 'string', doc: 'Public tracking URL for the shipment.' },
            {
              name: 'lines',
              doc: 'SKUs and quantities in this shipment.',
              type: {
                type: 'array',
                items: {
                  type: 'record',
                  name: 'DispatchLine',
                  doc: 'Quantity of one SKU in a shipment.',
                  fields: [
                    { name: 'sku', type: 'string', doc: 'WAIR child SKU shipped.' },
                    { name: 'quantity', type: 'int', doc: 'Units of the SKU in this shipment.' },
                  ],
                },
              },
            },
            {
              name: 'dispatchedAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When WAIR dispatched the shipment.',
            },
            {
              name: 'modifiedAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: "WAIR time of the last change to this shipment's data.",
            },
          ],
        },
      },
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When wair-ingest last changed this record.',
    },
  ],
};
