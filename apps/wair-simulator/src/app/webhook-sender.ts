import { randomUUID } from 'node:crypto';
import type { Logger } from '@wair-sfcc/observability';
import type { SeededRandom } from '@wair-sfcc/sim-catalogue';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature';

export interface WebhookSettings {
  url: string;
  secret: string;
  lossRate: number;
  duplicateRate: number;
  reorderRate: number;
  maxAttempts: number;
}

export interface WebhookCounters {
  queued: number;
  lost: number;
  duplicated: number;
  reordered: number;
  delivered: number;
  failedAttempts: number;
  gaveUp: number;
}

/**
 * Delivers webhook events the way an unreliable push feed does: some never sent, some twice, some
 * late; retries non-2xx answers with backoff. A few deliveries run concurrently, which also reorders.
 */
export function createWebhookSender(
  settings: WebhookSettings,
  random: SeededRandom,
  logger: Logger,
  concurrency = 16,
) {
  const queue: string[] = [];
  let held: string[] = [];
  let inFlight = 0;
  let stopped = false;
  const counters: WebhookCounters = {
    queued: 0,
    lost: 0,
    duplicated: 0,
    reordered: 0,
    delivered: 0,
    failedAttempts: 0,
    gaveUp: 0,
  };

  async function deliver(body: string): Promise<void> {
    for (let attempt = 1; attempt <= settings.maxAttempts && !stopped; attempt += 1) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const res = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: signWebhook(settings.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        await res.arrayBuffer();
        if (res.ok) {
          counters.delivered += 1;
          return;
        }
      } catch {
        // the receiver is down or slow: retried below like a non-2xx answer
      }
      counters.failedAttempts += 1;
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
    }
    counters.gaveUp += 1;
    logger.warn({ attempts: settings.maxAttempts }, 'webhook delivery given up');
  }

  function pump(): void {
    while (!stopped && inFlight < concurrency && queue.length > 0) {
      const body = queue.shift() as string;
      inFlight += 1;
      void deliver(body).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return {
    counters,
    settings,
    /** Queues one event, applying the configured loss, duplication and reordering. */
    emit(type: string, data: unknown): void {
      if (!settings.url || stopped) return;
      counters.queued += 1;
      const body = JSON.stringify({
        id: `evt_${randomUUID()}`,
        type,
        createdDateTime: new Date().toISOString(),
        data,
      });
      if (random.chance(settings.lossRate)) {
        counters.lost += 1;
        return;
      }
      const copies = random.chance(settings.duplicateRate) ? 2 : 1;
      if (copies === 2) counters.duplicated += 1;
      if (random.chance(settings.reorderRate)) {
        counters.reordered += 1;
        for (let i = 0; i < copies; i += 1) held.push(body);
        return;
      }
      for (let i = 0; i < copies; i += 1) queue.push(body);
      // Held events go out after this later one: the receiver sees them out of order.
      queue.push(...held);
      held = [];
      pump();
    },
    /** Sends what is held back (end of a stream). */
    flush(): void {
      queue.push(...held);
      held = [];
      pump();
    },
    idle: () => queue.length === 0 && held.length === 0 && inFlight === 0,
    stop(): void {
      stopped = true;
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
