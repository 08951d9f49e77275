import type { Fulfilment, OrderDispatches } from '@wair-sfcc/contracts';
import type { TypedProducer } from '@wair-sfcc/kafka';
import {
  createFulfilment,
  isUpstreamCallError,
  planDispatchWrites,
  recordAlreadyConfirmed,
  recordShipmentAttempt,
  recordShippingStatus,
  type DispatchPlanOptions,
  type DispatchProblem,
  type ScapiOrdersPort,
} from '@wair-sfcc/order-domain';
import type { BridgeMetrics } from './bridge-metrics';

/** How one attempt to bring SFCC level with WAIR's dispatches of an order went. */
export type ConfirmOutcome =
  | { ok: true; problems: DispatchProblem[]; notOurs?: boolean }
  | { ok: false; retriable: boolean; error: string };

export interface DispatchConfirmerDeps {
  scapi: ScapiOrdersPort;
  producer: TypedProducer;
  fulfilmentTopic: string;
  /** The `sfcc.fulfilment.v1` table: rebuilt at start, kept current by every record written here. */
  fulfilments: Map<string, Fulfilment>;
  metrics: BridgeMetrics;
  now: () => number;
  plan: DispatchPlanOptions;
  /**
   * True for an order this bridge handed to WAIR (its `sfcc.orders.v1` facts). WAIR also ships
   * orders of other channels (stores, marketplaces): a dispatch whose order SFCC does not know and
   * that we never captured is not ours, and is skipped instead of retried for ever.
   */
  isOurOrder?: (orderNo: string) => boolean;
}

/** Status and operation only: SFCC's own message text may quote order data. */
export function describeFailure(error: unknown): { retriable: boolean; error: string } {
  if (isUpstreamCallError(error)) {
    const status = error.status === undefined ? 'no response' : `HTTP ${error.status}`;
    return { retriable: error.retriable, error: `SFCC ${error.operation} failed (${status})` };
  }
  return { retriable: true, error: `SFCC call failed (${(error as Error)?.name ?? 'unknown error'})` };
}

/**
 * One attempt for one order: read the order from SFCC, plan against what SFCC shows, then post the
 * missing fulfilment events one at a time — each confirmation is on `sfcc.fulfilment.v1` before the
 * next event goes out — then shipping status, order status and `c_*` attributes. A replay plans
 * nothing and writes nothing. SFCC failures are returned; a failure to publish to Kafka throws (the
 * consumer retries the record, and the next plan sees whatever SFCC already took).
 */
export function createDispatchConfirmer(deps: DispatchConfirmerDeps) {
  const { scapi, producer, fulfilments, metrics, now } = deps;

  async function save(next: Fulfilment): Promise<void> {
    const stored = fulfilments.get(next.orderNo);
    // A fresh record with nothing in it says nothing worth a Kafka record.
    if (next === stored || (!stored && next.shipments.length === 0)) return;
    await producer.send(deps.fulfilmentTopic, next.orderNo, next);
    fulfilments.set(next.orderNo, next);
  }

  async function failAll(f: Fulfilment, od: OrderDispatches, failure: { retriable: boolean; error: string }) {
    let next = f;
    const done = new Set(f.shipments.filter((s) => s.outcome === 'CONFIRMED').map((s) => s.dispatchId));
    for (const d of od.dispatches) {
      if (!done.has(d.dispatchId))
        next = recordShipmentAttempt(next, {
          dispatchId: d.dispatchId,
          at: now(),
          ok: false,
          error: failure.error,
        });
    }
    await save(next);
    return { ok: false as const, ...failure };
  }

  return {
    /** True when the fulfilment record already shows every dispatch confirmed and the order shipped. */
    isSettled(od: OrderDispatches): boolean {
      const f = fulfilments.get(od.orderNo);
      if (f?.orderShippingStatus !== 'SHIPPED') return false;
      const confirmed = new Set(
        f.shipments.filter((s) => s.outcome === 'CONFIRMED').map((s) => s.dispatchId),
      );
      return od.dispatches.every((d) => confirmed.has(d.dispatchId));
    },

    async confirm(od: OrderDispatches): Promise<ConfirmOutcome> {
      let f = fulfilments.get(od.orderNo) ?? createFulfilment(od.orderNo, now());
      let order;
      try {
        order = await scapi.getOrder(od.orderNo);
      } catch (error) {
        return failAll(f, od, describeFailure(error));
      }
      // The order may be created in SFCC later than WAIR reports (or is not ours): keep trying.
      if (!order) {
        if (deps.isOurOrder && !deps.isOurOrder(od.orderNo)) return { ok: true, problems: [], notOurs: true };
        return failAll(f, od, { retriable: true, error: 'order not found in SFCC' });
      }
      const plan = planDispatchWrites(order, od, f, deps.plan);
      for (const id of plan.alreadyReflected) f = recordAlreadyConfirmed(f, id, now());
      await save(f);
      const dispatchedAt = new Map(od.dispatches.map((d) => [d.dispatchId, d.dispatchedAt]));
      for (const event of plan.events) {
        try {
          await scapi.postFulfillmentEvent(od.orderNo, event);
        } catch (error) {
          const failure = describeFailure(error);
          await save(
            recordShipmentAttempt(f, { dispatchId: event.id, at: now(), ok: false, error: failure.error }),
          );
          return { ok: false, ...failure };
        }
        const at = now();
        f = recordShipmentAttempt(f, { dispatchId: event.id, at, ok: true });
        await save(f);
        metrics.dispatchesConfirmed.inc();
        metrics.dispatchConfirmationDelay.observe(
          Math.max(0, at - (dispatchedAt.get(event.id) ?? at)) / 1000,
        );
      }
      try {
        if (plan.shippingStatus) await scapi.updateShippingStatus(od.orderNo, plan.shippingStatus);
        if (plan.orderStatus) await scapi.updateStatus(od.orderNo, plan.orderStatus);
        if (plan.attributePatch) await scapi.updateAttributes(od.orderNo, plan.attributePatch);
      } catch (error) {
        return { ok: false, ...describeFailure(error) };
      }
      f = recordShippingStatus(f, plan.shippingStatus ?? order.shippingStatus, now());
      for (const p of plan.problems) {
        const s = f.shipments.find((x) => x.dispatchId === p.dispatchId);
        const error = `${p.reason}: ${p.detail}`;
        if (s?.outcome !== 'FAILED' || s.lastError !== error)
          f = recordShipmentAttempt(f, {
            dispatchId: p.dispatchId,
            at: now(),
            ok: false,
            error,
            giveUp: true,
          });
      }
      await save(f);
      return { ok: true, problems: plan.problems };
    },
  };
}

export type DispatchConfirmer = ReturnType<typeof createDispatchConfirmer>;
