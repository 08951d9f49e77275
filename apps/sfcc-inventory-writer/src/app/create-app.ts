import type { StockLevel } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import {
  createBufferResolver,
  InFlightOrderIndex,
  mappedLocations,
  parseBufferRules,
  parseInventoryListMappings,
} from '@wair-sfcc/inventory-domain';
import type { Logger } from '@wair-sfcc/observability';
import type { InventoryImporter, InventoryWriter } from '@wair-sfcc/sfcc-client';
import { adminRoutes } from './admin-routes';
import { APP_NAME, type WriterConfig } from './config';
import { createFullRefresh, type FullRefresh } from './full-refresh';
import { createFullRefreshSchedule, type FullRefreshSchedule } from './full-refresh-schedule';
import { createInventoryPipeline, type InventoryPipeline } from './inventory-pipeline';
import { SkuMismatchRaiser } from './sku-mismatch-raiser';
import { createSlaWatch } from './sla-watch';
import { createStockPlanner } from './stock-planner';
import { createStockRecordValidator } from './stock-record.validator';
import { SyncReporter } from './sync-reporter';
import { createWriteWorkers } from './write-workers';
import { createWriterMetrics, observeSfccError } from './writer-metrics';
import { createWriterTables, readStockTable } from './writer-tables';
import { DEFAULT_WRITER_TOPICS, producedTopicSpecs, type WriterTopics } from './writer-topics';

export interface WriterDeps {
  config: WriterConfig;
  logger: Logger;
  kafka: KafkaRuntime;
  /** The SFCC side, behind its ports (real OCAPI/IMPEX adapters, or fakes in tests). */
  sfcc: { writer: InventoryWriter; importer: InventoryImporter; currentRate?: () => number };
  /** Overrides topic names, so integration tests run on their own topics. */
  topics?: Partial<WriterTopics>;
  now?: () => number;
}

export type WriterApp = Service & {
  pipeline: InventoryPipeline;
  /** In-flight storefront orders known to the writer (read-only use: tests, diagnostics). */
  orders: InFlightOrderIndex;
  /** The full refresh the admin endpoint and the schedule start. */
  fullRefresh: FullRefresh;
  /** Counts a retried SFCC error that was a 429 or 503 (wired to the client's retry hook). */
  observeSfccError(error: unknown): void;
  /** Counts one HTTP attempt to SFCC by status (wired to the clients' observed fetch). */
  observeSfccResponse(status: string): void;
};

/** Wires tables → pipeline → queue → write workers → sync reports → offset commits. */
export function createApp(deps: WriterDeps): WriterApp {
  const { config, logger, kafka, sfcc } = deps;
  const now = deps.now ?? Date.now;
  const topics: WriterTopics = { ...DEFAULT_WRITER_TOPICS, ...deps.topics };
  const stockTopic = topics.stock;
  const lists = parseInventoryListMappings(config.INVENTORY_LISTS);
  const known = mappedLocations(lists);
  for (const loc of config.UNMAPPED_LOCATIONS.split('+')) if (loc.trim()) known.add(loc.trim());
  const producer = kafka.producer({ topics: producedTopicSpecs(topics) });
  const orders = new InFlightOrderIndex();
  const reporter = new SyncReporter(producer, topics.sync);
  const tables = createWriterTables(
    kafka,
    logger,
    {
      orders,
      onSyncRow: (row) => pipeline.applySyncRow(row),
      onOrder: (fact) => pipeline.orderChanged(fact.lines),
      onCatalog: (productId) => pipeline.catalogChanged(productId),
    },
    topics,
  );
  const consumer = kafka.consumer({
    app: APP_NAME,
    groupId: config.KAFKA_GROUP_ID,
    topics: [stockTopic],
    dlqProducer: producer,
    commitMode: 'manual',
    validators: { [stockTopic]: createStockRecordValidator(known) },
    // A parked record never reaches `handle`; the consumer calls this only once the DLQ copy is
    // acknowledged, so its offset may be committed (else it is parked again after a restart).
    onParked: (record) =>
      pipeline.offsets.seen({
        topic: record.topic,
        partition: record.partition,
        offset: Number(record.offset),
      }),
    handle: async (record) => {
      const source = { topic: record.topic, partition: record.partition, offset: Number(record.offset) };
      if (record.value === null) pipeline.offsets.seen(source);
      else await pipeline.acceptStock(record.value as StockLevel, source);
    },
  });
  const shell = createServiceShell({
    app: APP_NAME,
    logger,
    kafka,
    ops: { host: config.OPS_HOST, port: config.OPS_PORT },
    lagIntervalMs: config.LAG_INTERVAL_MS,
    groups: [{ groupId: config.KAFKA_GROUP_ID, topics: [stockTopic] }],
    readiness: [
      { name: 'tables-caught-up', check: () => ({ ok: tables.isCaughtUp() }) },
      { name: 'consumer-joined', check: () => ({ ok: consumer.isJoined() }) },
    ],
    extraRoutes: adminRoutes({
      token: config.ADMIN_TOKEN,
      fullRefresh: {
        start: (request) => fullRefresh.start(request),
        isRunning: () => fullRefresh.isRunning(),
        lastRun: () => fullRefresh.lastRun(),
      },
    }),
  });
  const metrics = createWriterMetrics(shell.registry, {
    queue: { depth: (p) => pipeline.queue.depth(p), oldestAge: (p, at) => pipeline.queue.oldestAge(p, at) },
    now,
    rateLimit: sfcc.currentRate ?? (() => config.SFCC_RATE_PER_SEC),
  });
  const plan = createStockPlanner({
    lists,
    bufferFor: createBufferResolver(parseBufferRules(config.STOCK_BUFFERS)),
    orders,
    lowStockThreshold: config.LOW_STOCK_THRESHOLD,
    skewMarginMs: config.CLOCK_SKEW_MARGIN_MS,
    lastWritten: (listId, sku) => {
      const last = reporter.get(sku, listId);
      return last?.outcome === 'OK' ? last.allocation : undefined;
    },
  });
  const pipeline = createInventoryPipeline({
    plan,
    catalog: tables.catalog,
    reporter,
    mismatches: new SkuMismatchRaiser(producer, APP_NAME, topics.exceptions, tables.exception),
    metrics,
    logger,
    now,
    inventoryListIds: lists.map((l) => l.inventoryListId),
  });
  const workers = createWriteWorkers({
    pipeline,
    writer: sfcc.writer,
    metrics,
    logger,
    now,
    batchSize: config.WRITE_BATCH_SIZE,
    concurrency: config.WRITE_CONCURRENCY,
    retry: { initialMs: 200, maxMs: config.SFCC_RETRY_MAX_MS },
    slaMs: config.SYNC_SLA_MS,
  });
  const slaWatch = createSlaWatch({ queue: pipeline.queue, slaMs: config.SYNC_SLA_MS, logger, now });
  const fullRefresh = createFullRefresh({
    readStock: () => readStockTable(kafka, stockTopic),
    importer: sfcc.importer,
    pipeline,
    plan,
    catalog: tables.catalog,
    metrics,
    logger,
    now,
  });
  const timers: NodeJS.Timeout[] = [];
  let schedule: FullRefreshSchedule | undefined;
  async function commit(): Promise<void> {
    const offsets = pipeline.offsets.committable();
    if (offsets.length === 0) return;
    try {
      await consumer.commit(offsets);
    } catch (error) {
      pipeline.offsets.forgetCommits();
      logger.warn({ err: error }, 'offset commit failed; retried on the next tick');
    }
  }

  return {
    pipeline,
    orders,
    fullRefresh,
    observeSfccError(error) {
      observeSfccError(metrics, error);
    },
    observeSfccResponse(status) {
      metrics.sfccResponses.inc({ status });
    },
    async start() {
      await shell.start();
      await producer.connect();
      await tables.start();
      // The monotonic guard and in-flight orders must be complete before the first figure.
      await tables.caughtUp();
      logger.info(
        { orders: orders.size(), catalog: tables.catalog.size() },
        'tables caught up; consuming stock',
      );
      workers.start();
      await consumer.start();
      timers.push(setInterval(() => void commit(), config.COMMIT_INTERVAL_MS));
      timers.push(setInterval(() => slaWatch.check(), config.COMMIT_INTERVAL_MS));
      timers.push(setInterval(() => orders.prune(now()), 60_000));
      schedule = createFullRefreshSchedule({
        cron: config.FULL_REFRESH_CRON,
        start: () => fullRefresh.start({}),
        logger,
      });
    },
    async stop() {
      schedule?.stop();
      for (const t of timers) clearInterval(t);
      await workers.stop();
      await commit();
      await consumer.stop();
      await tables.stop();
      await producer.disconnect();
      await shell.stop();
    },
  };
}
