export { kafkaEnvSchema, loadKafkaSettings, toKafkaSettings, KafkaConfigError } from './lib/kafka-config';
export type { KafkaEnv, KafkaSettings, KafkaTlsSettings } from './lib/kafka-config';
export { createKafkaRuntime } from './lib/kafka-runtime';
export type { KafkaRuntime } from './lib/kafka-runtime';
export type { TypedProducer, OutgoingRecord } from './lib/typed-producer';
export type { TypedConsumer, IncomingRecord, RecordValidator } from './lib/typed-consumer';
export type { RowStore, TableReader } from './lib/table-reader';
export type { KafkaAdminClient } from './lib/kafka-admin';
export type { SchemaCodec } from './lib/schema-codec';
export type { TopicReport, ProvisionOptions, PartitionState } from './lib/topic-provisioner';
export { configDrift, wantedConfigs } from './lib/topic-provisioner';
export { backoffDelay } from './lib/backoff';
export {
  RecordDecodeError,
  RecordValidationError,
  RecordEncodeError,
  SchemaRegistryError,
  isRetriable,
} from './lib/kafka-errors';
export type { RecordContext } from './lib/kafka-errors';
