import type { Fulfilment, IntegrationException, OrderDispatches, OrderFact } from '@wair-sfcc/contracts';
import type { ExceptionBook } from '../exceptions/exception-book';
import type { AuditorTables } from '../state/auditor-tables';

export type OrderEventKind =
  | 'CREATED_IN_SFCC'
  | 'CAPTURED'
  | 'ACCEPTED_BY_WAIR'
  | 'REJECTED_BY_WAIR'
  | 'CANCELLED'
  | 'DISPATCHED'
  | 'SHIPPED_IN_SFCC'
  | 'CONFIRMATION_PENDING'
  | 'CONFIRMATION_FAILED';

/** One step of an order; `at` null when the step happened but its time is not known. */
export interface OrderEvent {
  at: number | null;
  kind: OrderEventKind;
  detail: string;
}

export interface OrderTimeline {
  orderNo: string;
  order: OrderFact | null;
  dispatches: OrderDispatches | null;
  fulfilment: Fulfilment | null;
  events: OrderEvent[];
  exceptions: IntegrationException[];
}

function orderEvents(order: OrderFact): OrderEvent[] {
  const units = order.lines.reduce((s, l) => s + l.quantity, 0);
  const events: OrderEvent[] = [
    {
      at: order.createdAt,
      kind: 'CREATED_IN_SFCC',
      detail: `site ${order.siteId}, ${order.lines.length} line(s), ${units} unit(s)`,
    },
    { at: order.capturedAt, kind: 'CAPTURED', detail: 'read from SFCC by order-dispatch-bridge' },
  ];
  if (order.state === 'ACCEPTED_BY_WAIR' || order.acceptedAt !== null) {
    events.push({ at: order.acceptedAt, kind: 'ACCEPTED_BY_WAIR', detail: 'WAIR took the order' });
  }
  if (order.state === 'REJECTED') {
    events.push({ at: null, kind: 'REJECTED_BY_WAIR', detail: order.rejectionReason ?? 'no reason given' });
  }
  if (order.state === 'CANCELLED')
    events.push({ at: null, kind: 'CANCELLED', detail: 'cancelled before fulfilment' });
  return events;
}

/** Captured → accepted by WAIR → dispatched → shipped in SFCC for one order, from the tables. */
export function createOrderTimeline(options: { tables: AuditorTables; book: ExceptionBook }) {
  const { tables, book } = options;
  return (orderNo: string): OrderTimeline | undefined => {
    const order = tables.orders.get(orderNo) ?? null;
    const dispatches = tables.dispatches.get(orderNo) ?? null;
    const fulfilment = tables.fulfilments.get(orderNo) ?? null;
    if (!order && !dispatches && !fulfilment) return undefined;
    const events = order ? orderEvents(order) : [];
    const confirmations = new Map((fulfilment?.shipments ?? []).map((s) => [s.dispatchId, s]));
    // Stages are appended in the order they happen; shipments by dispatch time.
    const shipments = [...(dispatches?.dispatches ?? [])].sort((a, b) => a.dispatchedAt - b.dispatchedAt);
    for (const d of shipments) {
      const units = d.lines.reduce((s, l) => s + l.quantity, 0);
      events.push({
        at: d.dispatchedAt,
        kind: 'DISPATCHED',
        detail: `${d.dispatchId}: ${units} unit(s) with ${d.carrier}`,
      });
      const c = confirmations.get(d.dispatchId);
      if (c?.outcome === 'CONFIRMED') {
        events.push({
          at: c.confirmedAt,
          kind: 'SHIPPED_IN_SFCC',
          detail: `${d.dispatchId} confirmed after ${c.attempts} attempt(s)`,
        });
      } else if (c?.outcome === 'FAILED') {
        events.push({
          at: null,
          kind: 'CONFIRMATION_FAILED',
          detail: `${d.dispatchId}: ${c.lastError ?? 'gave up'}`,
        });
      } else {
        events.push({
          at: null,
          kind: 'CONFIRMATION_PENDING',
          detail: `${d.dispatchId}: not confirmed in SFCC yet`,
        });
      }
    }
    return {
      orderNo,
      order,
      dispatches,
      fulfilment,
      events,
      exceptions: [...book.all()].filter((e) => e.subjectType === 'ORDER' && e.subject === orderNo),
    };
  };
}
