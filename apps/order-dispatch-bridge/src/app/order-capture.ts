import type { OrderFact } from '@wair-sfcc/contracts';
import type { TypedProducer } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import {
  markCancelled,
  toWairCancellation,
  toWairSale,
  type ScapiOrdersPort,
  type SfccOrder,
  type SfccOrderQuery,
  type WairSaleOptions,
  type WairSalesPort,
} from '@wair-sfcc/order-domain';
import type { BridgeMetrics } from './bridge-metrics';
import type { ExceptionBook } from './exception-book';
import { createOrderHandover, type Outgoing } from './order-handover';
import { projectOrder } from './order-projection';

export interface OrderCaptureOptions {
  /** Orders per SCAPI page and per WAIR cycle. */
  pageSize: number;
  maxPerRound: number;
  sale: WairSaleOptions;
  /** Inventory list for lines without one; '' = such lines make the order malformed. */
  defaultInventoryList: string;
  cancellationLookbackMs: number;
}

export interface OrderCaptureDeps {
  scapi: ScapiOrdersPort;
  wair: WairSalesPort;
  producer: TypedProducer;
  ordersTopic: string;
  /** The `sfcc.orders.v1` table (rebuilt at start, kept current by the capture's own writes). */
  facts: Map<string, OrderFact>;
  exceptions: ExceptionBook;
  metrics: BridgeMetrics;
  logger: Logger;
  now: () => number;
  options: OrderCaptureOptions;
  /** Units WAIR dispatched per SKU, so a late cancellation only reverses what is still open. */
  dispatchedUnits?: (orderNo: string) => ReadonlyMap<string, number>;
}

/** Counts of one capture round, for tests and the round log line. */
export interface CaptureRoundSummary {
  listed: number;
  accepted: number;
  rejected: number;
  malformed: number;
  cancelled: number;
  /** Orders left for the next round after a retriable failure. */
  deferred: number;
}

const isCancelledInSfcc = (o: SfccOrder) => o.status === 'cancelled' || o.status === 'failed';
/** The sale may be in WAIR: accepted, or sent before a crash that lost the verdict. */
const mayBeInWair = (f: OrderFact | undefined) =>
  f !== undefined && (f.state === 'ACCEPTED_BY_WAIR' || f.state === 'CAPTURED');

/**
 * The order capture loop (DESIGN §5): ready orders oldest first → CAPTURED fact → WAIR batch cycle
 * → ACCEPTED_BY_WAIR / REJECTED fact → export status. Every step can be repeated: the fact table
 * says how far an order got, WAIR upserts sales by order number, and SCAPI accepts writing the
 * current export status again — so a crash between any two steps is repaired by the next round.
 */
export function createOrderCapture(deps: OrderCaptureDeps) {
  const { scapi, facts, metrics, logger, now, options } = deps;
  const { publish, setExportStatus, malformed, sendCycle } = createOrderHandover(deps);
  let cancelledSince = now() - options.cancellationLookbackMs;

  async function listAll(query: Omit<SfccOrderQuery, 'limit' | 'offset'>): Promise<SfccOrder[]> {
    const out = new Map<string, SfccOrder>();
    for (let offset = 0; out.size < options.maxPerRound;) {
      const page = await scapi.listOrders({ ...query, limit: options.pageSize, offset });
      for (const o of page.data) if (!out.has(o.orderNo)) out.set(o.orderNo, o);
      offset += page.data.length;
      if (page.data.length === 0 || offset >= page.total) break;
    }
    return [...out.values()].slice(0, options.maxPerRound);
  }

  /** Sorts one page of ready orders into WAIR work and local work (which it does at once). */
  async function prepare(order: SfccOrder, summary: CaptureRoundSummary): Promise<Outgoing | undefined> {
    const existing = facts.get(order.orderNo);
    const projected = projectOrder(order, existing, now(), options);
    if (isCancelledInSfcc(order)) {
      if (existing && mayBeInWair(existing) && projected.ok) {
        const item = cancellation(order, existing, true);
        if (item) return item;
      }
      if (existing?.state !== 'CANCELLED') {
        if (existing) await publish(markCancelled(existing));
        else if (projected.ok) await publish(markCancelled(projected.fact));
        metrics.ordersCancelled.inc({ forwarded: 'false' });
      }
      // A cancelled order no longer needs WAIR: an ORDER_NOT_ACCEPTED about it is settled.
      await deps.exceptions.resolve('ORDER_NOT_ACCEPTED', order.orderNo, now());
      summary.cancelled += 1;
      // Handed over earlier (everything dispatched): exported; never sent: it is not to be exported.
      await setExportStatus(order.orderNo, existing?.acceptedAt ? 'exported' : 'not_exported');
      return undefined;
    }
    if (!projected.ok) {
      summary.malformed += 1;
      await malformed(order, projected);
      return undefined;
    }
    if (existing?.state === 'ACCEPTED_BY_WAIR') {
      await setExportStatus(order.orderNo, 'exported');
      summary.accepted += 1;
      return undefined;
    }
    if (existing?.state !== 'CAPTURED') {
      await publish(projected.fact);
      metrics.ordersCaptured.inc();
    }
    return { order, fact: projected.fact, sale: toWairSale(order, options.sale), exportAfter: true };
  }

  /** The reversing sale of an order WAIR may hold; undefined when everything was already dispatched. */
  function cancellation(order: SfccOrder, fact: OrderFact, exportAfter: boolean): Outgoing | undefined {
    const sale = toWairCancellation(order, options.sale, deps.dispatchedUnits?.(order.orderNo));
    return sale ? { order, fact, sale, exportAfter } : undefined;
  }

  async function handlePage(orders: SfccOrder[], summary: CaptureRoundSummary): Promise<void> {
    // The orders of a page are independent: their CAPTURED facts go out side by side (the producer
    // batches them into one request) instead of one broker round trip after another, which capped
    // capture at a few dozen orders a second. Every fact is on Kafka before the WAIR cycle starts.
    const prepared = await Promise.all(
      orders.map(async (order) => {
        try {
          return await prepare(order, summary);
        } catch (error) {
          summary.deferred += 1;
          metrics.retries.inc({ flow: 'capture' });
          logger.warn(
            { err: error, orderNo: order.orderNo },
            'order capture step failed; repeated next round',
          );
          return undefined;
        }
      }),
    );
    await sendCycle(
      prepared.filter((item): item is Outgoing => item !== undefined),
      summary,
    );
  }

  /** Cancellations of orders already handed over (and usually exported) since the last round. */
  async function forwardLateCancellations(summary: CaptureRoundSummary, skip: Set<string>): Promise<boolean> {
    const roundStart = now();
    const cancelled = await listAll({
      status: 'cancelled',
      lastModifiedDateFrom: new Date(cancelledSince).toISOString(),
      sortBy: 'last_modified',
      sortOrder: 'asc',
    });
    const outgoing: Outgoing[] = [];
    for (const order of cancelled) {
      const fact = facts.get(order.orderNo);
      if (skip.has(order.orderNo) || !fact) continue;
      if (!mayBeInWair(fact)) {
        // Rejected (or malformed) and then cancelled by Ops: nothing to send, the exception is settled.
        if (fact.state === 'REJECTED') {
          await publish(markCancelled(fact));
          await deps.exceptions.resolve('ORDER_NOT_ACCEPTED', order.orderNo, now());
        }
        continue;
      }
      const item = cancellation(order, fact, false);
      if (item) outgoing.push(item);
      else await publish(markCancelled(fact));
    }
    const before = summary.deferred;
    for (let i = 0; i < outgoing.length; i += options.pageSize)
      await sendCycle(outgoing.slice(i, i + options.pageSize), summary);
    const complete = summary.deferred === before && cancelled.length < options.maxPerRound;
    // Overlap a minute: SFCC and our clock may disagree; re-seeing a CANCELLED order is a no-op.
    if (complete) cancelledSince = roundStart - 60_000;
    return complete;
  }

  return {
    /** One capture round; never throws (a failed listing is retried next round). */
    async runRound(): Promise<CaptureRoundSummary> {
      const summary: CaptureRoundSummary = {
        listed: 0,
        accepted: 0,
        rejected: 0,
        malformed: 0,
        cancelled: 0,
        deferred: 0,
      };
      try {
        const ready = await listAll({ exportStatus: 'ready', sortBy: 'creation_date', sortOrder: 'asc' });
        summary.listed = ready.length;
        for (let i = 0; i < ready.length; i += options.pageSize)
          await handlePage(ready.slice(i, i + options.pageSize), summary);
        await forwardLateCancellations(summary, new Set(ready.map((o) => o.orderNo)));
      } catch (error) {
        metrics.retries.inc({ flow: 'capture' });
        logger.warn({ err: error }, 'order capture round failed; repeated next round');
      }
      if (summary.listed > 0 || summary.cancelled > 0)
        logger.info({ ...summary }, 'order capture round done');
      return summary;
    },
  };
}

export type OrderCapture = ReturnType<typeof createOrderCapture>;
