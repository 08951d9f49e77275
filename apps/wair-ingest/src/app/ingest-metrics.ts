import { createCounter, createGauge, createHistogram, type MetricsRegistry } from '@wair-sfcc/observability';

/** The ingest's own metrics, registered in the app's registry. */
export function createIngestMetrics(registry: MetricsRegistry) {
  return {
    events: createCounter(registry, {
      name: 'wair_ingest_events_total',
      help: 'WAIR records received, by feed, intake path and outcome (PRODUCED, DUPLICATE, INVALID, SKU_MISMATCH, FAILED).',
      labelNames: ['feed', 'path', 'outcome'],
    }),
    delay: createHistogram(registry, {
      name: 'wair_ingest_delay_seconds',
      help: 'WAIR modifiedDateTime of a record until Kafka acknowledged it, by feed and intake path.',
      labelNames: ['feed', 'path'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    }),
    cursorAge: createGauge(registry, {
      name: 'wair_ingest_poll_cursor_age_seconds',
      help: 'Age of the poll cursor (now minus its FromModifiedDateTime), by feed.',
      labelNames: ['feed'],
    }),
    signatureFailures: createCounter(registry, {
      name: 'wair_ingest_webhook_signature_failures_total',
      help: 'Webhooks rejected with 401, by reason (missing, mismatch, stale).',
      labelNames: ['reason'],
    }),
    tiedGroups: createCounter(registry, {
      name: 'wair_ingest_poll_tied_groups_total',
      help: 'Polls that met more records sharing one modifiedDateTime than POLL_MAX_PAGE_SIZE and had to walk them with Offset (rows changing meanwhile can be missed until the next snapshot), by feed.',
      labelNames: ['feed'],
    }),
    malformedGivenUp: createCounter(registry, {
      name: 'wair_ingest_poll_malformed_given_up_total',
      help: 'Malformed feed records still malformed after POLL_MALFORMED_REREADS further polls: the poll cursor moved past them and only the DLQ holds them (the change is missing until a snapshot or a newer change), by feed.',
      labelNames: ['feed'],
    }),
    dlq: createCounter(registry, {
      name: 'wair_ingest_dlq_records_total',
      help: 'Invalid WAIR records parked on a DLQ topic, by topic.',
      labelNames: ['topic'],
    }),
  };
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
