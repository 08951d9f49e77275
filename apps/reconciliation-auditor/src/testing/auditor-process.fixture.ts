// Process entry for process-level tests (chaos runs): the reconciliation-auditor exactly as its
// main.ts wires it, on the topics named in AUDITOR_TEST_TOPICS (JSON), so a run can SIGKILL a real
// auditor process without touching the catalogue's topics (like the writer's and the bridge's).
import { runService } from '@wair-sfcc/app-runtime';
import { createKafkaRuntime, toKafkaSettings } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';
import { APP_NAME, loadConfig } from '../app/config';
import { createApp } from '../app/create-app';
import { catalogPullerFromConfig } from '../app/catalog-puller.factory';
import { inventoryClientsFromConfig } from '../app/sfcc-reader.factory';
import type { TableName } from '../app/state/auditor-tables';

const topics = JSON.parse(process.env['AUDITOR_TEST_TOPICS'] ?? '{}') as Partial<Record<TableName, string>>;
const config = loadConfig(process.env);
const logger = createLogger({ app: APP_NAME, level: config.LOG_LEVEL });
const kafka = createKafkaRuntime(toKafkaSettings(config, APP_NAME), logger);
const sfcc = inventoryClientsFromConfig(config);
const app = createApp({
  config,
  logger,
  kafka,
  catalogPuller: catalogPullerFromConfig(config),
  inventoryReader: sfcc?.reader,
  topics,
});
void runService({
  logger,
  service: {
    start: () => app.start(),
    async stop() {
      await app.stop();
      await sfcc?.stop();
    },
  },
});
