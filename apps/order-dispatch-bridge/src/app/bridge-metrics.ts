import { createCounter, createGauge, createHistogram, type MetricsRegistry } from '@wair-sfcc/observability';

/** The bridge's own Prometheus metrics (issue 6). */
export type BridgeMetrics = ReturnType<typeof createBridgeMetrics>;

// Seconds to days: capture is near-real-time, dispatch confirmation may sit out an SFCC outage.
const DELAY_BUCKETS = [
  1,
  5,
  15,
  30,
  60,
  120,
  300,
  900,
  1800,
  3600,
  4 * 3600,
  12 * 3600,
  24 * 3600,
  72 * 3600,
];

export function createBridgeMetrics(
  registry: MetricsRegistry,
  sources: { openExceptions: () => ReadonlyMap<string, number> },
) {
  return {
    ordersCaptured: createCounter(registry, {
      name: 'orders_captured_total',
      help: 'SFCC orders published as CAPTURED on sfcc.orders.v1.',
    }),
    ordersAccepted: createCounter(registry, {
      name: 'orders_accepted_total',
      help: 'Orders WAIR accepted (ACCEPTED_BY_WAIR published).',
    }),
    ordersRejected: createCounter(registry, {
      name: 'orders_rejected_total',
      help: 'Orders not handed to WAIR, by reason: WAIR refused them (wair) or SFCC sent them malformed (malformed).',
      labelNames: ['reason'] as const,
    }),
    ordersCancelled: createCounter(registry, {
      name: 'orders_cancelled_total',
      help: 'Orders cancelled in SFCC, by whether WAIR had accepted them (cancellation forwarded) or not (never sent).',
      labelNames: ['forwarded'] as const,
    }),
    captureDelay: createHistogram(registry, {
      name: 'order_capture_delay_seconds',
      help: 'Delay from the SFCC order creation to its acceptance by WAIR.',
      buckets: DELAY_BUCKETS,
    }),
    dispatchConfirmationDelay: createHistogram(registry, {
      name: 'dispatch_confirmation_delay_seconds',
      help: 'Delay from the WAIR dispatch (dispatchedDateTime) to SFCC accepting its shipped event.',
      buckets: DELAY_BUCKETS,
    }),
    dispatchesConfirmed: createCounter(registry, {
      name: 'dispatches_confirmed_total',
      help: 'WAIR dispatches reported to SFCC (fulfilment events accepted).',
    }),
    dispatchesNotOurs: createCounter(registry, {
      name: 'dispatches_not_ours_total',
      help: 'WAIR dispatch records skipped because SFCC does not know the order and the bridge never captured it (other channels).',
    }),
    retries: createCounter(registry, {
      name: 'bridge_retries_total',
      help: 'Work retried later after an SFCC or WAIR failure, by flow (capture / dispatch).',
      labelNames: ['flow'] as const,
    }),
    openExceptions: createGauge(registry, {
      name: 'bridge_open_exceptions',
      help: 'Unresolved ORDER_NOT_ACCEPTED and DISPATCH_NOT_CONFIRMED exceptions (by whichever app raised them), by type.',
      labelNames: ['type'] as const,
      collect() {
        this.reset();
        for (const [type, n] of sources.openExceptions()) this.set({ type }, n);
      },
    }),
  };
}
