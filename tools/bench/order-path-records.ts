import type { PlacedOrder, SfccShipmentEvent, WairParcel, WairSaleRecord } from './order-path-model';

async function getJson<T>(base: string, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} → HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * What the order path's figures are read from: the SFCC simulator's orders, shipment events and
 * SCAPI Orders counters, and the WAIR simulator's sales and parcels. Only non-personal fields are
 * kept (the simulators' orders carry fake customer data, which the bench never stores or prints).
 */
export function orderPathRecords(sfccUrl: string, wairUrl: string) {
  return {
    /** Places one storefront order (forced past the ats check: SFCC holds no stock in this phase). */
    async place(lines: Array<{ productId: string; quantity: number }>): Promise<void> {
      await getJson(sfccUrl, '/__sim/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lines, force: true }),
      });
    },
    async orders(): Promise<PlacedOrder[]> {
      const { orders } = await getJson<{
        orders: Array<{ orderNo: string; creationDate: string; shippingStatus: string }>;
      }>(sfccUrl, '/__sim/orders');
      return orders.map((o) => ({
        orderNo: o.orderNo,
        createdAt: Date.parse(o.creationDate),
        shippingStatus: o.shippingStatus,
      }));
    },
    async events(): Promise<SfccShipmentEvent[]> {
      const { emails } = await getJson<{ emails: Array<{ orderNo: string; eventId: string; at: string }> }>(
        sfccUrl,
        '/__sim/orders/dispatch-emails',
      );
      return emails.map((e) => ({ orderNo: e.orderNo, eventId: e.eventId, at: Date.parse(e.at) }));
    },
    /** SCAPI Orders requests SFCC answered (every method and status), the bridge's SFCC spend. */
    async scapiOrderCalls(): Promise<{ total: number; failed: number }> {
      const { requests } = await getJson<{
        requests: Array<{ endpoint: string; status: number; count: number }>;
      }>(sfccUrl, '/__sim/requests');
      const orders = requests.filter((r) => r.endpoint.startsWith('scapi.order'));
      return {
        total: orders.reduce((n, r) => n + r.count, 0),
        failed: orders.filter((r) => r.status >= 400).reduce((n, r) => n + r.count, 0),
      };
    },
    async sales(): Promise<WairSaleRecord[]> {
      const { sales } = await getJson<{
        sales: Array<{ id: string; saleType: string; acceptedAt: string; acceptedPosts: number }>;
      }>(wairUrl, '/__sim/sales');
      return sales
        .filter((s) => s.saleType === 'ONLINE_ORDER')
        .map((s) => ({ id: s.id, acceptedAt: Date.parse(s.acceptedAt), acceptedPosts: s.acceptedPosts }));
    },
    async parcels(): Promise<WairParcel[]> {
      const { dispatches } = await getJson<{
        dispatches: Array<{ dispatchId: string; orderNumber: string; dispatchedDateTime: string }>;
      }>(wairUrl, '/__sim/dispatches');
      return dispatches.map((d) => ({
        dispatchId: d.dispatchId,
        orderNumber: d.orderNumber,
        dispatchedAt: Date.parse(d.dispatchedDateTime),
      }));
    },
    /** Shipment events SFCC recorded so far (every parcel's first and any repeat). */
    async eventCount(): Promise<number> {
      return (await getJson<{ total: number }>(sfccUrl, '/__sim/orders/dispatch-emails')).total;
    },
    /** WAIR's sale and parcel counters: cheap to read while waiting. */
    async wairCounters(): Promise<{ ordersAccepted: number; ordersDispatched: number; parcels: number }> {
      const { sales, dispatches } = await getJson<{
        sales: { ordersAccepted: number; ordersDispatched: number };
        dispatches: number;
      }>(wairUrl, '/__sim/counters');
      return {
        ordersAccepted: sales.ordersAccepted,
        ordersDispatched: sales.ordersDispatched,
        parcels: dispatches,
      };
    },
  };
}

export type OrderPathRecords = ReturnType<typeof orderPathRecords>;
