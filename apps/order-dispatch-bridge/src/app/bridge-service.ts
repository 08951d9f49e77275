import type { Service } from '@wair-sfcc/app-runtime';
import { createKafkaRuntime, toKafkaSettings } from '@wair-sfcc/kafka';
import { createLogger, type Logger } from '@wair-sfcc/observability';
import {
  createAccountManagerTokenClient,
  createScapiOrdersClient,
  createSfccResilience,
} from '@wair-sfcc/sfcc-client';
import { createWairSalesClient } from '@wair-sfcc/wair-client';
import type { BridgeTopics } from './bridge-topics';
import { APP_NAME, loadConfig } from './config';
import { createApp } from './create-app';

/**
 * The bridge with its real adapters (commerce-sdk SCAPI Orders, WAIR HTTP), from the environment:
 * what main.ts runs, and what process-level tests run on their own topics.
 */
export function createBridgeService(
  env: NodeJS.ProcessEnv,
  topics?: Partial<BridgeTopics>,
): { logger: Logger; service: Service } {
  const config = loadConfig(env);
  const logger = createLogger({ app: APP_NAME, level: config.LOG_LEVEL });
  const kafka = createKafkaRuntime(toKafkaSettings(config, APP_NAME), logger);
  const resilience = createSfccResilience({
    rateLimit: { ratePerSecond: config.SFCC_RATE_PER_SEC, concurrency: config.SFCC_CONCURRENCY },
    retry: { maxDelayMs: config.SFCC_RETRY_MAX_MS },
    circuitBreaker: { resetTimeoutMs: config.SFCC_BREAKER_RESET_MS },
  });
  const scapi = createScapiOrdersClient({
    scapiHost: config.SFCC_SCAPI_HOST,
    organizationId: config.SFCC_ORGANIZATION_ID,
    siteId: config.SFCC_SITE_ID,
    tokens: createAccountManagerTokenClient({
      amHost: config.SFCC_AM_HOST,
      clientId: config.SFCC_CLIENT_ID,
      clientSecret: config.SFCC_CLIENT_SECRET,
    }),
    resilience,
    timeoutMs: config.SFCC_TIMEOUT_MS,
  });
  const wair = createWairSalesClient({
    baseUrl: config.WAIR_BASE_URL,
    tenant: config.WAIR_TENANT,
    username: config.WAIR_USERNAME,
    password: config.WAIR_PASSWORD,
    tokenPath: config.WAIR_TOKEN_PATH,
    timeoutMs: config.WAIR_TIMEOUT_MS,
    maxAttempts: config.WAIR_MAX_RETRIES + 1,
  });
  const app = createApp({ config, logger, kafka, scapi, wair, topics });
  return {
    logger,
    service: {
      start: () => app.start(),
      async stop() {
        await app.stop();
        await resilience.stop();
      },
    },
  };
}
