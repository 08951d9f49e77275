import type { Kafka } from 'kafkajs';
import type { TopicSpec } from '@wair-sfcc/contracts';
import type { Logger } from '@wair-sfcc/observability';
import type { KafkaSettings } from './kafka-config';
import { createKafkaClient } from './kafka-client';
import { createSchemaCodec, type SchemaCodec } from './schema-codec';
import { createTypedProducer, type TypedProducer, type TypedProducerOptions } from './typed-producer';
import { createTypedConsumer, type TypedConsumer, type TypedConsumerOptions } from './typed-consumer';
import { createTableReader, type TableReader, type TableReaderOptions } from './table-reader';
import { createKafkaAdmin, type KafkaAdminClient } from './kafka-admin';
import { provisionTopics, type ProvisionOptions, type TopicReport } from './topic-provisioner';

/** What an app needs from Kafka, built from its settings; the client library stays inside. */
export interface KafkaRuntime {
  settings: KafkaSettings;
  admin: KafkaAdminClient;
  codec: SchemaCodec;
  producer(options: Omit<TypedProducerOptions, 'kafka' | 'codec' | 'logger'>): TypedProducer;
  consumer(options: Omit<TypedConsumerOptions, 'kafka' | 'codec' | 'logger'>): TypedConsumer;
  tableReader<Value, Row = Value>(
    options: Omit<TableReaderOptions<Value, Row>, 'kafka' | 'codec' | 'logger'>,
  ): TableReader<Row>;
  /**
   * Subscribes to records acknowledged on DLQ topics by any producer of this runtime (consumer
   * parking and an app's own parking alike), e.g. for `kafka_dlq_records_total`.
   */
  onDlqRecords(listener: (dlqTopic: string, count: number) => void): void;
  provision(specs: readonly TopicSpec[], options?: ProvisionOptions): Promise<TopicReport[]>;
  /** True when the registry's Confluent API answers. */
  registryAnswers(timeoutMs?: number): Promise<boolean>;
}

export function createKafkaRuntime(settings: KafkaSettings, logger: Logger): KafkaRuntime {
  const kafka: Kafka = createKafkaClient(settings, logger);
  const codec = createSchemaCodec(settings.registry);
  const admin = createKafkaAdmin(kafka);
  const auth =
    settings.registry.username && settings.registry.password
      ? {
          authorization: `Basic ${Buffer.from(`${settings.registry.username}:${settings.registry.password}`).toString('base64')}`,
        }
      : undefined;
  const dlqListeners: Array<(dlqTopic: string, count: number) => void> = [];
  return {
    settings,
    admin,
    codec,
    producer: (options) =>
      createTypedProducer({
        ...options,
        kafka,
        codec,
        logger,
        onDlqRecords: (topic, count) => {
          for (const listener of dlqListeners) listener(topic, count);
          options.onDlqRecords?.(topic, count);
        },
      }),
    onDlqRecords: (listener) => void dlqListeners.push(listener),
    consumer: (options) => createTypedConsumer({ ...options, kafka, codec, logger }),
    tableReader: (options) => createTableReader({ ...options, kafka, codec, logger }),
    provision: (specs, options) => provisionTopics(kafka, specs, options),
    async registryAnswers(timeoutMs = 2000) {
      try {
        const res = await fetch(`${settings.registry.url}/subjects`, {
          headers: auth,
          signal: AbortSignal.timeout(timeoutMs),
        });
        return res.ok;
      } catch {
        return false;
      }
    },
  };
}
