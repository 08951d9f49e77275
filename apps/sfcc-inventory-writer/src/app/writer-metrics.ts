import {
  createCounter,
  createGauge,
  createHistogram,
  exponentialBuckets,
  type MetricsRegistry,
} from '@wair-sfcc/observability';
import { PRIORITY_CLASSES, type PriorityClass } from '@wair-sfcc/inventory-domain';

/**
 * Creates the series of every priority class at 0, so the first write or breach after a start is
 * an increase Prometheus sees rather than the appearance of a new series (which `increase` misses).
 */
function zeroPerPriority<M>(metric: M, zero: (metric: M, labels: { priority: string }) => void): M {
  for (const p of PRIORITY_CLASSES) zero(metric, { priority: String(p) });
  return metric;
}

/** The writer's own Prometheus metrics (DESIGN §4, issue 5). */
export type WriterMetrics = ReturnType<typeof createWriterMetrics>;

export function createWriterMetrics(
  registry: MetricsRegistry,
  sources: {
    queue: { depth(cls: PriorityClass): number; oldestAge(cls: PriorityClass, now: number): number };
    now: () => number;
    rateLimit: () => number;
  },
) {
  const { queue, now } = sources;
  return {
    queueDepth: createGauge(registry, {
      name: 'inventory_queue_depth',
      help: 'Pending (list, SKU) entries in the coalescing queue, per priority class.',
      labelNames: ['priority'] as const,
      collect() {
        for (const p of PRIORITY_CLASSES) this.set({ priority: String(p) }, queue.depth(p));
      },
    }),
    oldestPending: createGauge(registry, {
      name: 'inventory_queue_oldest_pending_seconds',
      help: 'Age of the oldest pending entry per priority class (0 when none).',
      labelNames: ['priority'] as const,
      collect() {
        for (const p of PRIORITY_CLASSES) this.set({ priority: String(p) }, queue.oldestAge(p, now()) / 1000);
      },
    }),
    writes: createCounter(registry, {
      name: 'inventory_writes_total',
      help: 'Records reported on sfcc.inventory-sync.v1, by outcome and channel (OCAPI delta / IMPEX full refresh).',
      labelNames: ['outcome', 'channel'] as const,
    }),
    retries: createCounter(registry, {
      name: 'inventory_requeued_total',
      help: 'Records put back in the queue after a retriable SFCC failure.',
    }),
    coalesced: createCounter(registry, {
      name: 'inventory_coalesced_total',
      help: 'Figures that replaced a pending figure of the same (list, SKU) before it was written.',
    }),
    stale: createCounter(registry, {
      name: 'inventory_stale_dropped_total',
      help: 'Figures dropped because a newer one was already pending or written (monotonic guard).',
    }),
    sfccLatency: createHistogram(registry, {
      name: 'inventory_sfcc_request_seconds',
      help: 'Duration of SFCC writes: one OCAPI batch call, or one IMPEX list import.',
      labelNames: ['operation'] as const,
      buckets: exponentialBuckets(0.01, 2, 14),
    }),
    throttled: createCounter(registry, {
      name: 'inventory_sfcc_throttled_total',
      help: 'Records SFCC answered with 429 (rate limited) or 503 (load shedding).',
      labelNames: ['status'] as const,
    }),
    sfccResponses: createCounter(registry, {
      name: 'sfcc_http_responses_total',
      help: 'HTTP attempts to SFCC (retries included) by status code, or network_error when no response came.',
      labelNames: ['status'] as const,
    }),
    rateLimit: createGauge(registry, {
      name: 'inventory_sfcc_rate_limit_per_second',
      help: 'Current SFCC request rate limit of the writer.',
      collect() {
        this.set(sources.rateLimit());
      },
    }),
    changeToWrite: zeroPerPriority(
      createHistogram(registry, {
        name: 'inventory_change_to_write_seconds',
        help: 'Delay from a WAIR change (its asOf) to the SFCC write acknowledgement of its figure, per priority class (OCAPI writes of stock records; re-writes after an order or catalog change are not WAIR changes and not observed).',
        labelNames: ['priority'] as const,
        buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
      }),
      (histogram, labels) => histogram.zero(labels),
    ),
    slaBreaches: zeroPerPriority(
      createCounter(registry, {
        name: 'inventory_sync_sla_breaches_total',
        help: 'Figures written to SFCC later than SYNC_SLA_MS after their WAIR change, per priority class (the writes of inventory_change_to_write_seconds above the SLA).',
        labelNames: ['priority'] as const,
      }),
      (counter, labels) => counter.inc(labels, 0),
    ),
    skuMismatches: createCounter(registry, {
      name: 'inventory_sku_mismatch_total',
      help: 'Stock figures not written because the SKU is no sellable SFCC product, by reason.',
      labelNames: ['reason'] as const,
    }),
  };
}

/** Counts a retried SFCC error that was a 429 or 503 (the SFCC clients' retry hook calls this). */
export function observeSfccError(metrics: Pick<WriterMetrics, 'throttled'>, error: unknown): void {
  const status = (error as { status?: unknown } | undefined)?.status;
  if (status === 429 || status === 503) metrics.throttled.inc({ status: String(status) });
}
