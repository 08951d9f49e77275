import type { OrderDispatches } from '@wair-sfcc/contracts';
import { waitFor } from '@wair-sfcc/kafka/testing';
import type { BridgeProcess } from './testing/bridge-process';
import { countBy, sfccRequests, wairCounters, writesOf } from './testing/order-flow-figures';
import { startOrderFlow, type OrderFlowEnv, type SimOrder } from './testing/order-flow-env';
import { groupAtEnd } from './testing/topic-scan';

const ORDERS = 2_000;
const WAVES = 4;

/** Deterministic 1–3 distinct SKUs of 1–2 units each. */
function linesFor(i: number, skus: readonly string[]) {
  const n = 1 + (i % 3);
  return Array.from({ length: n }, (_, k) => ({
    productId: skus[(i * 7 + k * 13) % skus.length] as string,
    quantity: 1 + ((i + k) % 2),
  }));
}

async function readTable<V>(env: OrderFlowEnv, topic: string): Promise<Map<string, V>> {
  const table = env.runtime.tableReader<V>({ topic });
  await table.start();
  try {
    await table.caughtUp();
    return new Map(table.entries());
  } finally {
    await table.stop();
  }
}

/**
 * Issue 6, the main run: 2,000 storefront orders placed in four waves against both simulators
 * with about 30 % of WAIR and SFCC calls failing (500, 503, 429, resets, WAIR lost answers) and
 * the bridge process SIGKILLed twice while it works. Dispatches take the real path: WAIR
 * simulator → wair-ingest → wair.dispatches.v1 → bridge → SCAPI. Time-compressed: fulfilment
 * after 300 ms, poll and retry intervals in the hundreds of milliseconds.
 */
describe('order flow under faults and SIGKILLs (both simulators, wair-ingest, bridge processes)', () => {
  let env: OrderFlowEnv;
  let bridge: BridgeProcess | undefined;
  const placed: SimOrder[] = [];
  const started = Date.now();
  const progress = (what: string) =>
    process.stdout.write(`order-flow faults: ${what} after ${Math.round((Date.now() - started) / 1000)} s\n`);

  beforeAll(async () => {
    env = await startOrderFlow({
      prefix: 'odb-faults',
      wair: { FULFILMENT_DELAY_MS: '300', FULFILMENT_SPLIT_RATE: '0.3' },
    });
  }, 180_000);

  afterAll(async () => {
    await env?.stop();
  });

  async function placeWave(wave: number): Promise<void> {
    const per = ORDERS / WAVES;
    const queue = Array.from({ length: per }, (_, i) => wave * per + i);
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift())
        placed.push(await env.placeOrder(linesFor(i, env.skus)));
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  const exportedCount = async () =>
    [...(await env.sfccOrders()).values()].filter((o) => o.exportStatus === 'exported').length;
  const shippedCount = async () =>
    [...(await env.sfccOrders()).values()].filter((o) => o.shippingStatus === 'shipped').length;

  it('accepts every order in WAIR once, exports it, confirms every dispatch once', async () => {
    await env.sfcc.put('/__sim/faults', {
      errorRates: { '500': 0.2, '503': 0.04 },
      resetRate: 0.06,
      rateLimit: { ratePerSecond: 100, burst: 30 },
    });
    await env.wair.put('/__sim/faults', {
      error500Rate: 0.07,
      error503Rate: 0.06,
      rate429: 0.04,
      retryAfterSeconds: 1,
      dropRate: 0.05,
      lostAnswerRate: 0.08,
    });
    // A 503 halves the bridge's SCAPI rate (load shedding) down to a twentieth of the ceiling: a
    // high ceiling keeps that floor above what the simulator's 429 bucket lets through.
    const bridgeEnv = {
      LOG_LEVEL: 'warn',
      WAIR_MAX_RETRIES: '10',
      ORDER_MAX_PER_ROUND: '400',
      SFCC_RATE_PER_SEC: '2000',
      // Time compression: backoff between SCAPI retries at most 100 ms.
      SFCC_RETRY_MAX_MS: '100',
    };
    bridge = await env.startBridge(bridgeEnv);

    await placeWave(0);
    // SIGKILL while orders are being handed over and dispatches confirmed.
    await waitFor('first wave under way', async () => (await exportedCount()) >= 150, 120_000, 100);
    progress('first wave under way');
    await waitFor('dispatches confirmed', async () => (await env.emails()).total >= 20, 60_000, 100);
    expect(await env.killBridge(bridge)).toEqual({ code: null, signal: 'SIGKILL' });
    await placeWave(1);
    bridge = await env.startBridge(bridgeEnv);
    await placeWave(2);
    await waitFor('third wave under way', async () => (await exportedCount()) >= 1_100, 240_000, 100);
    progress('third wave under way');
    expect(await env.killBridge(bridge)).toEqual({ code: null, signal: 'SIGKILL' });
    await placeWave(3);
    bridge = await env.startBridge(bridgeEnv);

    await waitFor('every order exported', async () => (await exportedCount()) === ORDERS, 240_000, 250);
    progress('every order exported');
    await waitFor('every order shipped', async () => (await shippedCount()) === ORDERS, 240_000, 250);
    progress('every order shipped');

    // WAIR: one sale per order, its lines reserved once, dispatched.
    const mine = new Set(placed.map((o) => o.orderNo));
    const { counters, sales } = await env.wairSales();
    const orderSales = sales.filter((s) => s.saleType === 'ONLINE_ORDER');
    expect(orderSales.map((s) => s.code).sort()).toEqual([...mine].sort());
    expect(counters['ordersAccepted']).toBe(ORDERS);
    expect(counters['rejected']).toBe(0);
    expect(counters['cancellations']).toBe(0);
    expect(counters['ordersDispatched']).toBe(ORDERS);
    const byNo = new Map(placed.map((o) => [o.orderNo, o]));
    for (const sale of orderSales) {
      const order = byNo.get(sale.code) as SimOrder;
      expect([sale.id, sale.status, sale.lines]).toEqual([
        order.orderNo,
        'DISPATCHED',
        Object.fromEntries(order.productItems.map((l) => [l.productId, l.quantity])),
      ]);
    }

    // SFCC: exported, shipped, one e-mail per WAIR dispatch and none twice.
    const dispatches = await readTable<OrderDispatches>(env, env.topics.dispatches);
    const final = await env.sfccOrders();
    const emails = await env.emails();
    expect(emails.duplicates).toBe(0);
    let parcels = 0;
    for (const orderNo of mine) {
      const order = final.get(orderNo) as SimOrder;
      const od = dispatches.get(orderNo);
      expect([order.exportStatus, order.shippingStatus, order.shipments[0]?.trackingNumber]).toEqual([
        'exported',
        'shipped',
        expect.stringMatching(/^TRK/),
      ]);
      expect(emails.byOrder[orderNo]).toEqual({ emails: od?.dispatches.length, duplicates: 0 });
      parcels += od?.dispatches.length ?? 0;
    }
    const eventIds = emails.emails.map((e) => e.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    expect(emails.total).toBe(parcels);

    const requests = await sfccRequests(env.sfcc);
    const wc = await wairCounters(env.wair);
    const sfccCalls = countBy(requests, () => true);
    const sfccStatus = (s: number) => countBy(requests, (r) => r.status === s);
    const wairCalls = Object.values(wc.requests).reduce((a, b) => a + b, 0);
    const sfccFailed = sfccStatus(500) + sfccStatus(503) + sfccStatus(429) + sfccStatus(0);
    const wairFailed = ['error500', 'error503', 'rate429', 'dropped', 'answersLost'].reduce(
      (n, k) => n + (wc.faults[k] ?? 0),
      0,
    );
    const accepted = orderSales.map((s) => s.acceptedPosts);
    process.stdout.write(
      `order-flow faults: ${ORDERS} orders (${parcels} parcels, ${parcels - ORDERS} extra from splits) in ` +
        `${Math.round((Date.now() - started) / 1000)} s, 2 SIGKILLs; SCAPI Orders ${sfccCalls} calls ` +
        `(${Math.round((100 * sfccFailed) / sfccCalls)} % failed — 500: ${sfccStatus(500)}, 503: ${sfccStatus(503)}, ` +
        `429: ${sfccStatus(429)}, reset: ${sfccStatus(0)}; ` +
        `writes ${JSON.stringify(writesOf(requests))}); WAIR ${wairCalls} calls (${Math.round((100 * wairFailed) / wairCalls)} % ` +
        `failed or answer lost: ${JSON.stringify(wc.faults)}); ` +
        `sale posts accepted ${counters['salePostsAccepted']}, repeats ignored ${counters['repeatsIgnored']}, ` +
        `orders posted more than once ${accepted.filter((n) => n > 1).length} (max ${Math.max(...accepted)}); ` +
        `batches ${JSON.stringify(wc.batches)}; e-mails ${emails.total}, duplicates ${emails.duplicates}\n`,
    );
    // Every fault kind really happened, else this run proves nothing.
    for (const s of [500, 503, 429, 0]) expect(sfccStatus(s)).toBeGreaterThan(0);
    for (const kind of ['error500', 'error503', 'rate429', 'dropped', 'answersLost'])
      expect(wc.faults[kind]).toBeGreaterThan(0);
    expect(accepted.some((n) => n > 1)).toBe(true);
  }, 900_000);

  it('changes nothing in either system when a fresh bridge replays both topics from offset 0', async () => {
    expect(bridge).toBeDefined();
    await env.killBridge(bridge as BridgeProcess, 'SIGTERM');
    await env.sfcc.put('/__sim/faults', {
      errorRates: { '500': 0, '503': 0 },
      resetRate: 0,
      rateLimit: null,
    });
    await env.wair.put('/__sim/faults', {
      error500Rate: 0,
      error503Rate: 0,
      rate429: 0,
      dropRate: 0,
      lostAnswerRate: 0,
    });
    const before = {
      orders: await env.sfccOrders(),
      emails: await env.emails(),
      writes: writesOf(await sfccRequests(env.sfcc)),
      wair: (await env.wairSales()).counters,
      batches: (await wairCounters(env.wair)).batches['started'],
    };
    const lists = async () =>
      countBy(await sfccRequests(env.sfcc), (r) => r.endpoint === 'scapi.orders' && r.status === 200);
    const listsBefore = await lists();
    // A new consumer group: wair.dispatches.v1 is read from offset 0, sfcc.orders.v1 and
    // sfcc.fulfilment.v1 are rebuilt from offset 0 at start, as after a reset.
    const group = `${env.run}.replay`;
    bridge = await env.startBridge({ LOG_LEVEL: 'warn', KAFKA_GROUP_ID: group });
    await waitFor(
      'dispatches replayed',
      () => groupAtEnd(env.runtime, group, env.topics.dispatches),
      60_000,
      250,
    );
    await waitFor('three more capture rounds', async () => (await lists()) >= listsBefore + 3, 30_000, 100);

    expect(writesOf(await sfccRequests(env.sfcc))).toEqual(before.writes);
    expect(await env.emails()).toEqual(before.emails);
    expect(await env.sfccOrders()).toEqual(before.orders);
    expect((await env.wairSales()).counters).toEqual(before.wair);
    expect((await wairCounters(env.wair)).batches['started']).toBe(before.batches);
  }, 120_000);
});
