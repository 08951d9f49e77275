import { findTopic, type TopicSpec } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import {
  createBufferResolver,
  InFlightOrderIndex,
  parseBufferRules,
  parseInventoryListMappings,
} from '@wair-sfcc/inventory-domain';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import type { CatalogPuller, InventoryReader } from '@wair-sfcc/sfcc-client';
import type { RequestHandler } from 'express';
import type { AllocationModel } from './allocation-model';
import { createAuditorApiRouter } from './api/auditor-api.routes';
import { createDashboardRouter } from './dashboard/dashboard.routes';
import { createAuditDefinitions } from './audits/audit-definitions';
import { createAuditRunner } from './audits/audit-runner';
import { createAlertNotifier } from './alerts/alert-notifier';
import { syncDelayBreaches } from './alerts/sync-delay-breaches';
import { createAuditScheduler, systemClock, type SchedulerClock } from './audits/audit-scheduler';
import { createInventoryDriftAudit } from './audits/inventory-drift.audit';
import { APP_NAME, type AuditorConfig } from './config';
import { createCatalogSyncJob, type CatalogSyncJob } from './catalog-sync.job';
import { createExceptionBook, type ExceptionBook } from './exceptions/exception-book';
import { createConsumerLagView, parseWatchedGroups } from './lookups/consumer-lag';
import { createFlowsHealth } from './lookups/flows-health';
import { createOrderTimeline } from './lookups/order-timeline';
import { createSkuLookup } from './lookups/sku-lookup';
import { createTableFeeds } from './lookups/table-feeds';
import { createAuditorTables, TABLE_TOPICS, type TableName } from './state/auditor-tables';

export interface AuditorDeps {
  config: AuditorConfig;
  logger: Logger;
  kafka: KafkaRuntime;
  /** SFCC catalog pull publishing `sfcc.products.v1`; none when SFCC is not configured. */
  catalogPuller?: CatalogPuller;
  /** Throttled OCAPI inventory read-back; none disables INVENTORY_DRIFT and the SFCC record in look-ups. */
  inventoryReader?: InventoryReader;
  clock?: SchedulerClock;
  /** Topic per table (integration tests use unique names); defaults to the catalogue. */
  topics?: Partial<Record<TableName, string>>;
}

/** The auditor as a running app: tables, audits on schedules, exceptions, the JSON API. */
export interface AuditorService extends Service {
  /** For tests and the bench: the parts behind the API. */
  readonly internals: {
    book: ExceptionBook;
    scheduler: ReturnType<typeof createAuditScheduler>;
    tables: ReturnType<typeof createAuditorTables>;
  };
}

function specFor(name: TableName, topic: string): TopicSpec {
  const base = findTopic(TABLE_TOPICS[name]);
  if (!base) throw new Error(`${TABLE_TOPICS[name]} is missing from the topic catalogue`);
  return topic === base.name ? base : { ...base, name: topic, valueSubject: `${topic}-value` };
}

/**
 * Rebuilds every table from the compacted topics, then runs the audits on their schedules and
 * serves the JSON API under `/api` next to the ops endpoints. When SFCC is configured it also pulls
 * the catalog into `sfcc.products.v1` and reads inventory back for INVENTORY_DRIFT.
 */
export function createApp(deps: AuditorDeps): AuditorService {
  const { config, logger, kafka } = deps;
  const clock = deps.clock ?? systemClock;
  const topic = (name: TableName) => deps.topics?.[name] ?? TABLE_TOPICS[name];
  // The shell (which owns the metrics registry) is built first; what it calls back into comes later.
  const late: { api?: RequestHandler; tables?: { behind(): string[] }; book?: ExceptionBook } = {};
  // One login for the JSON API and the dashboard page that calls it.
  const apiAuth = {
    token: config.API_TOKEN,
    basic: config.API_BASIC_PASSWORD && `${config.API_BASIC_USER}:${config.API_BASIC_PASSWORD}`,
    allowAnonymous: config.API_ALLOW_ANONYMOUS,
  };
  const shell = createServiceShell({
    app: APP_NAME,
    logger,
    kafka,
    ops: { host: config.OPS_HOST, port: config.OPS_PORT },
    lagIntervalMs: config.LAG_INTERVAL_MS,
    groups: [],
    readiness: [
      {
        name: 'tables-caught-up',
        check: () => {
          const behind = late.tables?.behind() ?? ['all'];
          return {
            ok: behind.length === 0,
            detail: behind.length ? `catching up: ${behind.join(', ')}` : undefined,
          };
        },
      },
    ],
    extraRoutes: (app) => {
      app.use('/api', (req, res, next) => (late.api ? late.api(req, res, next) : next()));
      app.use('/dashboard', createDashboardRouter({ auth: apiAuth }));
      app.get('/', (_req, res) => res.redirect('/dashboard/'));
    },
  });

  const producer = kafka.producer({
    topics: [specFor('exceptions', topic('exceptions')), specFor('products', topic('products'))],
  });
  const orders = new InFlightOrderIndex();
  const feeds = createTableFeeds({ now: () => clock.now() });
  const tables = createAuditorTables({
    tableReader: (options) => kafka.tableReader(options),
    registry: shell.registry,
    topics: deps.topics,
    onOrder: (orderNo, order) => {
      if (order) orders.apply(order);
      else orders.remove(orderNo);
      feeds.onOrder(orderNo, order);
    },
    onException: (id, row) => late.book?.onTableChange(id, row),
    onChange: feeds.hooks,
  });
  feeds.attach(tables.dispatches);
  late.tables = tables;
  const book = createExceptionBook({
    table: tables.exceptions,
    producer,
    topic: topic('exceptions'),
    registry: shell.registry,
  });
  late.book = book;
  const alerts = createAlertNotifier({ config, logger, registry: shell.registry, clock, source: APP_NAME });
  // Audit outcomes pass the alert notifier on their way out (new and escalated exceptions alert).
  const alertingBook: ExceptionBook = {
    ...book,
    transact: async (decide) => {
      const changes = await book.transact(decide);
      alerts.onExceptionChanges(changes);
      for (const breach of syncDelayBreaches(changes, clock.now(), config.SYNC_SLA_MS))
        alerts.onBreach(breach);
      return changes;
    },
  };

  const model: AllocationModel = {
    lists: parseInventoryListMappings(config.INVENTORY_LISTS),
    bufferFor: createBufferResolver(parseBufferRules(config.STOCK_BUFFERS)),
    orders,
    skewMarginMs: config.CLOCK_SKEW_MARGIN_MS,
  };
  const drift = deps.inventoryReader
    ? createInventoryDriftAudit({
        reader: deps.inventoryReader,
        model,
        stock: tables.stock,
        products: tables.products,
        recordsPerRun: config.DRIFT_RECORDS_PER_RUN,
        pageSize: config.DRIFT_PAGE_SIZE,
        toleranceUnits: config.DRIFT_TOLERANCE_UNITS,
        graceMs: config.DRIFT_GRACE_MS,
      })
    : undefined;
  const audits = createAuditDefinitions(
    tables,
    {
      intervals: {
        SKU_MISMATCH: config.AUDIT_SKU_MISMATCH_INTERVAL_MS,
        INVENTORY_DRIFT: config.AUDIT_INVENTORY_DRIFT_INTERVAL_MS,
        SYNC_DELAY: config.AUDIT_SYNC_DELAY_INTERVAL_MS,
        DISPATCH_NOT_CONFIRMED: config.AUDIT_DISPATCH_NOT_CONFIRMED_INTERVAL_MS,
        ORDER_NOT_ACCEPTED: config.AUDIT_ORDER_NOT_ACCEPTED_INTERVAL_MS,
      },
      syncSlaMs: config.SYNC_SLA_MS,
      dispatchSlaMs: config.DISPATCH_CONFIRM_SLA_MS,
      orderSlaMs: config.ORDER_ACCEPT_SLA_MS,
      listIds: model.lists.map((l) => l.inventoryListId),
    },
    drift,
  );
  const scheduler = createAuditScheduler({
    audits,
    run: createAuditRunner({ book: alertingBook, appName: APP_NAME, now: () => clock.now() }),
    clock,
    logger,
    registry: shell.registry,
  });
  const catalogSync: CatalogSyncJob | undefined = deps.catalogPuller
    ? createCatalogSyncJob({
        puller: deps.catalogPuller,
        producer,
        table: tables.productsReader,
        logger,
        registry: shell.registry,
        intervalMs: config.CATALOG_PULL_INTERVAL_MS,
        topic: topic('products'),
      })
    : undefined;
  const consumerLag = createConsumerLagView({
    source: kafka.admin,
    groups: parseWatchedGroups(config.LAG_WATCH_GROUPS),
    now: () => clock.now(),
  });
  // Lag of the other apps' groups is a breach alert of its own (on-call routes it like an exception).
  const checkLag = async (): Promise<void> => {
    for (const row of (await consumerLag()).groups) {
      if (row.total > config.ALERT_CONSUMER_LAG_THRESHOLD)
        alerts.onBreach({
          kind: 'CONSUMER_LAG',
          key: `${row.groupId}/${row.topic}`,
          value: row.total,
          threshold: config.ALERT_CONSUMER_LAG_THRESHOLD,
        });
    }
  };
  late.api = createAuditorApiRouter({
    auth: apiAuth,
    book,
    scheduler,
    tables,
    skuLookup: createSkuLookup({
      tables,
      model,
      book,
      reader: deps.inventoryReader,
      history: feeds.skuHistory,
    }),
    orderTimeline: createOrderTimeline({ tables, book }),
    flowsHealth: createFlowsHealth({
      tables,
      book,
      scheduler,
      now: () => clock.now(),
      metrics: feeds.flowMetrics,
    }),
    consumerLag,
    logger,
  });

  let pruneTimer: NodeJS.Timeout | undefined;
  let lagTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  return {
    internals: { book, scheduler, tables },
    async start() {
      await shell.start();
      await producer.connect();
      await tables.start();
      alerts.start();
      catalogSync?.start();
      // Audits judge the whole state: they start once every table has caught up.
      void tables.caughtUp().then(() => {
        if (stopping) return;
        logger.info({ rows: tables.rowCounts() }, 'tables caught up; audits scheduled');
        scheduler.start();
        pruneTimer = setInterval(() => orders.prune(clock.now()), 3_600_000);
        pruneTimer.unref();
        lagTimer = setInterval(() => void checkLag().catch(() => undefined), config.LAG_INTERVAL_MS);
        lagTimer.unref();
      });
    },
    async stop() {
      stopping = true;
      if (pruneTimer) clearInterval(pruneTimer);
      if (lagTimer) clearInterval(lagTimer);
      await scheduler.stop();
      await catalogSync?.stop();
      await alerts.stop();
      await producer.disconnect();
      await tables.stop();
      await shell.stop();
    },
  };
}
