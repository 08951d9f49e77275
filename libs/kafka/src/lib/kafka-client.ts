import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import { createKafkaLogCreator, type Logger } from '@wair-sfcc/observability';
import type { KafkaSettings } from './kafka-config';

/**
 * The one place a kafkajs client is constructed. Everything else in the workspace receives the
 * lib's own producer/consumer types, so the client library can be replaced here alone.
 */
export function createKafkaClient(settings: KafkaSettings, logger: Logger): Kafka {
  if (settings.ssl && !settings.ssl.rejectUnauthorized) {
    // Loud on purpose: this setting must never reach production unnoticed.
    logger.warn(
      { clientId: settings.clientId },
      'KAFKA_SSL_REJECT_UNAUTHORIZED=false: broker certificates are not verified',
    );
  }
  const config: KafkaConfig = {
    clientId: settings.clientId,
    brokers: settings.brokers,
    // The TLS object goes to tls.connect as it is (PEM contents, never logged).
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
