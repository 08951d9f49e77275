import type { ExceptionType } from '@wair-sfcc/contracts';
import {
  createCounter,
  createGauge,
  createHistogram,
  type Logger,
  type MetricsRegistry,
} from '@wair-sfcc/observability';
import type { AuditDefinition } from './audit-definition';
import type { AuditRunner, AuditRunResult } from './audit-runner';

/** Time source and timers (injected so tests drive the schedule without waiting). */
export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Where one audit stands. */
export interface AuditStatus {
  type: ExceptionType;
  intervalMs: number;
  running: boolean;
  nextRunAt: number | null;
  lastRun: AuditRunResult | null;
  lastError: { at: number; message: string } | null;
}

/** An audit type that is not configured. */
export class UnknownAuditError extends Error {
  readonly retriable = false;
  constructor(readonly context: { type: string }) {
    super(`no audit ${context.type}`);
    this.name = 'UnknownAuditError';
  }
}

export interface AuditSchedulerOptions {
  audits: readonly AuditDefinition[];
  run: AuditRunner;
  clock?: SchedulerClock;
  logger: Logger;
  registry?: MetricsRegistry;
}

export interface AuditScheduler {
  /** Runs every scheduled audit now, then each on its own interval. */
  start(): void;
  /** Cancels the timers and waits for runs in progress. */
  stop(): Promise<void>;
  /** Runs an audit now (after the run in progress, if any). @throws UnknownAuditError */
  runNow(type: string): Promise<AuditRunResult>;
  status(): AuditStatus[];
}

interface Slot {
  audit: AuditDefinition;
  status: AuditStatus;
  timer: unknown;
  chain: Promise<unknown>;
}

/**
 * Each audit on its own timer. A run is never overlapped by another run of the same audit: the
 * next scheduled run is armed when the previous one ends, and on-demand runs queue behind it.
 */
export function createAuditScheduler(options: AuditSchedulerOptions): AuditScheduler {
  const clock = options.clock ?? systemClock;
  const { logger } = options;
  const slots = new Map<string, Slot>(
    options.audits.map((audit) => [
      audit.type,
      {
        audit,
        timer: undefined,
        chain: Promise.resolve(),
        status: {
          type: audit.type,
          intervalMs: audit.intervalMs,
          running: false,
          nextRunAt: null,
          lastRun: null,
          lastError: null,
        },
      },
    ]),
  );
  let stopped = true;
  const runs = options.registry
    ? createCounter<'type' | 'outcome'>(options.registry, {
        name: 'auditor_audit_runs_total',
        help: 'Audit runs by exception type and outcome (ok, error).',
        labelNames: ['type', 'outcome'],
      })
    : undefined;
  const duration = options.registry
    ? createHistogram<'type'>(options.registry, {
        name: 'auditor_audit_duration_seconds',
        help: 'Duration of audit runs, by exception type.',
        labelNames: ['type'],
        buckets: [0.01, 0.05, 0.25, 1, 5, 30, 120, 600],
      })
    : undefined;
  const lastSuccess = options.registry
    ? createGauge<'type'>(options.registry, {
        name: 'auditor_audit_last_success_timestamp_seconds',
        help: 'When each audit last completed without error (Unix seconds).',
        labelNames: ['type'],
      })
    : undefined;

  const execute = async (slot: Slot): Promise<AuditRunResult> => {
    slot.status.running = true;
    try {
      const result = await options.run(slot.audit);
      slot.status.lastRun = result;
      runs?.inc({ type: slot.audit.type, outcome: 'ok' });
      duration?.observe({ type: slot.audit.type }, result.durationMs / 1000);
      lastSuccess?.set({ type: slot.audit.type }, clock.now() / 1000);
      logger.info({ audit: slot.audit.type, ...result.changes, findings: result.findings }, 'audit run done');
      return result;
    } catch (error) {
      slot.status.lastError = { at: clock.now(), message: (error as Error).message };
      runs?.inc({ type: slot.audit.type, outcome: 'error' });
      logger.warn({ err: error, audit: slot.audit.type }, 'audit run failed');
      throw error;
    } finally {
      slot.status.running = false;
    }
  };
  const enqueue = (slot: Slot): Promise<AuditRunResult> => {
    const next = slot.chain.then(() => execute(slot));
    slot.chain = next.catch(() => undefined);
    return next;
  };
  const arm = (slot: Slot, delayMs: number) => {
    if (stopped || slot.audit.intervalMs <= 0) return;
    slot.status.nextRunAt = clock.now() + delayMs;
    slot.timer = clock.setTimeout(() => {
      slot.timer = undefined;
      slot.status.nextRunAt = null;
      enqueue(slot)
        .catch(() => undefined)
        .finally(() => arm(slot, slot.audit.intervalMs));
    }, delayMs);
  };

  return {
    start() {
      stopped = false;
      for (const slot of slots.values()) arm(slot, 0);
    },
    async stop() {
      stopped = true;
      for (const slot of slots.values()) {
        if (slot.timer !== undefined) clock.clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.status.nextRunAt = null;
      }
      await Promise.all([...slots.values()].map((s) => s.chain));
    },
    runNow(type) {
      const slot = slots.get(type);
      if (!slot) return Promise.reject(new UnknownAuditError({ type }));
      return enqueue(slot);
    },
    status: () => [...slots.values()].map((s) => ({ ...s.status })),
  };
}
