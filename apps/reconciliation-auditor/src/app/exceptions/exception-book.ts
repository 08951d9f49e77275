import {
  EXCEPTION_STATE_VALUES,
  EXCEPTION_TYPE_VALUES,
  TOPICS,
  type ExceptionType,
  type IntegrationException,
  type OwnerTeam,
  type Severity,
} from '@wair-sfcc/contracts';
import { acknowledgeException, type ExceptionChange } from '@wair-sfcc/audit-rules';
import type { TypedProducer } from '@wair-sfcc/kafka';
import { createGauge, type MetricsRegistry } from '@wair-sfcc/observability';

/** The exceptions table as a book: what is on the topic plus what this process just published. */
export interface ExceptionBook {
  /** Latest known exception per id (published by any app, or by us and not yet read back). */
  get(id: string): IntegrationException | undefined;
  /** Every known exception. */
  all(): IterableIterator<IntegrationException>;
  /**
   * Runs `decide` against a snapshot and publishes its changes, one transaction at a time, so an
   * acknowledgement and an audit run never both start from the same old state.
   */
  transact(
    decide: (current: ReadonlyMap<string, IntegrationException>) => ExceptionChange[],
  ): Promise<ExceptionChange[]>;
  /**
   * Publishes an acknowledgement. @throws ExceptionLifecycleError (see `acknowledgeException`),
   * or `UnknownExceptionError`.
   */
  acknowledge(id: string, ack: { by: string; reason: string }): Promise<IntegrationException>;
  /** Feed of the exceptions table (drops our own pending entries once read back). */
  onTableChange(id: string, row: IntegrationException | undefined): void;
}

/** An id the book does not know. */
export class UnknownExceptionError extends Error {
  readonly retriable = false;
  constructor(readonly context: { exceptionId: string }) {
    super(`no exception ${context.exceptionId}`);
    this.name = 'UnknownExceptionError';
  }
}

export interface ExceptionBookOptions {
  table: ReadonlyMap<string, IntegrationException>;
  producer: Pick<TypedProducer, 'sendMany'>;
  topic?: string;
  registry?: MetricsRegistry;
  /** Records per produce request. */
  chunkSize?: number;
}

const sameVersion = (a: IntegrationException, b: IntegrationException) =>
  a.state === b.state &&
  a.lastSeen === b.lastSeen &&
  a.occurrences === b.occurrences &&
  a.acknowledgedBy === b.acknowledgedBy &&
  a.severity === b.severity;

export function createExceptionBook(options: ExceptionBookOptions): ExceptionBook {
  const topic = options.topic ?? TOPICS.integrationExceptions;
  const chunk = options.chunkSize ?? 500;
  // Published by us, not yet seen on the table: the table reader is asynchronous.
  const pending = new Map<string, IntegrationException>();
  let queue: Promise<unknown> = Promise.resolve();

  const get = (id: string) => pending.get(id) ?? options.table.get(id);
  function* all(): IterableIterator<IntegrationException> {
    for (const [id, ex] of options.table) if (!pending.has(id)) yield ex;
    yield* pending.values();
  }
  const publish = async (changes: readonly ExceptionChange[]) => {
    for (let i = 0; i < changes.length; i += chunk) {
      const part = changes.slice(i, i + chunk);
      await options.producer.sendMany(part.map((c) => ({ topic, key: c.exception.id, value: c.exception })));
      for (const c of part) pending.set(c.exception.id, c.exception);
    }
  };
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  if (options.registry) {
    createGauge<'type' | 'severity' | 'owner'>(options.registry, {
      name: 'integration_exceptions_open',
      help: 'Exceptions not resolved (OPEN or ACKNOWLEDGED), by type, severity and owner team.',
      labelNames: ['type', 'severity', 'owner'],
      collect() {
        const counts = new Map<
          string,
          { type: ExceptionType; severity: Severity; owner: OwnerTeam; n: number }
        >();
        for (const ex of all()) {
          if (ex.state === 'RESOLVED') continue;
          const key = `${ex.type}|${ex.severity}|${ex.owner}`;
          const entry = counts.get(key) ?? { type: ex.type, severity: ex.severity, owner: ex.owner, n: 0 };
          entry.n += 1;
          counts.set(key, entry);
        }
        // Reset first: a combination with nothing open any more disappears instead of keeping its count.
        this.reset();
        for (const c of counts.values())
          this.set({ type: c.type, severity: c.severity, owner: c.owner }, c.n);
      },
    });
    // Every type in every state (zeros included), so Alertmanager and dashboards can route on
    // acknowledged-but-open as well as on open.
    createGauge<'type' | 'state'>(options.registry, {
      name: 'integration_exceptions',
      help: 'Exceptions known to the auditor, by type and state (OPEN, ACKNOWLEDGED, RESOLVED).',
      labelNames: ['type', 'state'],
      collect() {
        const counts = new Map<string, number>();
        for (const type of EXCEPTION_TYPE_VALUES)
          for (const state of EXCEPTION_STATE_VALUES) counts.set(`${type}|${state}`, 0);
        for (const ex of all()) {
          const key = `${ex.type}|${ex.state}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        for (const [key, n] of counts) {
          const [type = '', state = ''] = key.split('|');
          this.set({ type, state }, n);
        }
      },
    });
  }

  return {
    get,
    all,
    transact: (decide) =>
      serial(async () => {
        const snapshot = new Map(options.table);
        for (const [id, ex] of pending) snapshot.set(id, ex);
        const changes = decide(snapshot);
        await publish(changes);
        return changes;
      }),
    acknowledge: (id, ack) =>
      serial(async () => {
        const existing = get(id);
        if (!existing) throw new UnknownExceptionError({ exceptionId: id });
        const change = acknowledgeException(existing, ack);
        await publish([change]);
        return change.exception;
      }),
    onTableChange(id, row) {
      const mine = pending.get(id);
      if (mine && row && sameVersion(mine, row)) pending.delete(id);
    },
  };
}
