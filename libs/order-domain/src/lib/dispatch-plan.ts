import type { Dispatch, Fulfilment, OrderDispatches } from '@wair-sfcc/contracts';
import type { SfccFulfillmentEvent, SfccOrder, SfccShippingStatus } from './sfcc-order.model';
import { allocateDispatches, type DispatchProblem } from './dispatch-allocation';

/** Custom attribute names (`c_*`) that mirror tracking data on the SFCC order, where a site wants them. */
export interface DispatchAttributeNames {
  /** WAIR dispatch ids already reported; also read back to recognise a replay. */
  dispatchIds?: string;
  trackingNumbers?: string;
  trackingUrls?: string;
  carriers?: string;
}

export interface DispatchPlanOptions {
  /** Also set the order status to `completed` once every line is shipped. */
  completeOrderWhenShipped?: boolean;
  attributes?: DispatchAttributeNames;
  /** Joins several values in one string attribute; default `,`. */
  separator?: string;
}

/** Everything that must be written to SFCC for the order; empty when SFCC already reflects WAIR. */
export interface DispatchPlan {
  orderNo: string;
  /** `fulfillmentEvent`s to post, oldest dispatch first. */
  events: SfccFulfillmentEvent[];
  /** Dispatches SFCC (or our fulfilment record) already shows: to be recorded, never re-posted. */
  alreadyReflected: string[];
  /** Shipping status the order should end with, given the valid dispatches. */
  targetShippingStatus: SfccShippingStatus;
  /** Shipping status to PUT, or null when the order already has it (or a later one). */
  shippingStatus: SfccShippingStatus | null;
  orderStatus: 'completed' | null;
  /** `c_*` attributes to PATCH (only those that differ), or null. */
  attributePatch: Record<string, string> | null;
  /** Dispatches that cannot be reported as they are: raise an exception, do not guess. */
  problems: DispatchProblem[];
}

const RANK: Record<SfccShippingStatus, number> = { not_shipped: 0, part_shipped: 1, shipped: 2 };

function readList(value: unknown, separator: string): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  return value.split(separator).map((s) => s.trim());
}

function isReflected(
  d: Dispatch,
  order: SfccOrder,
  confirmed: Set<string>,
  reportedIds: Set<string>,
): boolean {
  return (
    order.shippingStatus === 'shipped' ||
    confirmed.has(d.dispatchId) ||
    reportedIds.has(d.dispatchId) ||
    (order.shipments ?? []).some(
      (s) => s.trackingNumber !== undefined && s.trackingNumber === d.trackingNumber,
    )
  );
}

/**
 * What to write to SFCC so that it reflects every WAIR dispatch of the order exactly once.
 *
 * A dispatch counts as already reflected when our `sfcc.fulfilment.v1` record has it CONFIRMED, the
 * configured dispatch-id attribute lists it, an SFCC shipment carries its tracking number, or the
 * order is already `shipped` — so a replay, or a retry after a crash between the event and the
 * fulfilment record, plans nothing (each repeated event would be a duplicate e-mail to the customer).
 * The shipping status never moves backwards. Apply the plan in order: events, shipping status, order
 * status, attributes — the attribute patch last, so it only claims what was posted.
 *
 * Plan from an order read from SFCC just before writing (a timed-out POST may have been accepted,
 * and only the fresh order shows its tracking number). SFCC keeps one tracking number per
 * shipment, so with several WAIR dispatches on one SFCC shipment only the latest is visible there:
 * record each confirmation on `sfcc.fulfilment.v1` before posting the next event, or configure the
 * `dispatchIds` attribute, so earlier ones stay recognisable.
 */
export function planDispatchWrites(
  order: SfccOrder,
  dispatches: OrderDispatches,
  fulfilment: Fulfilment | undefined,
  options: DispatchPlanOptions = {},
): DispatchPlan {
  const separator = options.separator ?? ',';
  const names = options.attributes ?? {};
  const items = order.productItems ?? [];
  const { allocated, problems, dispatchedByItem } = allocateDispatches(items, dispatches.dispatches);
  const confirmed = new Set(
    (fulfilment?.shipments ?? []).filter((s) => s.outcome === 'CONFIRMED').map((s) => s.dispatchId),
  );
  const reportedIds = new Set(names.dispatchIds ? readList(order[names.dispatchIds], separator) : []);

  const events: SfccFulfillmentEvent[] = [];
  const alreadyReflected: string[] = [];
  for (const { dispatch: d, lineItems } of allocated) {
    if (isReflected(d, order, confirmed, reportedIds)) {
      alreadyReflected.push(d.dispatchId);
      continue;
    }
    events.push({
      id: d.dispatchId,
      type: 'shipped',
      occurredAt: new Date(d.dispatchedAt).toISOString(),
      lineItems,
      trackingNumber: d.trackingNumber,
      trackingUrl: d.trackingUrl,
      carrier: d.carrier,
      ...(d.service ? { description: d.service } : {}),
    });
  }

  const countable = items.filter((i) => i.itemId && i.quantity && i.quantity > 0);
  const complete =
    countable.length > 0 &&
    countable.every((i) => (dispatchedByItem.get(i.itemId as string) ?? 0) >= (i.quantity as number));
  const targetShippingStatus: SfccShippingStatus = complete
    ? 'shipped'
    : allocated.length > 0
      ? 'part_shipped'
      : 'not_shipped';
  const current = (order.shippingStatus ?? 'not_shipped') as SfccShippingStatus;
  const shippingStatus = RANK[targetShippingStatus] > (RANK[current] ?? 0) ? targetShippingStatus : null;
  const orderStatus =
    options.completeOrderWhenShipped &&
    complete &&
    order.status !== 'completed' &&
    order.status !== 'cancelled'
      ? 'completed'
      : null;

  const desired: Array<[string | undefined, string[]]> = [
    [names.dispatchIds, allocated.map((a) => a.dispatch.dispatchId)],
    [names.trackingNumbers, allocated.map((a) => a.dispatch.trackingNumber)],
    [names.trackingUrls, allocated.map((a) => a.dispatch.trackingUrl)],
    [names.carriers, allocated.map((a) => a.dispatch.carrier)],
  ];
  const patch: Record<string, string> = {};
  for (const [name, values] of desired) {
    if (!name || values.length === 0) continue;
    const value = values.join(separator);
    if (readList(order[name], separator).join(separator) !== value) patch[name] = value;
  }

  return {
    orderNo: dispatches.orderNo,
    events,
    alreadyReflected,
    targetShippingStatus,
    shippingStatus,
    orderStatus,
    attributePatch: Object.keys(patch).length > 0 ? patch : null,
    problems,
  };
}

/** True when the plan writes nothing to SFCC. */
export function isEmptyPlan(plan: DispatchPlan): boolean {
  return plan.events.length === 0 && !plan.shippingStatus && !plan.orderStatus && !plan.attributePatch;
}

/** A dispatch that cannot be reported to SFCC without guessing; parked as an exception, not retried. */
export class DispatchPlanError extends Error {
  readonly retriable = false;
  constructor(readonly context: { orderNo: string; problems: readonly DispatchProblem[] }) {
    super(
      `order ${context.orderNo}: ` +
        context.problems.map((p) => `dispatch ${p.dispatchId} ${p.reason}: ${p.detail}`).join('; '),
    );
    this.name = 'DispatchPlanError';
  }
}

/** Throws {@link DispatchPlanError} when the plan has problems; the valid part can still be applied first. */
export function assertNoDispatchProblems(plan: DispatchPlan): void {
  if (plan.problems.length > 0)
    throw new DispatchPlanError({ orderNo: plan.orderNo, problems: plan.problems });
}
