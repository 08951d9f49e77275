import { TOPICS, topicCatalogue } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import { APP_NAME, type IngestConfig } from './config';

export interface IngestDeps {
  config: IngestConfig;
  logger: Logger;
  kafka: KafkaRuntime;
}

/** Skeleton: rebuilds per-SKU state from its own stock topic and serves ops endpoints; intake comes next. */
export function createApp(deps: IngestDeps): Service {
  const { config, logger, kafka } = deps;
  const producer = kafka.producer({ topics: topicCatalogue.filter((t) => t.owner === APP_NAME) });
  const stockState = kafka.tableReader({ topic: TOPICS.wairStock });
  const shell = createServiceShell({
    app: APP_NAME,
    logger,
    kafka,
    ops: { host: config.OPS_HOST, port: config.OPS_PORT },
    lagIntervalMs: config.LAG_INTERVAL_MS,
    groups: [],
    readiness: [
      {
        name: 'state-caught-up',
        check: () => ({ ok: stockState.isCaughtUp(), detail: `${stockState.size()} SKUs` }),
      },
    ],
  });
  return {
    async start() {
      await shell.start();
      await producer.connect();
      await stockState.start();
    },
    async stop() {
      await stockState.stop();
      await producer.disconnect();
      await shell.stop();
    },
  };
}
