import { runService } from '@wair-sfcc/app-runtime';
import { createKafkaRuntime, toKafkaSettings } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';
import { createSfccInventoryClients } from '@wair-sfcc/sfcc-client';
import { APP_NAME, loadConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import type { WriterTopics } from './writer-topics';

// Test fixture: the writer exactly as main.ts wires it, on the topics named in WRITER_TEST_TOPICS
// (JSON), so an integration test can SIGKILL a real writer process without touching shared topics.
const topics = JSON.parse(process.env['WRITER_TEST_TOPICS'] ?? '{}') as Partial<WriterTopics>;
const config = loadConfig(process.env);
const logger = createLogger({ app: APP_NAME, level: config.LOG_LEVEL });
const kafka = createKafkaRuntime(toKafkaSettings(config, APP_NAME), logger);
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
    retry: { onRetry: (error) => late.app?.observeSfccError(error) },
  },
  impex: { jobId: config.SFCC_IMPEX_JOB_ID },
});
const service = (late.app = createApp({
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
void runService({
  logger,
  service: {
    start: () => service.start(),
    async stop() {
      await service.stop();
      await sfcc.stop();
    },
  },
});
