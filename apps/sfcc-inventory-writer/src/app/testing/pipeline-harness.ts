import type { InventorySync, IntegrationException, StockLevel } from '@wair-sfcc/contracts';
import { TOPICS } from '@wair-sfcc/contracts';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import {
  createBufferResolver,
  InFlightOrderIndex,
  parseBufferRules,
  parseInventoryListMappings,
  type CatalogEntry,
} from '@wair-sfcc/inventory-domain';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import type { InventoryWriter } from '@wair-sfcc/sfcc-client';
import {
  createInMemoryInventoryImporter,
  createInMemoryInventoryWriter,
} from '@wair-sfcc/sfcc-client/testing';
import { createFullRefresh } from '../full-refresh';
import { createInventoryPipeline, type InventoryPipeline } from '../inventory-pipeline';
import { SkuMismatchRaiser } from '../sku-mismatch-raiser';
import { createStockPlanner } from '../stock-planner';
import { SyncReporter } from '../sync-reporter';
import { createWriteWorkers } from '../write-workers';
import { createWriterMetrics } from '../writer-metrics';

export const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

/** A stock figure at WAIR time `T0 + dt` with `available` per location. */
export function figure(sku: string, dt: number, available: Record<string, number>, seq = dt): StockLevel {
  return {
    sku,
    asOf: T0 + dt,
    sourceSequence: seq,
    origin: 'WEBHOOK',
    ingestedAt: T0 + dt,
    locations: Object.entries(available).map(([locationCode, units], i) => ({
      locationCode,
      onHand: Math.max(units, 0),
      reserved: 0,
      available: units,
      modifiedAt: T0 + dt,
      sequence: i,
    })),
  };
}

export interface HarnessOptions {
  lists?: string;
  buffers?: string;
  lowStockThreshold?: number;
  batchSize?: number;
  concurrency?: number;
  writer?: InventoryWriter;
  skus?: string[];
  /** Real time and real backoff sleeps (benchmarks against a live SFCC simulator). */
  realTime?: boolean;
  /** SYNC_SLA_MS of the write workers; default 0 (no SLA breaches counted). */
  slaMs?: number;
  /** What the rate-limit gauge reads; default a constant 10 req/s. */
  rateLimit?: () => number;
}

/** The writer's pipeline over in-memory fakes: producer, SFCC writer/importer, catalog, clock. */
export function createPipelineHarness(options: HarnessOptions = {}) {
  const producer = createInMemoryProducer();
  const fakeWriter = createInMemoryInventoryWriter();
  const importer = createInMemoryInventoryImporter(fakeWriter.state);
  const catalog = new Map<string, CatalogEntry>();
  for (const sku of options.skus ?? []) catalog.set(sku, { type: 'VARIANT', online: true, masterId: 'M' });
  const orders = new InFlightOrderIndex();
  const reporter = new SyncReporter(producer);
  const logger = createLogger({ app: 'test', level: 'silent' });
  let clock = T0 + 1000;
  const now = options.realTime ? Date.now : () => clock;
  const lists = parseInventoryListMappings(options.lists ?? 'web:WEB01+DC01');
  const plan = createStockPlanner({
    lists,
    bufferFor: createBufferResolver(parseBufferRules(options.buffers ?? 'global=0')),
    orders,
    lowStockThreshold: options.lowStockThreshold ?? 3,
    skewMarginMs: 0,
    lastWritten: (listId, sku) => {
      const last = reporter.get(sku, listId);
      return last?.outcome === 'OK' ? last.allocation : undefined;
    },
  });
  const registry = createMetricsRegistry({ app: 'test', collectDefaults: false });
  const late: { pipeline?: InventoryPipeline } = {};
  const metrics = createWriterMetrics(registry, {
    queue: {
      depth: (p) => late.pipeline?.queue.depth(p) ?? 0,
      oldestAge: (p, at) => late.pipeline?.queue.oldestAge(p, at) ?? 0,
    },
    now,
    rateLimit: options.rateLimit ?? (() => 10),
  });
  const pipeline = (late.pipeline = createInventoryPipeline({
    plan,
    catalog,
    reporter,
    mismatches: new SkuMismatchRaiser(producer, 'sfcc-inventory-writer'),
    metrics,
    logger,
    now,
    inventoryListIds: lists.map((l) => l.inventoryListId),
  }));
  const writer = options.writer ?? fakeWriter;
  const workers = createWriteWorkers({
    pipeline,
    writer,
    metrics,
    logger,
    now,
    batchSize: options.batchSize ?? 50,
    concurrency: options.concurrency ?? 1,
    slaMs: options.slaMs ?? 0,
    ...(options.realTime ? {} : { sleep: async () => undefined, retry: { initialMs: 1, maxMs: 1 } }),
  });
  const fullRefresh = createFullRefresh({
    readStock: async () => stockTable.values(),
    importer,
    pipeline,
    plan,
    catalog,
    metrics,
    logger,
    now,
  });
  const stockTable = new Map<string, StockLevel>();
  let offset = 0;
  return {
    producer,
    fakeWriter,
    importer,
    catalog,
    orders,
    pipeline,
    workers,
    fullRefresh,
    registry,
    metrics,
    stockTable,
    advance: (ms: number) => (clock += ms),
    /** Feeds a figure as the consumer would (partition 0, next offset). */
    async feed(f: StockLevel, partition = 0): Promise<number> {
      stockTable.set(f.sku, f);
      const at = offset++;
      await pipeline.acceptStock(f, { topic: TOPICS.wairStock, partition, offset: at });
      return at;
    },
    syncRows: () => producer.table(TOPICS.sfccInventorySync) as Map<string, InventorySync>,
    exceptions: () =>
      producer.records
        .filter((r) => r.topic === TOPICS.integrationExceptions)
        .map((r) => r.value as IntegrationException),
    /** Waits until the queue is empty and nothing is in flight (no fixed sleeps). */
    async drain(timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (pipeline.queue.depth() > 0 || pipeline.queue.inFlight() > 0) {
        if (Date.now() > deadline) throw new Error('pipeline did not drain');
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}
