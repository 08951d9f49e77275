import type { Service } from '@wair-sfcc/app-runtime';
import { createKafkaRuntime, toKafkaSettings, type KafkaRuntime } from '@wair-sfcc/kafka';
import { createLogger, type Logger } from '@wair-sfcc/observability';
import { createObservedFetch, createSfccInventoryClients } from '@wair-sfcc/sfcc-client';
import { APP_NAME, loadConfig, type WriterConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import type { WriterTopics } from './writer-topics';

/**
 * The writer with its real adapters, from the environment: what main.ts runs, and what the
 * process-level tests run on their own topics.
 */
export function createWriterService(
  env: NodeJS.ProcessEnv,
  topics?: Partial<WriterTopics>,
): { logger: Logger; service: Service } {
  const config = loadConfig(env);
  const logger = createLogger({ app: APP_NAME, level: config.LOG_LEVEL });
  const kafka = createKafkaRuntime(toKafkaSettings(config, APP_NAME), logger);
  const { app, stop } = wireWriter(config, logger, kafka, topics);
  return { logger, service: { start: () => app.start(), stop } };
}

/**
 * The writer app on a Kafka runtime with the real SFCC clients (OCAPI batch writer, IMPEX importer,
 * observed fetch, adaptive limiter), as the service runs it; `stop` stops the app, then the clients.
 */
export function wireWriter(
  config: WriterConfig,
  logger: Logger,
  kafka: KafkaRuntime,
  topics?: Partial<WriterTopics>,
): { app: WriterApp; stop(): Promise<void> } {
  // The retry hook needs the app's metrics, and the app needs the clients: bound once both exist.
  const late: { app?: WriterApp } = {};
  const sfcc = createSfccInventoryClients({
    host: config.SFCC_HOST,
    amHost: config.SFCC_AUTH_URL ?? config.SFCC_HOST,
    clientId: config.SFCC_CLIENT_ID,
    clientSecret: config.SFCC_CLIENT_SECRET,
    ocapiVersion: config.SFCC_OCAPI_VERSION,
    maxPartsPerBatch: config.WRITE_BATCH_SIZE,
    resilience: {
      rateLimit: { ratePerSecond: config.SFCC_RATE_PER_SEC, concurrency: config.WRITE_CONCURRENCY },
      retry: { maxDelayMs: config.SFCC_RETRY_MAX_MS, onRetry: (error) => late.app?.observeSfccError(error) },
      circuitBreaker: { resetTimeoutMs: config.SFCC_BREAKER_RESET_MS },
    },
    impex: { jobId: config.SFCC_IMPEX_JOB_ID },
    fetch: createObservedFetch((status) => late.app?.observeSfccResponse(status)),
  });
  const app = (late.app = createApp({
    config,
    logger,
    kafka,
    sfcc: {
      writer: sfcc.writer,
      importer: sfcc.importer,
      currentRate: () => sfcc.resilience.limiter.currentRate(),
    },
    topics,
  }));
  return {
    app,
    async stop() {
      await app.stop();
      await sfcc.stop();
    },
  };
}
