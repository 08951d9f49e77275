import { createSeededRandom } from '@wair-sfcc/sim-catalogue';
import type { InventoryStore } from '../inventory/inventory-store';
import type { OrderStore, SimAddress, SimOrder } from './order-store';

const FIRST = ['Ada', 'Bram', 'Chloé', 'Dev', 'Eva', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas'];
const LAST = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos'];
const CITIES = ['Amsterdam', 'Utrecht', 'Rotterdam', 'Leiden', 'Haarlem'];

export interface StorefrontOptions {
  inventory: InventoryStore;
  orders: OrderStore;
  seed: string;
  siteId: string;
  listId: string;
  now: () => number;
}

export type PlaceResult = { ok: true; order: SimOrder } | { ok: false; reason: string };

/**
 * The shopper side: orders are accepted only when ats covers the quantity (perpetual records
 * always sell), as a real storefront's availability check does, and are recorded with their time.
 */
export function createStorefront(options: StorefrontOptions) {
  const random = createSeededRandom(`storefront:${options.seed}`);
  const person = () => {
    const firstName = random.pick(FIRST);
    const lastName = random.pick(LAST);
    const address: SimAddress = {
      firstName,
      lastName,
      address1: `${random.pick(['Dorpsstraat', 'Kerkweg', 'Stationsplein'])} ${random.int(1, 200)}`,
      city: random.pick(CITIES),
      postalCode: `${random.int(1000, 9999)} AB`,
      countryCode: 'NL',
    };
    return { firstName, lastName, address };
  };

  const available = (listId: string, productId: string): number => {
    const record = options.inventory.get(listId, productId);
    if (!record) return 0;
    // Perpetual means the storefront never runs out, whatever the allocation (even 0) says.
    return record.perpetual ? Number.POSITIVE_INFINITY : options.inventory.figures(record).ats;
  };

  /**
   * Places an order. Lines without a product id or with quantity 0 exist only for tests of the
   * consumers' validation: they skip the availability check and count in no turnover.
   */
  function place(
    lines: Array<{ productId?: string; quantity: number; listId?: string }>,
    force = false,
  ): PlaceResult {
    if (lines.length === 0) return { ok: false, reason: 'an order needs at least one line' };
    const short = lines.find(
      (l) =>
        l.productId !== undefined &&
        l.quantity > 0 &&
        available(l.listId ?? options.listId, l.productId) < l.quantity,
    );
    if (short && !force)
      return { ok: false, reason: `ats of ${short.productId} does not cover ${short.quantity}` };
    const orderNo = options.orders.nextOrderNo();
    const { firstName, lastName, address } = person();
    const order = options.orders.add({
      orderNo,
      creationDate: new Date(options.now()).toISOString(),
      status: 'new',
      exportStatus: 'ready',
      siteId: options.siteId,
      productItems: lines.map((l, i) => ({
        itemId: `${orderNo}-${i + 1}`,
        ...(l.productId === undefined ? {} : { productId: l.productId }),
        quantity: l.quantity,
        inventoryListId: l.listId ?? options.listId,
      })),
      customerInfo: {
        customerName: `${firstName} ${lastName}`,
        email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
      },
      billingAddress: address,
      shippingAddress: address,
      oversold: short !== undefined,
    });
    return { ok: true, order };
  }

  /** Cancels an order as a customer-service agent would; shipped or completed orders refuse. */
  function cancel(orderNo: string): { ok: true; order: SimOrder } | { ok: false; reason: string } {
    const order = options.orders.get(orderNo);
    if (!order) return { ok: false, reason: `no order ${orderNo}` };
    if (order.status === 'completed' || order.shippingStatus !== 'not_shipped')
      return { ok: false, reason: `order ${orderNo} is ${order.status}/${order.shippingStatus}` };
    order.status = 'cancelled';
    order.lastModified = new Date(options.now()).toISOString();
    return { ok: true, order };
  }

  /** One generator tick: a random in-stock SKU of the storefront's list, quantity 1-2. */
  function placeRandom(): PlaceResult {
    const page = options.inventory.page(options.listId, 0, Number.MAX_SAFE_INTEGER);
    const candidates = (page?.records ?? []).filter((r) => available(options.listId, r.productId) >= 1);
    if (candidates.length === 0) return { ok: false, reason: 'nothing in stock' };
    const record = random.pick(candidates);
    const quantity = Math.min(random.int(1, 2), available(options.listId, record.productId));
    return place([{ productId: record.productId, quantity }]);
  }

  let timer: NodeJS.Timeout | undefined;
  let perMinute = 0;
  return {
    place,
    cancel,
    placeRandom,
    get ordersPerMinute(): number {
      return perMinute;
    },
    /** Starts, changes or (0) stops the generator. */
    setRate(ordersPerMinute: number): void {
      perMinute = ordersPerMinute;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (ordersPerMinute > 0) {
        timer = setInterval(() => void placeRandom(), Math.max(10, 60_000 / ordersPerMinute));
        timer.unref();
      }
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

export type Storefront = ReturnType<typeof createStorefront>;
