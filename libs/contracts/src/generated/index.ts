// This file is generated, do not edit. Source: libs/contracts/schemas/*.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';
import { integrationExceptionSchema, type IntegrationException } from './integration-exception.generated';
import { fulfilmentSchema, type Fulfilment } from './fulfilment.generated';
import { inventorySyncSchema, type InventorySync } from './inventory-sync.generated';
import { orderFactSchema, type OrderFact } from './order-fact.generated';
import { sfccProductSchema, type SfccProduct } from './sfcc-product.generated';
import { ingestCursorSchema, type IngestCursor } from './ingest-cursor.generated';
import { orderDispatchesSchema, type OrderDispatches } from './order-dispatches.generated';
import { wairSkuSchema, type WairSku } from './wair-sku.generated';
import { stockLevelSchema, type StockLevel } from './stock-level.generated';

export * from './integration-exception.generated';
export * from './fulfilment.generated';
export * from './inventory-sync.generated';
export * from './order-fact.generated';
export * from './sfcc-product.generated';
export * from './ingest-cursor.generated';
export * from './order-dispatches.generated';
export * from './wair-sku.generated';
export * from './stock-level.generated';

/** TypeScript type of the value of each contract topic, by topic name. */
export interface TopicValueTypes {
  'integration.exceptions.v1': IntegrationException;
  'sfcc.fulfilment.v1': Fulfilment;
  'sfcc.inventory-sync.v1': InventorySync;
  'sfcc.orders.v1': OrderFact;
  'sfcc.products.v1': SfccProduct;
  'wair-ingest.cursors.v1': IngestCursor;
  'wair.dispatches.v1': OrderDispatches;
  'wair.skus.v1': WairSku;
  'wair.stock.v1': StockLevel;
}

/** Avro value schema of each contract topic, by topic name. */
export const topicValueSchemas: { readonly [T in keyof TopicValueTypes]: AvroRecordSchema } = {
  'integration.exceptions.v1': integrationExceptionSchema,
  'sfcc.fulfilment.v1': fulfilmentSchema,
  'sfcc.inventory-sync.v1': inventorySyncSchema,
  'sfcc.orders.v1': orderFactSchema,
  'sfcc.products.v1': sfccProductSchema,
  'wair-ingest.cursors.v1': ingestCursorSchema,
  'wair.dispatches.v1': orderDispatchesSchema,
  'wair.skus.v1': wairSkuSchema,
  'wair.stock.v1': stockLevelSchema,
};
