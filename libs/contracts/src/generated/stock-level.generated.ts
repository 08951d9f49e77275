// This file is generated, do not edit. Source: libs/contracts/schemas/wair.stock.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * Sellable stock of one child SKU (size/colour variant) across WAIR locations. Key: the SKU. The latest
 * record per key is the current figure.
 *
 * Avro record `com.wairsfcc.stock.v1.StockLevel` (wair.stock.v1.avsc).
 */
export interface StockLevel {
  /** WAIR child SKU (a size/colour variant, never a parent style); equals the record key. */
  sku: string;
  /** One entry per WAIR location that holds or held this SKU. */
  locations: LocationStock[];
  /**
   * WAIR time of the newest figure in this record; becomes the SFCC inventory reset date.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  asOf: number;
  /**
   * Version of the figure: the sum of its locations' WAIR sequences, so it grows with every WAIR change
   * applied to any location (also one that arrived late); breaks ties between records with the same asOf.
   */
  sourceSequence: number;
  /** How the figure reached the integration. */
  origin: StockOrigin;
  /**
   * When wair-ingest published this record.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  ingestedAt: number;
}

/**
 * Stock of the SKU at one WAIR location.
 *
 * Avro record `com.wairsfcc.stock.v1.LocationStock` (wair.stock.v1.avsc).
 */
export interface LocationStock {
  /** WAIR location code (warehouse or store). */
  locationCode: string;
  /** Units physically at the location. */
  onHand: number;
  /** Units held for orders WAIR has already accepted. */
  reserved: number;
  /** Units WAIR considers sellable at the location; may be negative when oversold. */
  available: number;
  /**
   * WAIR time of the last change of this location's figures.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  modifiedAt: number;
  /** WAIR change sequence of this location's figures; higher is newer. */
  sequence: number;
}

/**
 * WEBHOOK: pushed by a signed WAIR webhook; POLL: found by the periodic change poll; SNAPSHOT: part of a full
 * stock snapshot.
 *
 * Avro enum `com.wairsfcc.stock.v1.StockOrigin` (wair.stock.v1.avsc).
 */
export type StockOrigin = 'WEBHOOK' | 'POLL' | 'SNAPSHOT';

/** Every {@link StockOrigin} symbol, in schema order. */
export const STOCK_ORIGIN_VALUES = ['WEBHOOK', 'POLL', 'SNAPSHOT'] as const satisfies readonly StockOrigin[];

/** Avro value schema of `wair.stock.v1`, exactly as in `libs/contracts/schemas/wair.stock.v1.avsc`. */
export const stockLevelSchema: AvroRecordSchema = {
  type: 'record',
  name: 'StockLevel',
  namespace: 'com.wairsfcc.stock.v1',
  doc: 'Sellable stock of one child SKU (size/colour variant) across WAIR locations. Key: the SKU. The latest record per key is the current figure.',
  fields: [
    {
      name: 'sku',
      type: 'string',
      doc: 'WAIR child SKU (a size/colour variant, never a parent style); equals the record key.',
    },
    {
      name: 'locations',
      doc: 'One entry per WAIR location that holds or held this SKU.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'LocationStock',
          doc: 'Stock of the SKU at one WAIR location.',
          fields: [
            { name: 'locationCode', type: 'string', doc: 'WAIR location code (warehouse or store).' },
            { name: 'onHand', type: 'int', doc: 'Units physically at the location.' },
            { name: 'reserved', type: 'int', doc: 'Units held for orders WAIR has already accepted.' },
            {
              name: 'available',
              type: 'int',
              doc: 'Units WAIR considers sellable at the location; may be negative when oversold.',
            },
            {
              name: 'modifiedAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: "WAIR time of the last change of this location's figures.",
            },
            {
              name: 'sequence',
              type: 'long',
              doc: "WAIR change sequence of this location's figures; higher is newer.",
            },
          ],
        },
      },
    },
    {
      name: 'asOf',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'WAIR time of the newest figure in this record; becomes the SFCC inventory reset date.',
    },
    {
      name: 'sourceSequence',
      type: 'long',
      doc: "Version of the figure: the sum of its locations' WAIR sequences, so it grows with every WAIR change applied to any location (also one that arrived late); breaks ties between records with the same asOf.",
    },
    {
      name: 'origin',
      doc: 'How the figure reached the integration.',
      type: {
        type: 'enum',
        name: 'StockOrigin',
        doc: 'WEBHOOK: pushed by a signed WAIR webhook; POLL: found by the periodic change poll; SNAPSHOT: part of a full stock snapshot.',
        symbols: ['WEBHOOK', 'POLL', 'SNAPSHOT'],
      },
    },
    {
      name: 'ingestedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When wair-ingest published this record.',
    },
  ],
};
