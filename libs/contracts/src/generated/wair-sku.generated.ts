// This file is generated, do not edit. Source: libs/contracts/schemas/wair.skus.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * One entry of the WAIR SKU master. Key: the SKU.
 *
 * Avro record `com.wairsfcc.skus.v1.WairSku` (wair.skus.v1.avsc).
 */
export interface WairSku {
  /** WAIR child SKU; equals the record key. */
  sku: string;
  /** WAIR style code shared by all colours and sizes of a product. */
  styleCode: string;
  /** WAIR item code (style and colour). */
  itemCode: string;
  /** Colour as named in WAIR. */
  colour: string;
  /** Size as named in WAIR. */
  size: string;
  /** EAN/UPC barcode; null when WAIR holds none. */
  barcode: string | null;
  /** Lifecycle status of the SKU in WAIR. */
  status: SkuStatus;
  /**
   * WAIR time of the last change to this SKU.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  modifiedAt: number;
}

/**
 * ACTIVE: sellable; INACTIVE: temporarily not sellable; DISCONTINUED: will not be sold again.
 *
 * Avro enum `com.wairsfcc.skus.v1.SkuStatus` (wair.skus.v1.avsc).
 */
export type SkuStatus = 'ACTIVE' | 'INACTIVE' | 'DISCONTINUED';

/** Every {@link SkuStatus} symbol, in schema order. */
export const SKU_STATUS_VALUES = ['ACTIVE', 'INACTIVE', 'DISCONTINUED'] as const satisfies readonly SkuStatus[];

/** Avro value schema of `wair.skus.v1`, exactly as in `libs/contracts/schemas/wair.skus.v1.avsc`. */
export const wairSkuSchema: AvroRecordSchema = {
  type: 'record',
  name: 'WairSku',
  namespace: 'com.wairsfcc.skus.v1',
  doc: 'One entry of the WAIR SKU master. Key: the SKU.',
  fields: [
    { name: 'sku', type: 'string', doc: 'WAIR child SKU; equals the record key.' },
    {
      name: 'styleCode',
      type: 'string',
      doc: 'WAIR style code shared by all colours and sizes of a product.',
    },
    { name: 'itemCode', type: 'string', doc: 'WAIR item code (style and colour).' },
    { name: 'colour', type: 'string', doc: 'Colour as named in WAIR.' },
    { name: 'size', type: 'string', doc: 'Size as named in WAIR.' },
    {
      name: 'barcode',
      type: ['null', 'string'],
      default: null,
      doc: 'EAN/UPC barcode; null when WAIR holds none.',
    },
    {
      name: 'status',
      doc: 'Lifecycle status of the SKU in WAIR.',
      type: {
        type: 'enum',
        name: 'SkuStatus',
        doc: 'ACTIVE: sellable; INACTIVE: temporarily not sellable; DISCONTINUED: will not be sold again.',
        symbols: ['ACTIVE', 'INACTIVE', 'DISCONTINUED'],
      },
    },
    {
      name: 'modifiedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'WAIR time of the last change to this SKU.',
    },
  ],
};
