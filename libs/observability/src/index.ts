// The public entry of @wair-sfcc/observability. Test doubles live in ./testing.ts.

export { createLogger, type Logger, type LoggerConfig, type LogDestination } from './logger';
export {
  buildRedactPaths,
  DEFAULT_REDACT_PATHS,
  PERSONAL_KEYS,
  REDACTED,
  REDACT_MAX_PARENT_LEVELS,
  SECRET_KEYS,
} from './redaction-paths';
export {
  createKafkaLogCreator,
  KafkaLogLevel,
  kafkaLogLevelFor,
  type KafkaLogCreator,
  type KafkaLogEntry,
} from './kafka-log-creator';

export { createMetricsRegistry, type MetricsRegistry, type MetricsRegistryConfig } from './metrics-registry';
export {
  Counter,
  createCounter,
  createGauge,
  createHistogram,
  exponentialBuckets,
  Gauge,
  Histogram,
  linearBuckets,
  type CounterOptions,
  type GaugeOptions,
  type HistogramOptions,
} from './metric-factories';

export {
  DEFAULT_READINESS_TIMEOUT_MS,
  runReadinessChecks,
  type ReadinessCheck,
  type ReadinessCheckOutcome,
  type ReadinessReport,
  type ReadinessResult,
} from './readiness-check';
export { createOpsHttpApp, type OpsHttpApp, type OpsHttpAppOptions } from './ops-routes';
export {
  createOpsServer,
  DEFAULT_OPS_PORT,
  type OpsServer,
  type OpsServerAddress,
  type OpsServerOptions,
} from './ops-server';

export type { LagSource, PartitionOffset } from './lag-source';
export { computePartitionLag, computeTopicLag, type PartitionLag, type TopicLag } from './consumer-lag';
export {
  createConsumerLagCollector,
  type ConsumerGroupTopics,
  type ConsumerLagCollector,
  type ConsumerLagCollectorConfig,
} from './consumer-lag-collector';

export {
  ObservabilityConfigError,
  OpsServerError,
  type ObservabilityErrorContext,
} from './observability-errors';
