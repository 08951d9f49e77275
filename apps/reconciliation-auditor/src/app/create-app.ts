import { TOPICS, findTopic, type SfccProduct } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import type { KafkaRuntime, TableReader } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import type { CatalogPuller } from '@wair-sfcc/sfcc-client';
import { APP_NAME, type AuditorConfig } from './config';
import { createCatalogSyncJob, type CatalogSyncJob } from './catalog-sync.job';

export interface AuditorDeps {
  config: AuditorConfig;
  logger: Logger;
  kafka: KafkaRuntime;
  /** SFCC catalog pull publishing `sfcc.products.v1`; none when SFCC is not configured. */
  catalogPuller?: CatalogPuller;
}

/**
 * Rebuilds every table from the compacted topics, serves ops endpoints and, when SFCC is
 * configured, pulls the catalog into `sfcc.products.v1` (at start and every interval); audits come next.
 */
export function createApp(deps: AuditorDeps): Service {
  const { config, logger, kafka } = deps;
  const tables = new Map<string, TableReader<unknown>>(
    Object.values(TOPICS).map((topic) => [topic, kafka.tableReader<unknown>({ topic })]),
  );
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
          const behind = [...tables].filter(([, t]) => !t.isCaughtUp()).map(([topic]) => topic);
          return {
            ok: behind.length === 0,
            detail: behind.length ? `catching up: ${behind.join(', ')}` : undefined,
          };
        },
      },
    ],
  });
  const productsSpec = findTopic(TOPICS.sfccProducts);
  const producer =
    deps.catalogPuller && productsSpec ? kafka.producer({ topics: [productsSpec] }) : undefined;
  const catalogSync: CatalogSyncJob | undefined =
    deps.catalogPuller && producer
      ? createCatalogSyncJob({
          puller: deps.catalogPuller,
          producer,
          table: tables.get(TOPICS.sfccProducts) as TableReader<SfccProduct>,
          logger,
          registry: shell.registry,
          intervalMs: config.CATALOG_PULL_INTERVAL_MS,
        })
      : undefined;
  return {
    async start() {
      await shell.start();
      await producer?.connect();
      await Promise.all([...tables.values()].map((t) => t.start()));
      catalogSync?.start();
    },
    async stop() {
      await catalogSync?.stop();
      await producer?.disconnect();
      await Promise.all([...tables.values()].map((t) => t.stop()));
      await shell.stop();
    },
  };
}
