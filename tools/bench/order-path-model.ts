import { summarize, type Distribution } from './stats';

/** A storefront order as the SFCC simulator recorded it. */
export interface PlacedOrder {
  orderNo: string;
  createdAt: number;
  shippingStatus: string;
}

/** A sale as the WAIR simulator recorded it (`id` = the SFCC order number). */
export interface WairSaleRecord {
  id: string;
  acceptedAt: number;
  /** Posts WAIR accepted with this id; more than 1 is a resend WAIR absorbed (no second reservation). */
  acceptedPosts: number;
}

/** A parcel as the WAIR simulator dispatched it. */
export interface WairParcel {
  dispatchId: string;
  orderNumber: string;
  dispatchedAt: number;
}

/** A `shipped` fulfilment event SFCC recorded (one dispatch e-mail each; `eventId` = WAIR dispatch id). */
export interface SfccShipmentEvent {
  orderNo: string;
  eventId: string;
  at: number;
}

export interface OrderPathFigures {
  placed: number;
  /** Orders of the run WAIR holds a sale for. */
  reachedWair: number;
  /** Orders WAIR dispatched (at least one parcel). */
  dispatched: number;
  parcels: number;
  /** Parcels SFCC recorded a shipment event for. */
  parcelsConfirmed: number;
  /** Orders SFCC shows `shipped`. */
  ordersShipped: number;
  /** Shipment events SFCC received a second time for the same parcel (each a second e-mail): must be 0. */
  duplicateEmails: number;
  /** Sales WAIR received for no order of the run: must be 0. */
  unknownSales: number;
  /** Sale posts WAIR absorbed as repeats of an id it already held (harmless: no second reservation). */
  repeatedSalePosts: number;
  /** WAIR sale accepted − SFCC order created, per order (ms). */
  captureDelay: Distribution | null;
  /** SFCC shipment event − WAIR dispatch, per parcel, first event only (ms). */
  confirmationDelay: Distribution | null;
}

/**
 * The order path's figures from the two simulators' own records: the capture delay per order
 * and the dispatch-confirmation delay per parcel, with the counts that show nothing was lost or
 * done twice. Only the run's orders count; WAIR sales, parcels and SFCC events of other orders
 * are ignored (a sale of an unknown order is counted as such).
 */
export function orderPathFigures(input: {
  orders: readonly PlacedOrder[];
  sales: readonly WairSaleRecord[];
  parcels: readonly WairParcel[];
  events: readonly SfccShipmentEvent[];
}): OrderPathFigures {
  const created = new Map(input.orders.map((o) => [o.orderNo, o.createdAt]));
  const captureDelays: number[] = [];
  let repeatedSalePosts = 0;
  let unknownSales = 0;
  const reached = new Set<string>();
  for (const sale of input.sales) {
    const at = created.get(sale.id);
    if (at === undefined) {
      unknownSales += 1;
      continue;
    }
    reached.add(sale.id);
    captureDelays.push(sale.acceptedAt - at);
    repeatedSalePosts += Math.max(0, sale.acceptedPosts - 1);
  }
  const firstEvent = new Map<string, number>();
  for (const e of input.events) {
    const key = `${e.orderNo}\u0000${e.eventId}`;
    const seen = firstEvent.get(key);
    if (seen === undefined || e.at < seen) firstEvent.set(key, e.at);
  }
  // Every event beyond the first of its parcel is a second e-mail (what the simulator flags).
  const duplicateEmails = input.events.length - firstEvent.size;
  const ours = input.parcels.filter((p) => created.has(p.orderNumber));
  const confirmationDelays: number[] = [];
  for (const p of ours) {
    const at = firstEvent.get(`${p.orderNumber}\u0000${p.dispatchId}`);
    if (at !== undefined) confirmationDelays.push(at - p.dispatchedAt);
  }
  return {
    placed: input.orders.length,
    reachedWair: reached.size,
    dispatched: new Set(ours.map((p) => p.orderNumber)).size,
    parcels: ours.length,
    parcelsConfirmed: confirmationDelays.length,
    ordersShipped: input.orders.filter((o) => o.shippingStatus === 'shipped').length,
    duplicateEmails,
    unknownSales,
    repeatedSalePosts,
    captureDelay: summarize(captureDelays),
    confirmationDelay: summarize(confirmationDelays),
  };
}

/**
 * Whether the path has run dry for the run's orders: every order reached WAIR, was dispatched and
 * shows `shipped` in SFCC, and every parcel has its shipment event.
 */
export function isOrderPathComplete(f: OrderPathFigures): boolean {
  return (
    f.placed > 0 &&
    f.reachedWair === f.placed &&
    f.dispatched === f.placed &&
    f.parcelsConfirmed === f.parcels &&
    f.ordersShipped === f.placed
  );
}
