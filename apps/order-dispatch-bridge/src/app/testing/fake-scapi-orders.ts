// In-memory SCAPI Orders for the bridge's unit tests: status transitions as SCAPI enforces them,
// every write recorded, failures injectable per operation.
import {
  UpstreamCallError,
  type ScapiOrdersPort,
  type SfccFulfillmentEvent,
  type SfccOrder,
  type SfccOrderQuery,
} from '@wair-sfcc/order-domain';

type Op = keyof ScapiOrdersPort;

const EXPORT: Record<string, string[]> = {
  not_exported: ['ready'],
  ready: ['exported', 'failed', 'not_exported'],
  failed: ['ready', 'exported'],
  exported: ['ready'],
};
const SHIPPING: Record<string, string[]> = {
  not_shipped: ['part_shipped', 'shipped'],
  part_shipped: ['shipped'],
  shipped: [],
};

export function createFakeScapiOrders(clock: () => number) {
  const orders = new Map<string, SfccOrder>();
  const modifiedAt = new Map<string, number>();
  const events: Array<{ orderNo: string; event: SfccFulfillmentEvent }> = [];
  const writes: Array<{ op: Op; orderNo: string; value: unknown }> = [];
  let failing: (op: Op, orderNo: string | undefined) => UpstreamCallError | undefined = () => undefined;

  const check = (op: Op, orderNo?: string) => {
    const error = failing(op, orderNo);
    if (error) throw error;
  };
  const touch = (o: SfccOrder) => modifiedAt.set(o.orderNo, clock());
  const need = (op: Op, orderNo: string): SfccOrder => {
    const o = orders.get(orderNo);
    if (!o) throw new UpstreamCallError('SFCC', op, 404, false, 'order not found');
    return o;
  };
  const move = (
    op: Op,
    o: SfccOrder,
    field: 'exportStatus' | 'shippingStatus',
    next: string,
    table: Record<string, string[]>,
  ) => {
    const current = String(o[field]);
    if (current !== next && !(table[current] ?? []).includes(next))
      throw new UpstreamCallError('SFCC', op, 409, false, `${field} ${current} -> ${next}`);
    o[field] = next;
  };

  const port: ScapiOrdersPort = {
    async listOrders(q: SfccOrderQuery) {
      check('listOrders');
      const matching = [...orders.values()]
        .filter((o) => (q.exportStatus ? o.exportStatus === q.exportStatus : true))
        .filter((o) => (q.status ? o.status === q.status : true))
        .filter((o) =>
          q.lastModifiedDateFrom
            ? (modifiedAt.get(o.orderNo) ?? 0) >= Date.parse(q.lastModifiedDateFrom)
            : true,
        )
        .sort((a, b) => Date.parse(a.creationDate ?? '') - Date.parse(b.creationDate ?? ''));
      const data = matching.slice(q.offset, q.offset + q.limit).map((o) => structuredClone(o));
      return { data, limit: q.limit, offset: q.offset, total: matching.length };
    },
    async getOrder(orderNo) {
      check('getOrder', orderNo);
      const o = orders.get(orderNo);
      return o ? structuredClone(o) : undefined;
    },
    async updateExportStatus(orderNo, status) {
      check('updateExportStatus', orderNo);
      move('updateExportStatus', need('updateExportStatus', orderNo), 'exportStatus', status, EXPORT);
      writes.push({ op: 'updateExportStatus', orderNo, value: status });
    },
    async updateShippingStatus(orderNo, status) {
      check('updateShippingStatus', orderNo);
      move('updateShippingStatus', need('updateShippingStatus', orderNo), 'shippingStatus', status, SHIPPING);
      writes.push({ op: 'updateShippingStatus', orderNo, value: status });
    },
    async updateStatus(orderNo, status) {
      check('updateStatus', orderNo);
      need('updateStatus', orderNo).status = status;
      writes.push({ op: 'updateStatus', orderNo, value: status });
    },
    async updateAttributes(orderNo, attributes) {
      check('updateAttributes', orderNo);
      Object.assign(need('updateAttributes', orderNo), attributes);
      writes.push({ op: 'updateAttributes', orderNo, value: attributes });
    },
    async postFulfillmentEvent(orderNo, event) {
      check('postFulfillmentEvent', orderNo);
      const o = need('postFulfillmentEvent', orderNo);
      const item = o.productItems?.find((i) => i.itemId === event.lineItems[0]?.id);
      const shipment = o.shipments?.find((s) => s.shipmentId === item?.shipmentId);
      if (shipment) shipment.trackingNumber = event.trackingNumber;
      events.push({ orderNo, event });
      writes.push({ op: 'postFulfillmentEvent', orderNo, value: event.id });
    },
  };

  return {
    port,
    orders,
    events,
    writes,
    add(order: SfccOrder) {
      orders.set(order.orderNo, structuredClone(order));
      touch(order);
    },
    /** Cancels the order as a storefront agent would (moves its last-modified time). */
    cancel(orderNo: string) {
      const o = orders.get(orderNo) as SfccOrder;
      o.status = 'cancelled';
      touch(o);
    },
    failWith(fn: (op: Op, orderNo: string | undefined) => UpstreamCallError | undefined) {
      failing = fn;
    },
    /** Dispatch e-mails the customer got per event id (more than 1 is a duplicate). */
    emailsPerEvent(): Map<string, number> {
      const n = new Map<string, number>();
      for (const { event } of events) n.set(event.id, (n.get(event.id) ?? 0) + 1);
      return n;
    },
  };
}

export type FakeScapiOrders = ReturnType<typeof createFakeScapiOrders>;
