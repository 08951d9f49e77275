import { runService } from '@wair-sfcc/app-runtime';
import { createLogger } from '@wair-sfcc/observability';
import { APP_NAME, loadConfig } from './app/config';
import { createApp } from './app/create-app';

const config = loadConfig(process.env);
const logger = createLogger({ app: APP_NAME, level: config.LOG_LEVEL });
void runService({ logger, service: createApp({ config, logger }) });
