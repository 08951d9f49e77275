import type { Fulfilment, OrderDispatches } from '@wair-sfcc/contracts';
import { backoffDelay } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import { isDispatchOverdue, type DispatchProblem } from '@wair-sfcc/order-domain';
import { formatDuration } from '@wair-sfcc/audit-rules';
import type { BridgeMetrics } from './bridge-metrics';
import type { DispatchConfirmer } from './dispatch-confirmer';
import type { ExceptionBook } from './exception-book';

export interface DispatchRetryPolicy {
  initialMs: number;
  maxMs: number;
  /** Attempts on the exponential schedule; after that every `slowMs`. */
  fastAttempts: number;
  slowMs: number;
  /** WAIR dispatch → SFCC shipped; beyond it DISPATCH_NOT_CONFIRMED is raised. */
  slaMs: number;
}

export interface DispatchLoopDeps {
  confirmer: DispatchConfirmer;
  fulfilments: ReadonlyMap<string, Fulfilment>;
  exceptions: ExceptionBook;
  metrics: BridgeMetrics;
  logger: Logger;
  now: () => number;
  retry: DispatchRetryPolicy;
  /** Orders attempted at once by `submit` and `retryDue` (the SCAPI limiter bounds the calls). */
  concurrency?: number;
  random?: () => number;
}

/** An order whose dispatches SFCC has not fully taken yet, waiting for its next attempt. */
export interface ParkedOrder {
  dispatches: OrderDispatches;
  attempts: number;
  nextAt: number;
  lastError: string;
  retriable: boolean;
}

/**
 * The dispatch loop (DESIGN §5). A record is tried once while the consumer holds it; if SFCC
 * fails, the order is parked in a retry set and the consumer moves on, so one order (or an SFCC
 * outage) never holds a partition. `retryDue` (on a timer) retries parked orders: exponential
 * backoff with jitter for `fastAttempts`, then every `slowMs`, for as long as it takes. Attempts
 * on one order never overlap: each plans from SFCC's state after the previous one.
 */
export function createDispatchLoop(deps: DispatchLoopDeps) {
  const { confirmer, fulfilments, exceptions, metrics, logger, now, retry } = deps;
  const random = deps.random ?? Math.random;
  const parked = new Map<string, ParkedOrder>();
  const locks = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  const concurrency = Math.max(1, deps.concurrency ?? 1);
  let ticking = false;

  /** Waits for a free slot, then starts `fn`; `done` settles when it ended (it never rejects). */
  async function inBackground(
    orderNo: string,
    od: OrderDispatches,
    fn: () => Promise<void>,
  ): Promise<{ done: Promise<void> }> {
    while (running.size >= concurrency) await Promise.race(running);
    const run: Promise<void> = fn()
      .catch((error: unknown) => {
        // A Kafka write failed mid-attempt: the order is tried again; the plan sees what SFCC took.
        const previous = parked.get(orderNo);
        const attempts = (previous?.attempts ?? 0) + 1;
        parked.set(orderNo, {
          dispatches: previous?.dispatches ?? od,
          attempts,
          nextAt: now() + nextDelay(attempts),
          lastError: (error as Error)?.name ?? 'error',
          retriable: true,
        });
        logger.warn({ err: error, orderNo }, 'dispatch attempt failed; parked for retry');
      })
      .finally(() => running.delete(run));
    running.add(run);
    return { done: run };
  }

  function exclusive(orderNo: string, fn: () => Promise<void>): Promise<void> {
    const previous = locks.get(orderNo) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    locks.set(orderNo, tail);
    void tail.then(() => {
      if (locks.get(orderNo) === tail) locks.delete(orderNo);
    });
    return run;
  }

  function nextDelay(attempts: number): number {
    if (attempts < retry.fastAttempts)
      return backoffDelay(attempts - 1, retry.initialMs, retry.maxMs, random);
    return retry.slowMs;
  }

  function overdueIds(od: OrderDispatches, at: number): string[] {
    const f = fulfilments.get(od.orderNo);
    const confirmed = new Map(
      (f?.shipments ?? []).filter((s) => s.outcome === 'CONFIRMED').map((s) => [s.dispatchId, s.confirmedAt]),
    );
    return od.dispatches
      .filter((d) =>
        isDispatchOverdue(
          { dispatchedAt: d.dispatchedAt, confirmedAt: confirmed.get(d.dispatchId) ?? null },
          at,
          retry.slaMs,
        ),
      )
      .map((d) => d.dispatchId);
  }

  async function raiseIfDue(p: ParkedOrder): Promise<void> {
    const at = now();
    const overdue = overdueIds(p.dispatches, at);
    // A refusal (4xx) will not heal by waiting: CX hears about it at once.
    if (overdue.length === 0 && p.retriable) return;
    const orderNo = p.dispatches.orderNo;
    const ids = overdue.length > 0 ? overdue : p.dispatches.dispatches.map((d) => d.dispatchId);
    await exceptions.raise(
      {
        type: 'DISPATCH_NOT_CONFIRMED',
        subjectType: 'ORDER',
        subject: orderNo,
        owner: 'CX',
        severity: p.retriable ? 'MEDIUM' : 'HIGH',
        detail:
          `order ${orderNo}: WAIR dispatch(es) ${ids.join(', ')} not confirmed in SFCC` +
          (overdue.length > 0 ? ` within ${formatDuration(retry.slaMs)}` : '') +
          `; the bridge keeps retrying (last error: ${p.lastError})`,
        data: { dispatchIds: ids.join(','), lastError: p.lastError, attempts: String(p.attempts) },
      },
      at,
    );
  }

  async function raiseProblems(orderNo: string, problems: DispatchProblem[]): Promise<void> {
    await exceptions.raise(
      {
        type: 'DISPATCH_NOT_CONFIRMED',
        subjectType: 'ORDER',
        subject: orderNo,
        owner: 'CX',
        severity: 'HIGH',
        detail:
          `order ${orderNo}: WAIR dispatch(es) cannot be reported to SFCC as they are — ` +
          problems.map((p) => `${p.dispatchId} ${p.reason}: ${p.detail}`).join('; ') +
          '; the other dispatches were reported. Correct the dispatch in WAIR.',
        data: {
          dispatchIds: [...new Set(problems.map((p) => p.dispatchId))].join(','),
          reasons: [...new Set(problems.map((p) => p.reason))].join(','),
        },
      },
      now(),
    );
  }

  async function attempt(od: OrderDispatches): Promise<void> {
    const previous = parked.get(od.orderNo);
    if (confirmer.isSettled(od)) {
      parked.delete(od.orderNo);
      return;
    }
    const outcome = await confirmer.confirm(od);
    if (outcome.ok && outcome.notOurs) {
      parked.delete(od.orderNo);
      metrics.dispatchesNotOurs.inc();
      logger.debug(
        { orderNo: od.orderNo },
        'dispatch of an order SFCC does not know and we never captured: skipped',
      );
      return;
    }
    if (outcome.ok) {
      parked.delete(od.orderNo);
      if (outcome.problems.length > 0) await raiseProblems(od.orderNo, outcome.problems);
      else await exceptions.resolve('DISPATCH_NOT_CONFIRMED', od.orderNo, now());
      if (previous)
        logger.info(
          { orderNo: od.orderNo, attempts: previous.attempts + 1 },
          'dispatches confirmed after retrying',
        );
      return;
    }
    const attempts = (previous?.attempts ?? 0) + 1;
    const p: ParkedOrder = {
      dispatches: od,
      attempts,
      nextAt: now() + nextDelay(attempts),
      lastError: outcome.error,
      retriable: outcome.retriable,
    };
    parked.set(od.orderNo, p);
    metrics.retries.inc({ flow: 'dispatch' });
    logger.warn(
      { orderNo: od.orderNo, attempts, error: outcome.error, retryInMs: p.nextAt - now() },
      'dispatch not confirmed; parked for retry',
    );
    await raiseIfDue(p);
  }

  return {
    /** Consumer handler for one `wair.dispatches.v1` record (the latest state replaces a parked one). */
    handle(od: OrderDispatches): Promise<void> {
      return exclusive(od.orderNo, () => attempt(od));
    },

    /**
     * Consumer handler that does not wait for the attempt: it returns once one of `concurrency`
     * slots is free, so many orders are confirmed at once. The record's offset may then be
     * committed before its attempt ends; `recover` at the next start covers a crash meanwhile.
     */
    async submit(od: OrderDispatches): Promise<void> {
      await inBackground(od.orderNo, od, () => exclusive(od.orderNo, () => attempt(od)));
    },

    /** Resolves once every attempt started by `submit` or `retryDue` has ended (for stop). */
    async drain(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },

    /** Retries every parked order that is due; raises DISPATCH_NOT_CONFIRMED for those past the SLA. */
    async retryDue(): Promise<void> {
      if (ticking) return;
      ticking = true;
      try {
        const retries: Promise<void>[] = [];
        for (const [orderNo, p] of [...parked]) {
          try {
            if (p.nextAt > now()) await raiseIfDue(p);
            else if (concurrency === 1)
              await exclusive(orderNo, () => attempt(parked.get(orderNo)?.dispatches ?? p.dispatches));
            else {
              const { done } = await inBackground(orderNo, p.dispatches, () =>
                exclusive(orderNo, () => attempt(parked.get(orderNo)?.dispatches ?? p.dispatches)),
              );
              retries.push(done);
            }
          } catch (error) {
            logger.warn({ err: error, orderNo }, 'dispatch retry failed; tried again on the next tick');
          }
        }
        await Promise.all(retries);
      } finally {
        ticking = false;
      }
    },

    /**
     * After a restart: orders the fulfilment table does not show settled (every dispatch confirmed
     * and the order shipped) are retried at once. Confirmed dispatches whose shipping status was
     * not written yet count as unsettled; a partly shipped order costs one read and writes nothing.
     */
    recover(tables: Iterable<OrderDispatches>): number {
      let n = 0;
      for (const od of tables) {
        const f = fulfilments.get(od.orderNo);
        if (od.dispatches.length === 0 || confirmer.isSettled(od) || parked.has(od.orderNo)) continue;
        const attempts = Math.max(0, ...(f?.shipments ?? []).map((s) => s.attempts));
        parked.set(od.orderNo, {
          dispatches: od,
          attempts,
          nextAt: now(),
          lastError: 'restarted',
          retriable: true,
        });
        n += 1;
      }
      return n;
    },

    parked: parked as ReadonlyMap<string, ParkedOrder>,
  };
}

export type DispatchLoop = ReturnType<typeof createDispatchLoop>;
