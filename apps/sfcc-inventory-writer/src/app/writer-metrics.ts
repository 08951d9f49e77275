import {
  createCounter,
  createGauge,
  createHistogram,
  exponentialBuckets,
  type MetricsRegistry,
} from '@wair-sfcc/observability';
import { PRIORITY_CLASSES, type PriorityClass } from '@wair-sfcc/inventory-domain';

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
    changeToWrite: createHistogram(registry, {
      name: 'inventory_change_to_write_seconds',
      help: 'Delay from a WAIR change (its asOf) to the SFCC write acknowledgement, per priority class.',
      labelNames: ['priority'] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
    }),
    skuMismatches: createCounter(registry, {
      name: 'inventory_sku_mismatch_total',
      help: 'Stock figures not written because the SKU is no sellable SFCC product, by reason.',
      labelNames: ['reason'] as const,
    }),
  };
}
