// This file is generated, do not edit. Source: libs/contracts/schemas/sfcc.products.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * One SFCC catalog entry as seen by the last catalog pull. Key: the SFCC product id.
 *
 * Avro record `com.wairsfcc.products.v1.SfccProduct` (sfcc.products.v1.avsc).
 */
export interface SfccProduct {
  /**
   * SFCC product id; equals the record key. For variants and simple products this is the SKU written to
   * inventory.
   */
  productId: string;
  /** Kind of catalog entry; only VARIANT and SIMPLE products hold inventory. */
  type: ProductType;
  /** Product id of the master of a variant or variation group; null for other types. */
  masterId: string | null;
  /** Variation attribute values of a variant, by attribute id (e.g. color, size); empty for other types. */
  variationValues: Record<string, string>;
  /** Whether the product is online on the storefront. */
  online: boolean;
  /** Whether the product is searchable on the storefront; null when the catalog pull did not report it. */
  searchable: boolean | null;
  /**
   * When the catalog pull read this entry from SFCC.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  pulledAt: number;
}

/**
 * SFCC product types. OTHER covers anything the catalog reports that is not listed here.
 *
 * Avro enum `com.wairsfcc.products.v1.ProductType` (sfcc.products.v1.avsc).
 */
export type ProductType = 'MASTER' | 'VARIANT' | 'SIMPLE' | 'SET' | 'BUNDLE' | 'VARIATION_GROUP' | 'OTHER';

/** Every {@link ProductType} symbol, in schema order. */
export const PRODUCT_TYPE_VALUES = ['MASTER', 'VARIANT', 'SIMPLE', 'SET', 'BUNDLE', 'VARIATION_GROUP', 'OTHER'] as const satisfies readonly ProductType[];

/** Avro value schema of `sfcc.products.v1`, exactly as in `libs/contracts/schemas/sfcc.products.v1.avsc`. */
export const sfccProductSchema: AvroRecordSchema = {
  type: 'record',
  name: 'SfccProduct',
  namespace: 'com.wairsfcc.products.v1',
  doc: 'One SFCC catalog entry as seen by the last catalog pull. Key: the SFCC product id.',
  fields: [
    {
      name: 'productId',
      type: 'string',
      doc: 'SFCC product id; equals the record key. For variants and simple products this is the SKU written to inventory.',
    },
    {
      name: 'type',
      doc: 'Kind of catalog entry; only VARIANT and SIMPLE products hold inventory.',
      type: {
        type: 'enum',
        name: 'ProductType',
        doc: 'SFCC product types. OTHER covers anything the catalog reports that is not listed here.',
        symbols: ['MASTER', 'VARIANT', 'SIMPLE', 'SET', 'BUNDLE', 'VARIATION_GROUP', 'OTHER'],
        default: 'OTHER',
      },
    },
    {
      name: 'masterId',
      type: ['null', 'string'],
      default: null,
      doc: 'Product id of the master of a variant or variation group; null for other types.',
    },
    {
      name: 'variationValues',
      type: { type: 'map', values: 'string' },
      doc: 'Variation attribute values of a variant, by attribute id (e.g. color, size); empty for other types.',
    },
    { name: 'online', type: 'boolean', doc: 'Whether the product is online on the storefront.' },
    {
      name: 'searchable',
      type: ['null', 'boolean'],
      default: null,
      doc: 'Whether the product is searchable on the storefront; null when the catalog pull did not report it.',
    },
    {
      name: 'pulledAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the catalog pull read this entry from SFCC.',
    },
  ],
};
