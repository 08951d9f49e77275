import { createCounter, type MetricsRegistry } from '@wair-sfcc/observability';
import type { WebhookFormat } from './alert-config';

/** What the notifier counts; no-ops without a registry. */
export interface AlertMetrics {
  sent(format: WebhookFormat): void;
  failed(format: WebhookFormat): void;
  suppressed(reason: 'duplicate' | 'rate_limited', n: number): void;
}

export function createAlertMetrics(registry: MetricsRegistry | undefined): AlertMetrics {
  if (!registry) return { sent: () => undefined, failed: () => undefined, suppressed: () => undefined };
  const sent = createCounter<'format'>(registry, {
    name: 'alerts_sent_total',
    help: 'Alert messages a webhook accepted, by webhook format.',
    labelNames: ['format'],
  });
  const failed = createCounter<'format'>(registry, {
    name: 'alerts_failed_total',
    help: 'Alert messages a webhook did not accept after every attempt, by webhook format.',
    labelNames: ['format'],
  });
  const suppressed = createCounter<'reason'>(registry, {
    name: 'alerts_suppressed_total',
    help: 'Alert events not sent as a message of their own: duplicate (counted in a grouped message) or rate_limited (folded into the overflow message).',
    labelNames: ['reason'],
  });
  return {
    sent: (format) => sent.inc({ format }),
    failed: (format) => failed.inc({ format }),
    suppressed: (reason, n) => suppressed.inc({ reason }, n),
  };
}
