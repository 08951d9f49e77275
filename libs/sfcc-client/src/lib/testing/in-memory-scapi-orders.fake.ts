import {
  UpstreamCallError,
  type ScapiOrdersPort,
  type SfccFulfillmentEvent,
  type SfccOrder,
  type SfccOrderPage,
  type SfccOrderQuery,
} from '@wair-sfcc/order-domain';

type Field = 'exportStatus' | 'shippingStatus' | 'status';
type Operation = keyof ScapiOrdersPort;

/** The simulator's transition rules; writing the current value again is always allowed. */
const TRANSITIONS: Record<Field, Record<string, string[]>> = {
  exportStatus: {
    not_exported: ['ready'],
    ready: ['exported', 'failed', 'not_exported'],
    failed: ['ready', 'exported'],
    exported: ['ready'],
  },
  shippingStatus: { not_shipped: ['part_shipped', 'shipped'], part_shipped: ['shipped'], shipped: [] },
  status: {
    created: ['new', 'failed'],
    new: ['open', 'completed', 'cancelled', 'failed'],
    open: ['new', 'completed', 'cancelled'],
    completed: [],
    cancelled: [],
    failed: [],
    replaced: [],
  },
};

export interface InMemoryScapiOrders extends ScapiOrdersPort {
  /** Live orders by number (tests may edit them). */
  orders: Map<string, SfccOrder>;
  add(order: SfccOrder): void;
  /** Every accepted fulfilment event of an order, in order (repeats included). */
  fulfillmentEvents(orderNo: string): SfccFulfillmentEvent[];
  /** `shipped` events per order: one customer dispatch e-mail each. */
  dispatchEmails(orderNo: string): number;
  /** E-mails caused by an event id that had already been posted for that order. */
  duplicateEmails(): number;
  /** Calls made, by operation (failed ones included). */
  calls: Array<{ operation: Operation; orderNo?: string }>;
  /** The next `times` calls of `operation` throw `error` (e.g. a retriable 503 UpstreamCallError). */
  failNext(operation: Operation, error: Error, times?: number): void;
}

const fail = (operation: string, status: number, detail: string) =>
  new UpstreamCallError('SFCC', operation, status, false, detail);

/**
 * An in-memory {@link ScapiOrdersPort} with the simulator's rules: status transitions (409), the
 * tracking rule for fulfilment events and unknown line items (400), unknown orders (404).
 */
export function createInMemoryScapiOrders(initial: SfccOrder[] = []): InMemoryScapiOrders {
  const orders = new Map<string, SfccOrder>();
  const events = new Map<string, SfccFulfillmentEvent[]>();
  const failures: Array<{ operation: Operation; error: Error; times: number }> = [];
  const calls: InMemoryScapiOrders['calls'] = [];
  let duplicates = 0;

  const enter = (operation: Operation, orderNo?: string) => {
    calls.push({ operation, ...(orderNo === undefined ? {} : { orderNo }) });
    const f = failures.find((x) => x.operation === operation && x.times > 0);
    if (f) {
      f.times -= 1;
      throw f.error;
    }
  };
  const orderOf = (operation: Operation, orderNo: string): SfccOrder => {
    const order = orders.get(orderNo);
    if (!order) throw fail(operation, 404, `No order ${orderNo}`);
    return order;
  };
  const transition = (operation: Operation, orderNo: string, field: Field, next: string) => {
    enter(operation, orderNo);
    const order = orderOf(operation, orderNo);
    const current = String(order[field] ?? '');
    if (current === next) return;
    if (field === 'shippingStatus' && order.status === 'cancelled')
      throw fail(operation, 409, `Order ${orderNo} is cancelled`);
    if (!(TRANSITIONS[field][current] ?? []).includes(next))
      throw fail(operation, 409, `${field} cannot change from '${current}' to '${next}'`);
    order[field] = next;
    if (field === 'shippingStatus' && next === 'shipped')
      for (const s of order.shipments ?? []) s.shippingStatus = 'shipped';
  };
  const inRange = (value: string | undefined, from?: string, to?: string) => {
    const at = Date.parse(value ?? '');
    return (!from || at >= Date.parse(from)) && (!to || at < Date.parse(to));
  };

  const fake: InMemoryScapiOrders = {
    orders,
    calls,
    add: (order) => void orders.set(order.orderNo, structuredClone(order)),
    fulfillmentEvents: (orderNo) => [...(events.get(orderNo) ?? [])],
    dispatchEmails: (orderNo) => (events.get(orderNo) ?? []).filter((e) => e.type === 'shipped').length,
    duplicateEmails: () => duplicates,
    failNext: (operation, error, times = 1) => void failures.push({ operation, error, times }),

    async listOrders(query: SfccOrderQuery): Promise<SfccOrderPage> {
      enter('listOrders');
      const field = query.sortBy === 'last_modified' ? 'lastModified' : 'creationDate';
      const sign = query.sortOrder === 'asc' ? 1 : -1;
      const matching = [...orders.values()]
        .filter(
          (o) =>
            (!query.exportStatus || o.exportStatus === query.exportStatus) &&
            (!query.status || o.status === query.status) &&
            inRange(o.creationDate, query.creationDateFrom, query.creationDateTo) &&
            inRange(String(o['lastModified'] ?? o.creationDate), query.lastModifiedDateFrom),
        )
        .sort(
          (a, b) =>
            sign *
            (Date.parse(String(a[field] ?? a.creationDate)) -
              Date.parse(String(b[field] ?? b.creationDate)) || a.orderNo.localeCompare(b.orderNo)),
        );
      return {
        data: matching.slice(query.offset, query.offset + query.limit).map((o) => structuredClone(o)),
        limit: query.limit,
        offset: query.offset,
        total: matching.length,
      };
    },
    async getOrder(orderNo) {
      enter('getOrder', orderNo);
      const order = orders.get(orderNo);
      return order && structuredClone(order);
    },
    async updateExportStatus(orderNo, status) {
      transition('updateExportStatus', orderNo, 'exportStatus', status);
    },
    async updateShippingStatus(orderNo, status) {
      transition('updateShippingStatus', orderNo, 'shippingStatus', status);
    },
    async updateStatus(orderNo, status) {
      transition('updateStatus', orderNo, 'status', status);
    },
    async updateAttributes(orderNo, attributes) {
      enter('updateAttributes', orderNo);
      const order = orderOf('updateAttributes', orderNo);
      const wrong = Object.keys(attributes).find((k) => !/^c_\w+$/.test(k));
      if (wrong) throw fail('updateAttributes', 400, `'${wrong}' is not a custom attribute`);
      Object.assign(order, attributes);
    },
    async postFulfillmentEvent(orderNo, event) {
      enter('postFulfillmentEvent', orderNo);
      const order = orderOf('postFulfillmentEvent', orderNo);
      const type: string = event.type;
      if (type !== 'processing' && (!event.trackingNumber || !event.trackingUrl))
        throw fail('postFulfillmentEvent', 400, `A '${type}' event needs trackingNumber and trackingUrl`);
      const items = order.productItems ?? [];
      const unknown = event.lineItems.find((l) => !items.some((i) => i.itemId === l.id));
      if (unknown || event.lineItems.length === 0)
        throw fail('postFulfillmentEvent', 400, `Line item '${unknown?.id ?? ''}' does not exist`);
      if (order.status === 'cancelled')
        throw fail('postFulfillmentEvent', 409, `Order ${orderNo} is cancelled`);
      const list = events.get(orderNo) ?? [];
      if (type === 'shipped') {
        if (list.some((e) => e.id === event.id && e.type === 'shipped')) duplicates += 1;
        const shipmentIds = new Set(
          event.lineItems.map((l) => items.find((i) => i.itemId === l.id)?.shipmentId),
        );
        for (const s of order.shipments ?? [])
          if (shipmentIds.has(s.shipmentId)) s.trackingNumber = event.trackingNumber;
      }
      list.push(structuredClone(event));
      events.set(orderNo, list);
    },
  };
  for (const order of initial) fake.add(order);
  return fake;
}
