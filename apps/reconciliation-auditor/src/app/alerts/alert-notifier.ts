import type { Severity } from '@wair-sfcc/contracts';
import {
  alertForBreach,
  alertForExceptionChange,
  initialAlertState,
  OVERFLOW_ALERT_KEY,
  stepAlerts,
  toGenericBody,
  toSlackBody,
  type AlertEvent,
  type AlertMessage,
  type AlertPolicy,
  type ExceptionChange,
} from '@wair-sfcc/audit-rules';
import type { Logger, MetricsRegistry } from '@wair-sfcc/observability';
import { createAlertMetrics } from './alert-metrics';
import { parseAlertWebhooks, type AlertConfig, type WebhookTarget } from './alert-config';
import { scrubAlertMessage } from './alert-scrub';
import { createWebhookSender, type WebhookSend } from './webhook-sender';

/** A threshold crossed, as the core measures it (consumer lag, sync delay…). */
export interface BreachSignal {
  /** e.g. `CONSUMER_LAG` or `SYNC_DELAY`. */
  kind: string;
  /** What breached, e.g. `<group>/<topic>` or a SKU; breaches with the same kind and key are one alert. */
  key: string;
  value: number;
  threshold: number;
  /** Defaults by kind: `records` for CONSUMER_LAG, `ms` otherwise. */
  unit?: string;
  /** Defaults to HIGH. */
  severity?: Severity;
}

/** Timers the notifier uses; the auditor's scheduler clock fits. */
export interface AlertClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AlertNotifierDeps {
  config: AlertConfig;
  logger: Logger;
  registry?: MetricsRegistry;
  clock?: AlertClock;
  /** How often pending alert groups are checked; defaults to 1 s. */
  tickMs?: number;
  /** Replaces the HTTP poster (tests). */
  send?: WebhookSend;
  /** `source` of the generic body. */
  source?: string;
}

/** Feeds alerts in, sends them out: de-duplicated, rate-limited, never throwing into the caller. */
export interface AlertNotifier {
  /** Exception changes from the book (new, updated, resolved…); only new/escalated ones alert. */
  onExceptionChanges(changes: readonly ExceptionChange[]): void;
  onBreach(breach: BreachSignal): void;
  /** Sends whatever is due now and resolves once those deliveries ended (the timer calls it too). */
  flush(): Promise<void>;
  start(): void;
  /** Stops the timer and waits for deliveries in flight (does not send pending groups). */
  stop(): Promise<void>;
}

const systemClock: AlertClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Host only: the path and query of a webhook URL carry its token. */
const labelOf = (target: WebhookTarget, i: number) => {
  let host = '?';
  try {
    host = new URL(target.url).host;
  } catch {
    host = '?';
  }
  return `${target.format}#${i + 1}@${host}`;
};

export function createAlertNotifier(deps: AlertNotifierDeps): AlertNotifier {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const tickMs = deps.tickMs ?? 1_000;
  const webhooks = parseAlertWebhooks(config.ALERT_WEBHOOKS_SECRET);
  const policy: AlertPolicy = {
    groupWaitMs: config.ALERT_GROUP_WAIT_MS,
    repeatIntervalMs: config.ALERT_REPEAT_INTERVAL_MS,
    maxMessagesPerWindow: config.ALERT_MAX_PER_WINDOW,
    rateWindowMs: config.ALERT_RATE_WINDOW_MS,
  };
  const send =
    deps.send ??
    createWebhookSender({
      timeoutMs: config.ALERT_WEBHOOK_TIMEOUT_MS,
      attempts: config.ALERT_WEBHOOK_ATTEMPTS,
    });
  const metrics = createAlertMetrics(deps.registry);

  let state = initialAlertState();
  const inFlight = new Set<Promise<void>>();
  let timer: unknown;
  let running = false;

  const deliver = async (message: AlertMessage): Promise<void> => {
    const safe = scrubAlertMessage(message);
    await Promise.all(
      webhooks.map(async (target, i) => {
        const body = target.format === 'slack' ? toSlackBody(safe) : toGenericBody(safe, deps.source);
        const result = await send(target, body);
        const ctx = { webhook: labelOf(target, i), alertKey: safe.key, count: safe.count };
        if (result.ok) {
          metrics.sent(target.format);
          logger.info({ ...ctx, attempts: result.attempts }, 'alert sent');
        } else {
          metrics.failed(target.format);
          logger.warn(
            { ...ctx, attempts: result.attempts, status: result.status, reason: result.error },
            'alert not delivered',
          );
        }
      }),
    );
  };

  const step = (events: readonly AlertEvent[]): void => {
    const out = stepAlerts(state, events, clock.now(), policy);
    state = out.state;
    for (const m of out.messages) {
      if (m.count > 1)
        metrics.suppressed(m.key === OVERFLOW_ALERT_KEY ? 'rate_limited' : 'duplicate', m.count - 1);
      if (webhooks.length === 0) continue;
      const p = deliver(m).catch((error: unknown) =>
        logger.error({ err: { name: (error as Error).name }, alertKey: m.key }, 'alert delivery crashed'),
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
  };

  const guarded = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      logger.error({ err: error }, `alerting failed while ${what}`);
    }
  };

  const schedule = (): void => {
    timer = clock.setTimeout(() => {
      guarded('ticking', () => step([]));
      if (running) schedule();
    }, tickMs);
  };

  return {
    onExceptionChanges(changes) {
      guarded('reading exception changes', () => {
        const events = changes
          .map((c) => alertForExceptionChange(c, config.ALERT_MIN_SEVERITY))
          .filter((e): e is AlertEvent => e !== undefined);
        if (events.length > 0) step(events);
      });
    },
    onBreach(breach) {
      guarded('reading a breach', () => {
        const now = clock.now();
        step([
          alertForBreach({
            kind: breach.kind,
            subject: breach.key,
            value: breach.value,
            threshold: breach.threshold,
            unit: breach.unit ?? (breach.kind === 'CONSUMER_LAG' ? 'records' : 'ms'),
            severity: breach.severity ?? 'HIGH',
            at: now,
          }),
        ]);
      });
    },
    async flush() {
      guarded('flushing', () => step([]));
      await Promise.all([...inFlight]);
    },
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    async stop() {
      running = false;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      await Promise.all([...inFlight]);
    },
  };
}
