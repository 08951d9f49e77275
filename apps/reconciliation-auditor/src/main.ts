import { runService } from '@wair-sfcc/app-runtime';
import { createKafkaRuntime, toKafkaSettings } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';
import { APP_NAME, loadConfig } from './app/config';
import { createApp } from './app/create-app';
import { catalogPullerFromConfig } from './app/catalog-puller.factory';
import { inventoryClientsFromConfig } from './app/sfcc-reader.factory';

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
