import {
  createConsumerLagCollector,
  createCounter,
  createMetricsRegistry,
  createOpsServer,
  type Logger,
  type ReadinessCheck,
} from '@wair-sfcc/observability';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import type { Express } from 'express';

export interface ServiceShellOptions {
  app: string;
  logger: Logger;
  kafka: KafkaRuntime;
  ops: { host: string; port: number };
  lagIntervalMs: number;
  /** The app's consumer groups and their topics, for `kafka_consumergroup_lag`. */
  groups: Array<{ groupId: string; topics: string[] }>;
  /** App-specific readiness (consumer joined, state caught up, ...). */
  readiness: ReadinessCheck[];
  extraRoutes?: (app: Express) => void;
}

/**
 * The ops side every app has: /livez, /readyz (Kafka and registry reachable plus the app's own
 * checks), /metrics with default metrics and consumer lag.
 */
export function createServiceShell(options: ServiceShellOptions) {
  const registry = createMetricsRegistry({ app: options.app });
  const readiness: ReadinessCheck[] = [
    { name: 'kafka', check: async () => ({ ok: await options.kafka.admin.probe(1500) }) },
    { name: 'schema-registry', check: async () => ({ ok: await options.kafka.registryAnswers(1500) }) },
    ...options.readiness,
  ];
  const ops = createOpsServer({
    logger: options.logger,
    metrics: registry,
    readiness,
    host: options.ops.host,
    port: options.ops.port,
    extraRoutes: options.extraRoutes,
  });
  const dlqRecords = createCounter(registry, {
    name: 'kafka_dlq_records_total',
    help: 'Records parked on a DLQ topic by this app (acknowledged by Kafka), by DLQ topic.',
    labelNames: ['topic'],
  });
  options.kafka.onDlqRecords((topic, count) => dlqRecords.inc({ topic }, count));
  const lag = createConsumerLagCollector({
    registry,
    source: options.kafka.admin,
    groups: options.groups,
    intervalMs: options.lagIntervalMs,
    logger: options.logger,
  });
  return {
    registry,
    ops,
    lag,
    async start() {
      await ops.start();
      lag.start();
    },
    async stop() {
      await lag.stop();
      await ops.stop();
      await options.kafka.admin.disconnect().catch(() => undefined);
    },
  };
}
