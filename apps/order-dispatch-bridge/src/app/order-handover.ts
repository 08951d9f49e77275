import type { OrderFact } from '@wair-sfcc/contracts';
import {
  isUpstreamCallError,
  markAccepted,
  markCancelled,
  markRejected,
  toStockNotForReplenishment,
  type SfccExportStatus,
  type SfccOrder,
  type WairSale,
  type WairSaleResult,
} from '@wair-sfcc/order-domain';
import type { CaptureRoundSummary, OrderCaptureDeps } from './order-capture';
import { orderNotAcceptedFinding, type ProjectedOrder } from './order-projection';
import { isContentRefusal, refusalReason, runWairCycle } from './wair-cycle';

/** An order (or its cancellation) on its way to WAIR. */
export interface Outgoing {
  order: SfccOrder;
  fact: OrderFact;
  sale: WairSale;
  /** Set the export status afterwards (ready-list orders); a cancellation found later needs none. */
  exportAfter: boolean;
}

/**
 * The writing steps of the capture loop: facts to `sfcc.orders.v1`, the WAIR cycle, WAIR's verdict
 * per order (fact, exception, metrics) and the SFCC export status — each safe to repeat.
 */
export function createOrderHandover(deps: OrderCaptureDeps) {
  const { scapi, wair, producer, facts, exceptions, metrics, logger, now, options } = deps;

  async function publish(fact: OrderFact): Promise<void> {
    await producer.send(deps.ordersTopic, fact.orderNo, fact);
    facts.set(fact.orderNo, fact);
  }

  async function setExportStatus(orderNo: string, status: SfccExportStatus): Promise<void> {
    try {
      await scapi.updateExportStatus(orderNo, status);
    } catch (error) {
      // 409: someone else moved the order on; the hand-over itself is complete.
      if (!isUpstreamCallError(error) || error.status !== 409) throw error;
      logger.warn({ orderNo, status }, 'export status not changed: SFCC refused the transition');
    }
  }

  async function malformed(order: SfccOrder, p: Extract<ProjectedOrder, { ok: false }>): Promise<void> {
    const existing = facts.get(order.orderNo);
    if (existing?.state !== 'REJECTED' || existing.rejectionReason !== p.fact.rejectionReason)
      await publish(p.fact);
    await exceptions.raise(orderNotAcceptedFinding(p.fact, 'MALFORMED', p.problems), now());
    metrics.ordersRejected.inc({ reason: 'malformed' });
    logger.warn(
      { orderNo: order.orderNo, problems: p.problems.map((x) => x.path) },
      'malformed order not sent to WAIR',
    );
    // failed takes it off the ready list; Ops fixes the order and sets it back to ready.
    await setExportStatus(order.orderNo, 'failed');
  }

  async function verdict(
    item: Outgoing,
    result: WairSaleResult,
    summary: CaptureRoundSummary,
    sentAt: number,
  ): Promise<void> {
    const { order, fact } = item;
    if (item.sale.saleType === 'ONLINE_CANCELLATION') {
      if (!result.accepted)
        logger.warn({ orderNo: order.orderNo, reason: result.reason }, 'WAIR refused the cancellation');
      await publish(markCancelled(fact));
      metrics.ordersCancelled.inc({ forwarded: 'true' });
      summary.cancelled += 1;
    } else if (result.accepted) {
      // The writer counts the order as in flight against every WAIR figure older than `acceptedAt`,
      // so it must be when WAIR's figures took in the reservation: WAIR's own answer (kept on
      // repeats, so a resend after a crash does not move it later and subtract the order twice).
      // Without it, the post's start is the earliest WAIR could have had it.
      const accepted = markAccepted(fact, result.reservedAt ?? sentAt);
      if (fact.state !== 'ACCEPTED_BY_WAIR') {
        await publish(accepted);
        metrics.ordersAccepted.inc();
        metrics.captureDelay.observe(
          Math.max(0, (accepted.acceptedAt as number) - accepted.createdAt) / 1000,
        );
      }
      await exceptions.resolve('ORDER_NOT_ACCEPTED', order.orderNo, now());
      summary.accepted += 1;
    } else {
      const rejected = markRejected(fact, result.reason ?? 'WAIR gave no reason');
      await publish(rejected);
      await exceptions.raise(orderNotAcceptedFinding(rejected, 'REJECTED_BY_WAIR'), now());
      metrics.ordersRejected.inc({ reason: 'wair' });
      summary.rejected += 1;
      if (item.exportAfter) await setExportStatus(order.orderNo, 'failed');
      return;
    }
    if (item.exportAfter) await setExportStatus(order.orderNo, 'exported');
  }

  async function sendCycle(items: Outgoing[], summary: CaptureRoundSummary): Promise<void> {
    if (items.length === 0) return;
    let results: WairSaleResult[];
    const sentAt = now();
    try {
      results = await runWairCycle(wair, {
        sales: items.map((i) => i.sale),
        allocations: (accepted) =>
          toStockNotForReplenishment(
            items
              .filter((i) => accepted.has(i.sale.id))
              .map((i) => ({ order: i.order, dispatchedBySku: deps.dispatchedUnits?.(i.order.orderNo) })),
            { ...options.sale, fullLoad: false },
          ).records,
      });
    } catch (error) {
      if (isContentRefusal(error) && items.length > 1) {
        // One bad sale must not hold back the others: resend one per cycle to find it.
        for (const item of items) await sendCycle([item], summary);
        return;
      }
      if (!isContentRefusal(error)) {
        metrics.retries.inc({ flow: 'capture' }, items.length);
        summary.deferred += items.length;
        logger.warn(
          { err: error, orders: items.length },
          'WAIR cycle failed; the orders are resent next round',
        );
        return;
      }
      results = items.map((i) => ({ id: i.sale.id, accepted: false, reason: refusalReason(error) }));
    }
    const byId = new Map(results.map((r) => [r.id, r]));
    // Verdicts concern different orders: recorded side by side (the SCAPI limiter bounds the calls,
    // the producer batches the facts), not one order's round trips after another's.
    await Promise.all(
      items.map(async (item) => {
        const result = byId.get(item.sale.id);
        if (!result) {
          summary.deferred += 1;
          return;
        }
        try {
          await verdict(item, result, summary, sentAt);
        } catch (error) {
          summary.deferred += 1;
          metrics.retries.inc({ flow: 'capture' });
          logger.warn(
            { err: error, orderNo: item.order.orderNo },
            'recording the WAIR verdict failed; repeated next round',
          );
        }
      }),
    );
  }

  return { publish, setExportStatus, malformed, sendCycle };
}
