import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import { createKafkaLogCreator, type Logger } from '@wair-sfcc/observability';
import type { KafkaSettings } from './kafka-config';

/**
 * The one place a kafkajs client is constructed. Everything else in the workspace receives the
 * lib's own producer/consumer types, so the client library can be replaced here alone.
 */
export function createKafkaClient(settings: KafkaSettings, logger: Logger): Kafka {
  const config: KafkaConfig = {
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.ssl,
    sasl: settings.sasl as SASLOptions | undefined,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10000 },
    logLevel: logLevel.WARN,
    logCreator: createKafkaLogCreator(logger),
  };
  return new Kafka(config);
}
