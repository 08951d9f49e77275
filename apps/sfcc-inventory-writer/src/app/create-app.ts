import { TOPICS, topicCatalogue } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import { APP_NAME, type WriterConfig } from './config';

export interface WriterDeps {
  config: WriterConfig;
  logger: Logger;
  kafka: KafkaRuntime;
}

/** Skeleton: joins its group on the stock topic and serves ops endpoints; the pipeline comes next. */
export function createApp(deps: WriterDeps): Service {
  const { config, logger, kafka } = deps;
  const inputTopics = [TOPICS.wairStock];
  const producer = kafka.producer({ topics: topicCatalogue.filter((t) => t.owner === APP_NAME) });
  const consumer = kafka.consumer({
    app: APP_NAME,
    groupId: config.KAFKA_GROUP_ID,
    topics: inputTopics,
    dlqProducer: producer,
    handle: async (record) => {
      logger.debug({ sku: record.key, offset: record.offset }, 'stock record received');
    },
  });
  const shell = createServiceShell({
    app: APP_NAME,
    logger,
    kafka,
    ops: { host: config.OPS_HOST, port: config.OPS_PORT },
    lagIntervalMs: config.LAG_INTERVAL_MS,
    groups: [{ groupId: config.KAFKA_GROUP_ID, topics: inputTopics }],
    readiness: [{ name: 'consumer-joined', check: () => ({ ok: consumer.isJoined() }) }],
  });
  return {
    async start() {
      await shell.start();
      await producer.connect();
      await consumer.start();
    },
    async stop() {
      await consumer.stop();
      await producer.disconnect();
      await shell.stop();
    },
  };
}
