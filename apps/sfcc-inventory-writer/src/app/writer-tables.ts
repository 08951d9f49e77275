import {
  TOPICS,
  type IntegrationException,
  type InventorySync,
  type OrderFact,
  type SfccProduct,
  type StockLevel,
} from '@wair-sfcc/contracts';
import type { KafkaRuntime, TableReader } from '@wair-sfcc/kafka';
import {
  CatalogNearMissFinder,
  type CatalogEntry,
  type CatalogNearMiss,
  type InFlightOrderIndex,
} from '@wair-sfcc/inventory-domain';
import type { Logger } from '@wair-sfcc/observability';
import type { WriterTopics } from './writer-topics';

/** The catalog snapshot, with the near miss of a SKU it cannot sell (for SKU_MISMATCH). */
export type CatalogTable = TableReader<CatalogEntry> & { nearMiss(sku: string): CatalogNearMiss | undefined };

/**
 * The compacted tables the writer rebuilds at start: the SFCC catalog snapshot (strict
 * identifiers), order facts (in-flight orders), its own sync reports (monotonic guard) and the
 * SKU_MISMATCH rows of the exceptions table (so a raise continues Merch's acknowledgement).
 */
export function createWriterTables(
  kafka: KafkaRuntime,
  logger: Logger,
  sinks: {
    orders: InFlightOrderIndex;
    onSyncRow: (row: InventorySync) => void;
    onOrder?: (fact: OrderFact) => void;
    onCatalog?: (productId: string) => void;
  },
  topics: Pick<WriterTopics, 'products' | 'orders' | 'sync' | 'exceptions'>,
) {
  const warn = (topic: string) => (error: Error, meta: { partition: number; offset: string }) =>
    logger.warn({ err: error, topic, ...meta }, 'undecodable table record skipped');
  const products: TableReader<CatalogEntry> = kafka.tableReader<SfccProduct, CatalogEntry>({
    topic: topics.products,
    project: (p) => ({ type: p.type, online: p.online, masterId: p.masterId }),
    onChange: (key, row) => {
      nearMisses.changed(key, row);
      sinks.onCatalog?.(key);
    },
    onUndecodable: warn(topics.products),
  });
  // What SFCC has instead of a SKU it cannot sell, for the SKU_MISMATCH hint; its indexes are
  // built at the first mismatch and follow the table from then on.
  const nearMisses = new CatalogNearMissFinder(products);
  const catalog: CatalogTable = Object.assign(products, {
    nearMiss: (sku: string) => nearMisses.find(sku),
  });
  const orders: TableReader<true> = kafka.tableReader<OrderFact, true>({
    topic: topics.orders,
    // The index keeps what it needs; the table itself holds nothing per order.
    project: (fact) => {
      sinks.orders.apply(fact);
      sinks.onOrder?.(fact);
      return true;
    },
    onChange: (key, row) => {
      if (row === undefined) sinks.orders.remove(key);
    },
    onUndecodable: warn(topics.orders),
  });
  const sync: TableReader<true> = kafka.tableReader<InventorySync, true>({
    topic: topics.sync,
    project: (row) => {
      sinks.onSyncRow(row);
      return true;
    },
    onUndecodable: warn(topics.sync),
  });
  // Other types are kept as null: the writer raises only SKU_MISMATCH.
  const exceptions: TableReader<IntegrationException | null> = kafka.tableReader<
    IntegrationException,
    IntegrationException | null
  >({
    topic: topics.exceptions,
    project: (row) => (row.type === 'SKU_MISMATCH' ? row : null),
    onUndecodable: warn(topics.exceptions),
  });
  const all = [catalog, orders, sync, exceptions];
  return {
    catalog,
    orders,
    sync,
    /** The SKU_MISMATCH row of an exception id, as the topic holds it. */
    exception: (id: string) => exceptions.get(id) ?? undefined,
    async start(): Promise<void> {
      await Promise.all(all.map((t) => t.start()));
    },
    async caughtUp(): Promise<void> {
      await Promise.all(all.map((t) => t.caughtUp()));
    },
    isCaughtUp: () => all.every((t) => t.isCaughtUp()),
    async stop(): Promise<void> {
      await Promise.all(all.map((t) => t.stop()));
    },
  };
}

/** Reads the whole compacted stock table once (latest figure per SKU), for a full refresh. */
export async function readStockTable(
  kafka: KafkaRuntime,
  topic: string = TOPICS.wairStock,
): Promise<StockLevel[]> {
  const table = kafka.tableReader<StockLevel>({ topic });
  await table.start();
  try {
    await table.caughtUp();
    return [...table.entries()].map(([, v]) => v);
  } finally {
    await table.stop();
  }
}
