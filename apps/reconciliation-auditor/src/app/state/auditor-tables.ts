import {
  TOPICS,
  type Fulfilment,
  type IntegrationException,
  type InventorySync,
  type OrderDispatches,
  type OrderFact,
  type SfccProduct,
  type StockLevel,
  type WairSku,
} from '@wair-sfcc/contracts';
import type { RowStore, TableReader } from '@wair-sfcc/kafka';
import { createGauge, type MetricsRegistry } from '@wair-sfcc/observability';
import type { ByteReader } from './byte-codec';
import { KeySlots } from './key-slots';
import { PackedTable } from './packed-table';
import {
  createRowDictionaries,
  productCodec,
  skuCodec,
  stockCodec,
  syncCodec,
  type RowDictionaries,
} from './row-codecs';
import { TableView, valueSource } from './table-view';

/** The tables the auditor rebuilds, by the name used in metrics and readiness. */
export const TABLE_TOPICS = {
  stock: TOPICS.wairStock,
  skus: TOPICS.wairSkus,
  products: TOPICS.sfccProducts,
  orders: TOPICS.sfccOrders,
  dispatches: TOPICS.wairDispatches,
  syncs: TOPICS.sfccInventorySync,
  fulfilments: TOPICS.sfccFulfilment,
  exceptions: TOPICS.integrationExceptions,
} as const;

export type TableName = keyof typeof TABLE_TOPICS;

/** Builds a compacted-topic reader (`KafkaRuntime.tableReader`, or a fake in tests and the bench). */
export type TableReaderFactory = <Value, Row>(options: {
  topic: string;
  project?: (value: Value, key: string) => Row;
  store?: RowStore<Row>;
  onChange?: (key: string, row: Row | undefined) => void;
}) => TableReader<Row>;

export interface AuditorTablesOptions {
  tableReader: TableReaderFactory;
  registry?: MetricsRegistry;
  /** Topic per table; defaults to the catalogue names (integration tests use unique topics). */
  topics?: Partial<Record<TableName, string>>;
  /** Called for every applied change of these tables (row undefined = tombstone). */
  onOrder?: (orderNo: string, order: OrderFact | undefined) => void;
  onException?: (id: string, exception: IntegrationException | undefined) => void;
  /**
   * Changes of the tables the flow windows and SKU history follow, with the value as read from the
   * topic (the hook runs as the row is built, so no compact row is decoded back for it).
   */
  onChange?: TableChangeHooks;
}

/** Per-table change hooks (value undefined = tombstone). */
export interface TableChangeHooks {
  stock?: (sku: string, value: StockLevel | undefined) => void;
  syncs?: (sku: string, value: InventorySync | undefined) => void;
  products?: (productId: string, value: SfccProduct | undefined) => void;
  fulfilments?: (orderNo: string, value: Fulfilment | undefined) => void;
}

interface PackedValue {
  stock: StockLevel;
  skus: WairSku;
  products: SfccProduct;
  syncs: InventorySync;
}

/** Typed views over the compact tables plus their lifecycle. */
export interface AuditorTables {
  stock: TableView<ByteReader, StockLevel>;
  skus: TableView<ByteReader, WairSku>;
  products: TableView<ByteReader, SfccProduct>;
  orders: TableView<OrderFact, OrderFact>;
  dispatches: TableView<OrderDispatches, OrderDispatches>;
  syncs: TableView<ByteReader, InventorySync>;
  fulfilments: TableView<Fulfilment, Fulfilment>;
  exceptions: TableView<IntegrationException, IntegrationException>;
  /** The `sfcc.products.v1` reader, for the catalog pull (it diffs against what was published). */
  productsReader: Pick<TableReader<SfccProduct>, 'caughtUp' | 'entries'>;
  dictionaries: RowDictionaries;
  /** The key strings the per-SKU tables share (one per SKU). */
  keySlots: KeySlots;
  start(): Promise<void>;
  stop(): Promise<void>;
  caughtUp(): Promise<void>;
  /** Tables not caught up yet (empty when ready). */
  behind(): TableName[];
  rowCounts(): Record<TableName, number>;
  /** Bytes reserved for the packed rows of the per-SKU tables. */
  packedBytes(): Record<PackedTableName, number>;
}

/** The per-SKU tables, kept packed. */
export type PackedTableName = 'stock' | 'skus' | 'products' | 'syncs';

/**
 * Rebuilds the auditor's eight tables from their compacted topics. The per-SKU tables (stock,
 * SKUs, products, syncs) are packed: one shared key string per SKU and a few dozen bytes per row
 * (see packed-table, row-codecs), so a million SKUs stay well under 1 GiB; order-keyed tables keep
 * the contract values, which are already free of personal data.
 */
export function createAuditorTables(options: AuditorTablesOptions): AuditorTables {
  const d = createRowDictionaries();
  const keySlots = new KeySlots();
  const topic = (name: TableName) => options.topics?.[name] ?? TABLE_TOPICS[name];
  const r = options.tableReader;
  const hooks = options.onChange ?? {};
  const packed: { [Name in PackedTableName]: PackedTable<PackedValue[Name]> } = {
    stock: new PackedTable(keySlots, stockCodec(d)),
    skus: new PackedTable(keySlots, skuCodec(d)),
    products: new PackedTable(keySlots, productCodec(d)),
    syncs: new PackedTable(keySlots, syncCodec(d)),
  };
  // No projection: the packed stores encode the values as read, and the change hooks get those
  // same values (nothing is decoded back for them).
  const readers = {
    stock: r<StockLevel, StockLevel>({ topic: topic('stock'), store: packed.stock, onChange: hooks.stock }),
    skus: r<WairSku, WairSku>({ topic: topic('skus'), store: packed.skus }),
    products: r<SfccProduct, SfccProduct>({
      topic: topic('products'),
      store: packed.products,
      onChange: hooks.products,
    }),
    orders: r<OrderFact, OrderFact>({
      topic: topic('orders'),
      onChange: (key, row) => options.onOrder?.(key, row),
    }),
    dispatches: r<OrderDispatches, OrderDispatches>({ topic: topic('dispatches') }),
    syncs: r<InventorySync, InventorySync>({
      topic: topic('syncs'),
      store: packed.syncs,
      onChange: hooks.syncs,
    }),
    fulfilments: r<Fulfilment, Fulfilment>({
      topic: topic('fulfilments'),
      onChange: (key, row) => hooks.fulfilments?.(key, row),
    }),
    exceptions: r<IntegrationException, IntegrationException>({
      topic: topic('exceptions'),
      onChange: (key, row) => options.onException?.(key, row),
    }),
  };
  const all = Object.entries(readers) as Array<[TableName, TableReader<unknown>]>;
  const products = new TableView(packed.products);
  if (options.registry) {
    createGauge(options.registry, {
      name: 'auditor_table_rows',
      help: 'Rows held per rebuilt table.',
      labelNames: ['table'],
      collect() {
        for (const [name, reader] of all) this.set({ table: name }, reader.size());
      },
    });
    createGauge(options.registry, {
      name: 'auditor_table_packed_bytes',
      help: 'Bytes reserved for the packed rows of the per-SKU tables (their keys are counted apart).',
      labelNames: ['table'],
      collect() {
        for (const [name, table] of Object.entries(packed)) this.set({ table: name }, table.byteCapacity());
      },
    });
    createGauge(options.registry, {
      name: 'auditor_table_keys',
      help: 'Distinct keys the per-SKU tables share (one string each).',
      collect() {
        this.set(keySlots.size);
      },
    });
  }
  return {
    stock: new TableView(packed.stock),
    skus: new TableView(packed.skus),
    products,
    orders: new TableView(valueSource(readers.orders)),
    dispatches: new TableView(valueSource(readers.dispatches)),
    syncs: new TableView(packed.syncs),
    fulfilments: new TableView(valueSource(readers.fulfilments)),
    exceptions: new TableView(valueSource(readers.exceptions)),
    productsReader: { caughtUp: () => readers.products.caughtUp(), entries: () => products.entries() },
    dictionaries: d,
    keySlots,
    async start() {
      await Promise.all(all.map(([, reader]) => reader.start()));
    },
    async stop() {
      await Promise.all(all.map(([, reader]) => reader.stop()));
    },
    async caughtUp() {
      await Promise.all(all.map(([, reader]) => reader.caughtUp()));
    },
    behind: () => all.filter(([, reader]) => !reader.isCaughtUp()).map(([name]) => name),
    rowCounts: () =>
      Object.fromEntries(all.map(([name, reader]) => [name, reader.size()])) as Record<TableName, number>,
    packedBytes: () => ({
      stock: packed.stock.byteCapacity(),
      skus: packed.skus.byteCapacity(),
      products: packed.products.byteCapacity(),
      syncs: packed.syncs.byteCapacity(),
    }),
  };
}
