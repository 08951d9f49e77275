import type { RequestHandler } from 'express';
import type { IntegrationException, OrderDispatches, StockLevel, WairSku } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import { createAdminRoutes } from './admin-routes';
import { APP_NAME, listOf, type IngestConfig } from './config';
import { createCursorStore } from './cursor-store';
import { createFeedPoller } from './feed-poller';
import { parseFieldNames } from './field-names';
import { createIngestMetrics } from './ingest-metrics';
import { createIngestPipeline } from './ingest-pipeline';
import { ingestTopics } from './ingest-topics';
import { createPollLoop } from './poll-loop';
import { createSnapshotRunner } from './snapshot-runner';
import { createWairClient } from './wair-client';
import { createWebhookRoutes } from './webhook-routes';

export interface IngestDeps {
  config: IngestConfig;
  logger: Logger;
  kafka: KafkaRuntime;
}

/**
 * wair-ingest: rebuilds per-SKU stock, dispatches and the SKU master from its own topics, then
 * feeds webhooks, the change poll and snapshots through one pipeline into Kafka.
 */
export function createApp(deps: IngestDeps): Service & { url(): string } {
  const { config, logger, kafka } = deps;
  const names = parseFieldNames(config.WAIR_FIELD_NAMES);
  const topics = ingestTopics(config);
  const producer = kafka.producer({ topics: Object.values(topics) });
  let ready = false;
  let url = '';
  let routes: RequestHandler | undefined;
  const shell = createServiceShell({
    app: APP_NAME,
    logger,
    kafka,
    ops: { host: config.OPS_HOST, port: config.OPS_PORT },
    lagIntervalMs: config.LAG_INTERVAL_MS,
    groups: [],
    readiness: [
      { name: 'state-caught-up', check: () => ({ ok: ready, detail: ready ? 'rebuilt' : 'reading topics' }) },
    ],
    // Webhooks need the pipeline, which needs the shell's metrics registry: mounted once built.
    extraRoutes: (app) =>
      app.use((req, res, next) => {
        if (routes) routes(req, res, next);
        else next();
      }),
  });
  const metrics = createIngestMetrics(shell.registry);
  // Followed for the app's life, unlike its own tables: the auditor acknowledges and resolves the
  // SKU_MISMATCH exceptions this app raises. Other types are kept as null.
  const exceptions = kafka.tableReader<IntegrationException, IntegrationException | null>({
    topic: topics.exceptions.name,
    project: (row) => (row.type === 'SKU_MISMATCH' ? row : null),
    onUndecodable: (error, meta) =>
      logger.warn({ err: error, topic: topics.exceptions.name, ...meta }, 'undecodable table record skipped'),
  });
  const pipeline = createIngestPipeline({
    app: APP_NAME,
    producer,
    names,
    metrics,
    logger,
    skuPattern: config.SKU_PATTERN,
    locations: listOf(config.WAIR_LOCATIONS),
    mismatchTable: {
      get: (id) => exceptions.get(id) ?? undefined,
      ids: () => [...exceptions.entries()].filter(([, row]) => row !== null).map(([id]) => id),
    },
    topics: {
      stock: topics.stock.name,
      dispatches: topics.dispatches.name,
      skus: topics.skus.name,
      exceptions: topics.exceptions.name,
    },
  });
  const cursors = createCursorStore(kafka, producer, topics.cursors.name);
  const client = config.WAIR_BASE_URL
    ? createWairClient({
        baseUrl: config.WAIR_BASE_URL,
        tenant: config.WAIR_TENANT,
        username: config.WAIR_USERNAME,
        password: config.WAIR_PASSWORD,
        tokenPath: config.WAIR_TOKEN_PATH,
        names,
        tokenMarginSeconds: config.WAIR_TOKEN_MARGIN_SECONDS,
        maxConcurrency: config.WAIR_MAX_CONCURRENCY,
        maxRetries: config.WAIR_MAX_RETRIES,
        timeoutMs: config.WAIR_TIMEOUT_MS,
        logger,
      })
    : undefined;
  const snapshots = client
    ? createSnapshotRunner({
        client,
        pipeline,
        stockPath: config.WAIR_STOCK_PATH,
        skusPath: config.WAIR_SKUS_PATH,
        pageSize: config.POLL_PAGE_SIZE,
        logger,
      })
    : undefined;
  const loops =
    client && config.POLL_INTERVAL_MS > 0
      ? (['stock', 'dispatches'] as const).map((feed) => {
          const poller = createFeedPoller({
            feed,
            path: feed === 'stock' ? config.WAIR_STOCK_PATH : config.WAIR_DISPATCHES_PATH,
            client,
            cursors,
            names,
            pageSize: config.POLL_PAGE_SIZE,
            maxPageSize: config.POLL_MAX_PAGE_SIZE,
            onTiedGroup: (from, records) => {
              metrics.tiedGroups.inc({ feed });
              logger.warn(
                { feed, modifiedDateTime: new Date(from).toISOString(), records },
                'more WAIR records share one modifiedDateTime than POLL_MAX_PAGE_SIZE; walking them with Offset, the next snapshot repairs any row missed',
              );
            },
            ingest: feed === 'stock' ? pipeline.stock : pipeline.dispatch,
            malformedRereads: config.POLL_MALFORMED_REREADS,
            onMalformedGivenUp: (position, serves) => {
              metrics.malformedGivenUp.inc({ feed });
              logger.warn(
                {
                  feed,
                  modifiedDateTime: Number.isFinite(position) ? new Date(position).toISOString() : null,
                  serves,
                },
                'WAIR feed record still malformed after POLL_MALFORMED_REREADS re-reads; moving past it, it stays on the DLQ',
              );
            },
            onCursor: (from) => metrics.cursorAge.set({ feed }, (Date.now() - from) / 1000),
            logger,
          });
          return createPollLoop(`poll-${feed}`, config.POLL_INTERVAL_MS, () => poller.pollOnce(), logger);
        })
      : [];
  const snapshotLoop =
    snapshots && config.SNAPSHOT_INTERVAL_MS > 0
      ? createPollLoop('snapshot', config.SNAPSHOT_INTERVAL_MS, () => snapshots.run('all'), logger)
      : undefined;
  const webhookRoutes = createWebhookRoutes({
    settings: {
      path: config.WEBHOOK_PATH,
      secret: config.WEBHOOK_SECRET,
      signatureHeader: config.WEBHOOK_SIGNATURE_HEADER,
      timestampHeader: config.WEBHOOK_TIMESTAMP_HEADER,
      toleranceSeconds: config.WEBHOOK_TOLERANCE_SECONDS,
      maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
    },
    pipeline,
    names,
    metrics,
    logger,
  });
  const adminRoutes = createAdminRoutes(snapshots);

  async function rebuild(): Promise<void> {
    const tables = [
      kafka.tableReader<StockLevel>({
        topic: topics.stock.name,
        onChange: (_k, v) => v && pipeline.stockState.load(v),
      }),
      kafka.tableReader<OrderDispatches>({
        topic: topics.dispatches.name,
        onChange: (_k, v) => v && pipeline.dispatchState.load(v),
      }),
      kafka.tableReader<WairSku>({ topic: topics.skus.name, onChange: (_k, v) => v && pipeline.loadSku(v) }),
    ];
    await Promise.all([
      cursors.start(),
      ...[...tables, exceptions].map(async (t) => (await t.start(), await t.caughtUp())),
    ]);
    // This app is the only writer of these tables and keeps its own state from here on.
    await Promise.all(tables.map((t) => t.stop()));
    const resumeFrom = (feed: string) => {
      const from = cursors.get(feed)?.fromModifiedDateTime;
      return from === undefined ? null : new Date(from).toISOString();
    };
    logger.info(
      {
        skus: pipeline.stockState.size(),
        orders: pipeline.dispatchState.size(),
        stockCursor: resumeFrom('stock'),
        dispatchesCursor: resumeFrom('dispatches'),
      },
      'state rebuilt',
    );
  }

  return {
    url: () => url,
    async start() {
      // shell.start() without dropping the address: tests run on port 0 and need the URL.
      url = (await shell.ops.start()).url;
      shell.lag.start();
      await producer.connect();
      await rebuild();
      routes = (req, res, next) => webhookRoutes(req, res, () => adminRoutes(req, res, next));
      ready = true;
      if (snapshots && config.SNAPSHOT_ON_START === 'true') {
        snapshots
          .run('skus')
          .catch((error: unknown) => logger.warn({ err: error }, 'SKU master snapshot failed'));
      }
      loops.forEach((l) => l.start());
      snapshotLoop?.start();
    },
    async stop() {
      ready = false;
      await Promise.all([...loops, ...(snapshotLoop ? [snapshotLoop] : [])].map((l) => l.stop()));
      await exceptions.stop();
      await producer.disconnect();
      await shell.stop();
    },
  };
}
