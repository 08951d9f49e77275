// Public entry of @wair-sfcc/contracts: Avro contracts of every topic, their TS types, the topic
// catalogue and helpers to read and evolve them. Pure: no Kafka, HTTP or logging.
export * from './avro-schema';
export * from './generated';
export { schemas } from './schemas';
export {
  APP_NAMES,
  TOPICS,
  dlqTopicName,
  findTopic,
  topicCatalogue,
  valueSubjectName,
  type AppName,
  type MainTopicName,
  type TopicSpec,
} from './topic-catalogue';
export { COMPACTED_TOPIC_CONFIGS, DLQ_PARTITIONS, DLQ_TOPIC_CONFIGS } from './topic-configs';
export { DLQ_HEADERS, dlqHeaders, type DlqContext, type DlqHeaderName } from './dlq-headers';
export { isDlqTopic } from './topic-naming';
export { contractSamples, type ContractSample } from './contract-samples';
export { avroLogicalTypes } from './avro-logical-types';
export { DecimalLogicalType } from './decimal-logical-type';
export { DecimalValueError, type DecimalSpec } from './decimal-codec';
export { checkBackwardCompatibility, type CompatibilityResult } from './backward-compatibility';
