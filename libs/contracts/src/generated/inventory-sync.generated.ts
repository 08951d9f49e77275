// This file is generated, do not edit. Source: libs/contracts/schemas/sfcc.inventory-sync.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * What sfcc-inventory-writer last wrote (or tried to write) to each SFCC inventory list for one SKU. Key: the
 * SKU.
 *
 * Avro record `com.wairsfcc.inventorysync.v1.InventorySync` (sfcc.inventory-sync.v1.avsc).
 */
export interface InventorySync {
  /** Child SKU (SFCC product id); equals the record key. */
  sku: string;
  /** One entry per SFCC inventory list the SKU is mapped to. */
  lists: InventoryListSync[];
}

/**
 * The last write of the SKU's allocation to one SFCC inventory list.
 *
 * Avro record `com.wairsfcc.inventorysync.v1.InventoryListSync` (sfcc.inventory-sync.v1.avsc).
 */
export interface InventoryListSync {
  /** SFCC inventory list id. */
  inventoryListId: string;
  /**
   * Allocation written (or attempted): available stock minus in-flight orders minus buffer, never below 0.
   */
  allocation: number;
  /**
   * Allocation reset date sent to SFCC; SFCC counts its own turnover from this time on.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  resetDate: number;
  /**
   * asOf of the wair.stock.v1 figure the allocation was computed from.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  sourceAsOf: number;
  /** sourceSequence of the wair.stock.v1 figure the allocation was computed from. */
  sourceSequence: number;
  /**
   * When the write finished (successfully or not).
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  writtenAt: number;
  /** Result of the write. */
  outcome: SyncOutcome;
  /** Error message for an outcome other than OK; null otherwise. */
  error: string | null;
  /**
   * Priority class the write was queued in: 0 stock-out or low stock, 1 other change, 2 back in stock, 3 full
   * refresh.
   */
  priority: number;
  /** SFCC interface the write went through. */
  channel: WriteChannel;
}

/**
 * OK: SFCC holds the allocation; SKU_NOT_IN_CATALOG: not written because the SKU is no sellable SFCC product;
 * REJECTED: SFCC refused the write; FAILED: gave up after retries.
 *
 * Avro enum `com.wairsfcc.inventorysync.v1.SyncOutcome` (sfcc.inventory-sync.v1.avsc).
 */
export type SyncOutcome = 'OK' | 'SKU_NOT_IN_CATALOG' | 'REJECTED' | 'FAILED';

/** Every {@link SyncOutcome} symbol, in schema order. */
export const SYNC_OUTCOME_VALUES = ['OK', 'SKU_NOT_IN_CATALOG', 'REJECTED', 'FAILED'] as const satisfies readonly SyncOutcome[];

/**
 * OCAPI: per-record write (delta); IMPEX: inventory import file (full refresh).
 *
 * Avro enum `com.wairsfcc.inventorysync.v1.WriteChannel` (sfcc.inventory-sync.v1.avsc).
 */
export type WriteChannel = 'OCAPI' | 'IMPEX';

/** Every {@link WriteChannel} symbol, in schema order. */
export const WRITE_CHANNEL_VALUES = ['OCAPI', 'IMPEX'] as const satisfies readonly WriteChannel[];

/**
 * Avro value schema of `sfcc.inventory-sync.v1`, exactly as in
 * `libs/contracts/schemas/sfcc.inventory-sync.v1.avsc`.
 */
export const inventorySyncSchema: AvroRecordSchema = {
  type: 'record',
  name: 'InventorySync',
  namespace: 'com.wairsfcc.inventorysync.v1',
  doc: 'What sfcc-inventory-writer last wrote (or tried to write) to each SFCC inventory list for one SKU. Key: the SKU.',
  fields: [
    { name: 'sku', type: 'string', doc: 'Child SKU (SFCC product id); equals the record key.' },
    {
      name: 'lists',
      doc: 'One entry per SFCC inventory list the SKU is mapped to.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'InventoryListSync',
          doc: "The last write of the SKU's allocation to one SFCC inventory list.",
          fields: [
            { name: 'inventoryListId', type: 'string', doc: 'SFCC inventory list id.' },
            {
              name: 'allocation',
              type: 'int',
              doc: 'Allocation written (or attempted): available stock minus in-flight orders minus buffer, never below 0.',
            },
            {
              name: 'resetDate',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'Allocation reset date sent to SFCC; SFCC counts its own turnover from this time on.',
            },
            {
              name: 'sourceAsOf',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'asOf of the wair.stock.v1 figure the allocation was computed from.',
            },
            {
              name: 'sourceSequence',
              type: 'long',
              doc: 'sourceSequence of the wair.stock.v1 figure the allocation was computed from.',
            },
            {
              name: 'writtenAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the write finished (successfully or not).',
            },
            {
              name: 'outcome',
              doc: 'Result of the write.',
              type: {
                type: 'enum',
                name: 'SyncOutcome',
                doc: 'OK: SFCC holds the allocation; SKU_NOT_IN_CATALOG: not written because the SKU is no sellable SFCC product; REJECTED: SFCC refused the write; FAILED: gave up after retries.',
                symbols: ['OK', 'SKU_NOT_IN_CATALOG', 'REJECTED', 'FAILED'],
              },
            },
            {
              name: 'error',
              type: ['null', 'string'],
              default: null,
              doc: 'Error message for an outcome other than OK; null otherwise.',
            },
            {
              name: 'priority',
              type: 'int',
              doc: 'Priority class the write was queued in: 0 stock-out or low stock, 1 other change, 2 back in stock, 3 full refresh.',
            },
            {
              name: 'channel',
              doc: 'SFCC interface the write went through.',
              type: {
                type: 'enum',
                name: 'WriteChannel',
                doc: 'OCAPI: per-record write (delta); IMPEX: inventory import file (full refresh).',
                symbols: ['OCAPI', 'IMPEX'],
              },
            },
          ],
        },
      },
    },
  ],
};
