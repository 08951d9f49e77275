import { computeTopicLag } from './consumer-lag';
import type { LagSource, PartitionOffset } from './lag-source';
import type { Logger } from './logger';
import { createCounter, createGauge } from './metric-factories';
import type { MetricsRegistry } from './metrics-registry';
import { ObservabilityConfigError } from './observability-errors';

/** A consumer group and the topics whose lag is exported for it. */
export interface ConsumerGroupTopics {
  groupId: string;
  topics: readonly string[];
}

/** Options of {@link createConsumerLagCollector}. */
export interface ConsumerLagCollectorConfig {
  registry: MetricsRegistry;
  source: LagSource;
  groups: readonly ConsumerGroupTopics[];
  /** Pause between the end of one collection and the start of the next; default 10000 ms. */
  intervalMs?: number;
  logger: Logger;
}

/** Exports consumer lag per partition as Prometheus gauges. */
export interface ConsumerLagCollector {
  /** Collects once; joins the collection already running if there is one. Never rejects. */
  collectOnce(): Promise<void>;
  /** Collects now and then every `intervalMs` until `stop()`; a second call does nothing. */
  start(): void;
  /** Cancels the next collection and waits for a running one to finish. */
  stop(): Promise<void>;
}

/**
 * Creates the collector behind `kafka_consumergroup_lag{consumergroup,topic,partition}`,
 * `kafka_consumergroup_lag_sum{consumergroup,topic}` and
 * `kafka_consumergroup_lag_collect_errors_total{consumergroup,topic}` (names as kafka-exporter's,
 * so existing dashboards and alerts apply). See `computePartitionLag` for how lag is counted.
 *
 * When the source fails for a group and topic, the error is logged and counted and the last
 * values stay: a stale gauge with a rising error counter is easier to alert on than a gap.
 * Runs never overlap: the next one is scheduled only after the previous one finished.
 *
 * @throws ObservabilityConfigError when `intervalMs` is not a positive number.
 */
export function createConsumerLagCollector(config: ConsumerLagCollectorConfig): ConsumerLagCollector {
  const { registry, source, groups, intervalMs = 10_000 } = config;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new ObservabilityConfigError('consumer lag intervalMs must be a positive number', { intervalMs });
  }
  const logger = config.logger.child({ component: 'consumer-lag-collector' });

  const lagGauge = createGauge(registry, {
    name: 'kafka_consumergroup_lag',
    help: 'Records a consumer group has not yet committed, per partition (end offset - committed offset).',
    labelNames: ['consumergroup', 'topic', 'partition'] as const,
  });
  const lagSumGauge = createGauge(registry, {
    name: 'kafka_consumergroup_lag_sum',
    help: 'Records a consumer group has not yet committed, summed over the partitions of a topic.',
    labelNames: ['consumergroup', 'topic'] as const,
  });
  const errorCounter = createCounter(registry, {
    name: 'kafka_consumergroup_lag_collect_errors_total',
    help: 'Failed consumer lag collections; the lag gauges keep their last values meanwhile.',
    labelNames: ['consumergroup', 'topic'] as const,
  });

  async function collectTopic(groupId: string, topic: string, endOffsets: Promise<PartitionOffset[]>) {
    try {
      const [ends, committed] = await Promise.all([endOffsets, source.fetchCommittedOffsets(groupId, topic)]);
      const lag = computeTopicLag(ends, committed);
      for (const { partition, lag: partitionLag } of lag.partitions) {
        // Beyond 2^53 a gauge (a double) rounds; the subtraction above was exact.
        lagGauge.set({ consumergroup: groupId, topic, partition: String(partition) }, Number(partitionLag));
      }
      lagSumGauge.set({ consumergroup: groupId, topic }, Number(lag.total));
    } catch (error) {
      errorCounter.inc({ consumergroup: groupId, topic });
      logger.warn({ err: error, groupId, topic }, 'consumer lag collection failed; keeping the last values');
    }
  }

  async function collectAll(): Promise<void> {
    // End offsets are per topic, not per group: fetch each topic once per run.
    const endOffsetsByTopic = new Map<string, Promise<PartitionOffset[]>>();
    const endOffsetsOf = (topic: string): Promise<PartitionOffset[]> => {
      let pending = endOffsetsByTopic.get(topic);
      if (!pending) {
        // Deferred so that a source throwing synchronously fails this topic, not the whole run.
        pending = Promise.resolve().then(() => source.fetchTopicEndOffsets(topic));
        endOffsetsByTopic.set(topic, pending);
      }
      return pending;
    };
    await Promise.all(
      groups.flatMap((group) =>
        group.topics.map((topic) => collectTopic(group.groupId, topic, endOffsetsOf(topic))),
      ),
    );
  }

  let inFlight: Promise<void> | undefined;
  let running = false;
  let timer: NodeJS.Timeout | undefined;

  function collectOnce(): Promise<void> {
    inFlight ??= collectAll().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function scheduleNext(): void {
    // A stop() and start() during one run leave two continuations waiting on it: schedule once.
    if (!running || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void collectOnce().then(scheduleNext);
    }, intervalMs);
    // Metrics collection alone must not keep a process alive that is otherwise done.
    timer.unref();
  }

  return {
    collectOnce,
    start() {
      if (running) return;
      running = true;
      void collectOnce().then(scheduleNext);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
