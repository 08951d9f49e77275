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
import type { TableReader } from '@wair-sfcc/kafka';
import { createGauge, type MetricsRegistry } from '@wair-sfcc/observability';
import {
  createRowDictionaries,
  decodeProduct,
  decodeSku,
  decodeStock,
  decodeSync,
  encodeProduct,
  encodeSku,
  encodeStock,
  encodeSync,
  type ProductRow,
  type RowDictionaries,
  type SkuRow,
  type StockRow,
  type SyncRow,
} from './row-codecs';
import { TableView } from './table-view';

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

/** Typed views over the compact tables plus their lifecycle. */
export interface AuditorTables {
  stock: TableView<StockRow, StockLevel>;
  skus: TableView<SkuRow, WairSku>;
  products: TableView<ProductRow, SfccProduct>;
  orders: TableView<OrderFact, OrderFact>;
  dispatches: TableView<OrderDispatches, OrderDispatches>;
  syncs: TableView<SyncRow, InventorySync>;
  fulfilments: TableView<Fulfilment, Fulfilment>;
  exceptions: TableView<IntegrationException, IntegrationException>;
  /** The `sfcc.products.v1` reader, for the catalog pull (it diffs against what was published). */
  productsReader: Pick<TableReader<SfccProduct>, 'caughtUp' | 'entries'>;
  dictionaries: RowDictionaries;
  start(): Promise<void>;
  stop(): Promise<void>;
  caughtUp(): Promise<void>;
  /** Tables not caught up yet (empty when ready). */
  behind(): TableName[];
  rowCounts(): Record<TableName, number>;
}

const identity = <T>(v: T): T => v;

/**
 * Rebuilds the auditor's eight tables from their compacted topics. The per-SKU tables (stock,
 * SKUs, products, syncs) keep compact rows (see row-codecs) so a million SKUs stay well under
 * 1 GiB; order-keyed tables keep the contract values, which are already free of personal data.
 */
export function createAuditorTables(options: AuditorTablesOptions): AuditorTables {
  const d = createRowDictionaries();
  const topic = (name: TableName) => options.topics?.[name] ?? TABLE_TOPICS[name];
  const r = options.tableReader;
  const hooks = options.onChange ?? {};
  // The hook sees the value as read, not a decode of the compact row: nothing dropped, nothing re-allocated.
  const hooked =
    <Value, Row>(
      project: (v: Value) => Row,
      hook: ((key: string, v: Value | undefined) => void) | undefined,
    ) =>
    (value: Value, key: string): Row => {
      const row = project(value);
      hook?.(key, value);
      return row;
    };
  const tombstone = (hook: ((key: string, v: undefined) => void) | undefined) =>
    hook ? (key: string, row: unknown) => row === undefined && hook(key, undefined) : undefined;
  const readers = {
    stock: r<StockLevel, StockRow>({
      topic: topic('stock'),
      project: hooked((v: StockLevel) => encodeStock(v, d), hooks.stock),
      onChange: tombstone(hooks.stock),
    }),
    skus: r<WairSku, SkuRow>({ topic: topic('skus'), project: (v) => encodeSku(v) }),
    products: r<SfccProduct, ProductRow>({
      topic: topic('products'),
      project: hooked((v: SfccProduct) => encodeProduct(v, d), hooks.products),
      onChange: tombstone(hooks.products),
    }),
    orders: r<OrderFact, OrderFact>({
      topic: topic('orders'),
      project: identity,
      onChange: (key, row) => options.onOrder?.(key, row),
    }),
    dispatches: r<OrderDispatches, OrderDispatches>({ topic: topic('dispatches'), project: identity }),
    syncs: r<InventorySync, SyncRow>({
      topic: topic('syncs'),
      project: hooked((v: InventorySync) => encodeSync(v, d), hooks.syncs),
      onChange: tombstone(hooks.syncs),
    }),
    fulfilments: r<Fulfilment, Fulfilment>({
      topic: topic('fulfilments'),
      project: identity,
      onChange: (key, row) => hooks.fulfilments?.(key, row),
    }),
    exceptions: r<IntegrationException, IntegrationException>({
      topic: topic('exceptions'),
      project: identity,
      onChange: (key, row) => options.onException?.(key, row),
    }),
  };
  const all = Object.entries(readers) as Array<[TableName, TableReader<unknown>]>;
  const products = new TableView(readers.products, decodeProduct);
  if (options.registry) {
    createGauge(options.registry, {
      name: 'auditor_table_rows',
      help: 'Rows held per rebuilt table.',
      labelNames: ['table'],
      collect() {
        for (const [name, reader] of all) this.set({ table: name }, reader.size());
      },
    });
  }
  return {
    stock: new TableView(readers.stock, (k, row) => decodeStock(k, row, d)),
    skus: new TableView(readers.skus, decodeSku),
    products,
    orders: new TableView(readers.orders, (_k, row) => row),
    dispatches: new TableView(readers.dispatches, (_k, row) => row),
    syncs: new TableView(readers.syncs, (k, row) => decodeSync(k, row, d)),
    fulfilments: new TableView(readers.fulfilments, (_k, row) => row),
    exceptions: new TableView(readers.exceptions, (_k, row) => row),
    productsReader: { caughtUp: () => readers.products.caughtUp(), entries: () => products.entries() },
    dictionaries: d,
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
  };
}
