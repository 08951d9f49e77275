import { createInMemoryProducer, type InMemoryProducer } from '@wair-sfcc/kafka/testing';
import {
  createBufferResolver,
  InFlightOrderIndex,
  parseBufferRules,
  parseInventoryListMappings,
} from '@wair-sfcc/inventory-domain';
import { createLogger, createMetricsRegistry, type MetricsRegistry } from '@wair-sfcc/observability';
import type { AllocationModel } from '../allocation-model';
import { createAuditRunner } from '../audits/audit-runner';
import { createExceptionBook, type ExceptionBook } from '../exceptions/exception-book';
import {
  createAuditorTables,
  TABLE_TOPICS,
  type AuditorTables,
  type TableName,
} from '../state/auditor-tables';
import type { FlowMetrics } from '../lookups/flow-metrics';
import type { SkuHistory } from '../lookups/sku-history';
import { createTableFeeds } from '../lookups/table-feeds';
import { createInMemoryTableReaders } from './in-memory-table-readers';
import { createManualClock, type ManualClock } from './manual-clock';

export const TEST_APP = 'reconciliation-auditor';

/** Tables, exception book and runner over in-memory readers; published exceptions loop back into the table. */
export interface AuditorHarness {
  tables: AuditorTables;
  book: ExceptionBook;
  producer: InMemoryProducer;
  registry: MetricsRegistry;
  clock: ManualClock;
  model: AllocationModel;
  run: ReturnType<typeof createAuditRunner>;
  /** Flow windows and SKU history fed from the tables' change hooks, as in create-app (harness clock). */
  flowMetrics: FlowMetrics;
  skuHistory: SkuHistory;
  put(table: TableName, key: string, value: unknown): void;
  /** Applies what the book published to the exceptions table, as the real reader would. */
  readBack(): void;
  logger: ReturnType<typeof createLogger>;
}

export function createAuditorHarness(lists = 'inventory_m:WEB01'): AuditorHarness {
  const readers = createInMemoryTableReaders();
  const registry = createMetricsRegistry({ app: TEST_APP });
  const orders = new InFlightOrderIndex();
  const late: { book?: ExceptionBook } = {};
  const clock = createManualClock();
  const feeds = createTableFeeds({ now: () => clock.now() });
  const tables = createAuditorTables({
    tableReader: readers.factory,
    registry,
    onOrder: (no, o) => {
      if (o) orders.apply(o);
      else orders.remove(no);
      feeds.onOrder(no, o);
    },
    onException: (id, row) => late.book?.onTableChange(id, row),
    onChange: feeds.hooks,
  });
  feeds.attach(tables.dispatches);
  readers.markCaughtUp();
  const producer = createInMemoryProducer();
  const book = createExceptionBook({ table: tables.exceptions, producer, registry });
  late.book = book;
  let read = 0;
  return {
    tables,
    book,
    producer,
    registry,
    clock,
    model: {
      lists: parseInventoryListMappings(lists),
      bufferFor: createBufferResolver(parseBufferRules('global=0')),
      orders,
      skewMarginMs: 0,
    },
    run: createAuditRunner({ book, appName: TEST_APP, now: () => clock.now() }),
    flowMetrics: feeds.flowMetrics,
    skuHistory: feeds.skuHistory,
    put: (table, key, value) => readers.put(TABLE_TOPICS[table], key, value),
    readBack() {
      for (; read < producer.records.length; read += 1) {
        const r = producer.records[read];
        if (r && r.topic === TABLE_TOPICS.exceptions) readers.put(r.topic, r.key, r.value);
      }
    },
    logger: createLogger({ app: TEST_APP, level: 'silent' }),
  };
}
