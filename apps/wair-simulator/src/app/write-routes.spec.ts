import request from 'supertest';
import { createLogger } from '@wair-sfcc/observability';
import type { WairSale } from '@wair-sfcc/order-domain';
import { loadConfig } from './config';
import { createSimulator } from './simulator';
import { createSimulatorHttp } from './simulator-http';

async function setup(env: Record<string, string> = {}) {
  let now = Date.UTC(2026, 0, 1);
  const config = loadConfig({
    SKU_COUNT: '10',
    CHANGES_PER_SECOND: '0',
    FULFILMENT_DELAY_MS: '60000',
    FULFILMENT_SPLIT_RATE: '0',
    BATCH_IDLE_TIMEOUT_SECONDS: '120',
    ...env,
  });
  const sim = createSimulator(config, createLogger({ app: 'wair-simulator', level: 'silent' }), () => now);
  sim.start();
  sim.stop();
  const app = createSimulatorHttp(sim, config);
  const token = (
    await request(app)
      .post('/Token')
      .set('X-Tenant', 'sim-tenant')
      .send({ username: 'sim-user', password: 'sim-password' })
  ).body.accessToken as string;
  const post = (path: string, body?: unknown) =>
    request(app)
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Tenant', 'sim-tenant')
      .send(body as object);
  // SKUs with enough WEB01 stock that a reservation is not clamped by onHand.
  const stocked = sim.model
    .changedSince(undefined)
    .filter((r) => r.locationCode === 'WEB01' && r.onHand - r.reserved >= 10)
    .map((r) => r.skuCode);
  const web = (sku: string) => sim.model.get(sku, 'WEB01')!;
  return { app, sim, post, token, stocked, web, advance: (ms: number) => (now += ms) };
}

function sale(id: string, lines: Array<[string, number]>, extra: Partial<WairSale> = {}): WairSale {
  return {
    id,
    code: id,
    saleType: 'ONLINE_ORDER',
    originalSaleId: null,
    locationCode: 'WEB01',
    channelCode: 'WEB',
    saleDateTime: '2026-01-01T00:00:00.000Z',
    currencyCode: 'GBP',
    totalAmount: 10,
    customer: { code: null, name: 'Test Buyer', email: 'buyer@example.com', phone: null },
    deliveryAddress: null,
    invoiceAddress: null,
    lines: lines.map(([skuCode, quantity], i) => ({
      id: `${id}-${i}`,
      lineNumber: i + 1,
      skuCode,
      quantity,
      unitPrice: 5,
      lineAmount: 5 * quantity,
    })),
    ...extra,
  };
}

describe('wair-simulator write side', () => {
  it('answers writes outside a started batch with 409 and a JSON error; start is idempotent', async () => {
    const { post, sim, stocked } = await setup();
    const refused = await post('/Sales', [sale('O1', [[stocked[0]!, 1]])]);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: 'no_batch_started',
      message: expect.stringContaining('Batch/start'),
    });
    expect((await post('/StockNotForReplenishment', { fullLoad: false, records: [] })).status).toBe(409);
    expect((await post('/Batch/stop')).status).toBe(409);
    const first = (await post('/Batch/start').expect(200)).body;
    const again = (await post('/Batch/start').expect(200)).body;
    expect(again.replaced).toBe(first.batchId);
    await post('/Sales', [sale('O1', [[stocked[0]!, 1]])]).expect(200);
    await post('/Batch/stop').expect(200);
    expect(sim.batch.counters).toMatchObject({ started: 2, restarted: 1, stopped: 1 });
    expect((await post('/Sales', [])).status).toBe(409);
  });

  it('expires a batch left idle past the timeout', async () => {
    const { post, advance } = await setup();
    await post('/Batch/start').expect(200);
    advance(121_000);
    const expired = await post('/Sales', []);
    expect(expired.status).toBe(409);
    expect(expired.body.error).toBe('batch_expired');
    await post('/Batch/start').expect(200);
    await post('/Sales', []).expect(200);
  });

  it('reserves stock once per sale id, however often it is sent', async () => {
    const { post, sim, stocked, web } = await setup();
    const [a, b] = stocked as [string, string];
    const before = { a: web(a).reserved, b: web(b).reserved };
    await post('/Batch/start');
    const body = [
      sale('O1', [
        [a, 2],
        [b, 1],
      ]),
    ];
    const res = await post('/Sales', body).expect(200);
    const reservedDateTime = web(a).modifiedDateTime;
    expect(res.body).toEqual({ results: [{ id: 'O1', accepted: true, reservedDateTime }] });
    const repeat = await post('/Sales', body).expect(200);
    // A client that lost the first answer learns when the figures began to hold the sale.
    expect(repeat.body.results[0].reservedDateTime).toBe(reservedDateTime);
    await post('/Sales', [...body, ...body]).expect(200);
    expect(web(a).reserved).toBe(before.a + 2);
    expect(web(a).available).toBe(web(a).onHand - web(a).reserved);
    expect(web(b).reserved).toBe(before.b + 1);
    expect(sim.orders.sale('O1')).toMatchObject({ acceptedPosts: 4, status: 'OPEN' });
    expect(sim.orders.counters).toMatchObject({ ordersAccepted: 1, salePostsAccepted: 4, repeatsIgnored: 3 });
    // A full-object resend with other lines moves the reservation instead of adding to it.
    const moved = await post('/Sales', [sale('O1', [[a, 1]])]).expect(200);
    expect(web(a).reserved).toBe(before.a + 1);
    expect(web(b).reserved).toBe(before.b);
    const newest = [web(a).modifiedDateTime, web(b).modifiedDateTime].sort().at(-1);
    expect(moved.body.results[0].reservedDateTime).toBe(newest);
  });

  it('rejects unknown SKUs, zero quantities and bad shapes with the field path', async () => {
    const { post, sim, stocked } = await setup();
    await post('/Batch/start');
    const res = await post('/Sales', [
      sale('BAD1', [
        [stocked[0]!, 1],
        ['NOPE-1', 1],
      ]),
      sale('BAD2', [[stocked[0]!, 0]]),
      { id: 'BAD3', lines: [] },
      sale('BAD4', [[stocked[0]!, 1]], { locationCode: 'ZZ99' }),
      sale('GOOD', [[stocked[0]!, 1]]),
    ]).expect(200);
    expect(res.body.results).toEqual([
      { id: 'BAD1', accepted: false, reason: 'lines[1].skuCode: unknown SKU "NOPE-1"' },
      { id: 'BAD2', accepted: false, reason: 'lines[0].quantity: must not be 0' },
      { id: 'BAD3', accepted: false, reason: expect.stringMatching(/^code: /) },
      { id: 'BAD4', accepted: false, reason: 'locationCode: unknown location "ZZ99"' },
      { id: 'GOOD', accepted: true, reservedDateTime: expect.any(String) },
    ]);
    expect(sim.orders.counters.rejected).toBe(4);
    expect(sim.orders.sale('BAD1')).toBeUndefined();
    const notArray = await post('/Sales', { id: 'x' });
    expect(notArray.status).toBe(400);
    expect(notArray.body.error).toBe('invalid_request');
  });

  it('releases stock on a cancellation and dispatches only what is left', async () => {
    const { post, sim, stocked, web, advance } = await setup();
    const [a, b] = stocked as [string, string];
    const before = { a: web(a), b: web(b) };
    await post('/Batch/start');
    await post('/Sales', [
      sale('O2', [
        [a, 2],
        [b, 3],
      ]),
    ]).expect(200);
    const cancel = sale('O2-CANCEL', [[b, -3]], { saleType: 'ONLINE_CANCELLATION', originalSaleId: 'O2' });
    const res = await post('/Sales', [cancel, cancel]).expect(200);
    expect(res.body.results.every((r: { accepted: boolean }) => r.accepted)).toBe(true);
    expect(web(b).reserved).toBe(before.b.reserved);
    expect(sim.orders.counters.cancellations).toBe(1);
    advance(60_000);
    const shipped = sim.orders.fulfilDue();
    expect(shipped.flatMap((d) => d.lines)).toEqual([{ skuCode: a, quantity: 2 }]);
    expect(web(a)).toMatchObject({ onHand: before.a.onHand - 2, reserved: before.a.reserved });
    expect(web(b).onHand).toBe(before.b.onHand);
    const late = sale('O2-CANCEL2', [[a, -1]], { saleType: 'ONLINE_CANCELLATION', originalSaleId: 'O2' });
    expect((await post('/Sales', [late])).body.results[0]).toEqual({
      id: 'O2-CANCEL2',
      accepted: false,
      reason: 'originalSaleId: sale "O2" is already dispatched',
    });
  });

  it('dispatches after the configured delay, split into parcels with tracking, on the feed', async () => {
    const { app, post, token, sim, stocked, web, advance } = await setup({ FULFILMENT_SPLIT_RATE: '1' });
    const [a, b, c] = stocked as [string, string, string];
    const before = web(a);
    await post('/Batch/start');
    await post('/Sales', [
      sale('O3', [
        [a, 1],
        [b, 1],
        [c, 2],
      ]),
    ]).expect(200);
    advance(59_999);
    expect(sim.orders.fulfilDue()).toEqual([]);
    advance(1);
    const shipped = sim.orders.fulfilDue();
    expect(shipped).toHaveLength(3);
    for (const d of shipped)
      expect(d).toMatchObject({
        orderNumber: 'O3',
        carrier: expect.any(String),
        trackingNumber: expect.stringMatching(/^TRK/),
        trackingUrl: expect.stringContaining(d.trackingNumber),
      });
    expect(shipped.flatMap((d) => d.lines)).toEqual([
      { skuCode: a, quantity: 1 },
      { skuCode: b, quantity: 1 },
      { skuCode: c, quantity: 2 },
    ]);
    expect(web(a)).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved });
    expect(sim.orders.sale('O3')?.status).toBe('DISPATCHED');
    expect(sim.orders.fulfilDue()).toEqual([]);
    const feed = await request(app)
      .get('/api/v1/Dispatches?Limit=1000')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Tenant', 'sim-tenant');
    expect(feed.body.records.filter((d: { orderNumber: string }) => d.orderNumber === 'O3')).toHaveLength(3);
    await request(app).put('/__sim/fulfilment').send({ delayMs: 5 }).expect(200);
    expect(sim.orders.settings.delayMs).toBe(5);
  });

  it('stores StockNotForReplenishment rows, replacing all on fullLoad, and rejects bad rows', async () => {
    const { app, post, stocked } = await setup();
    await post('/Batch/start');
    const row = (id: string, quantity: number) => ({
      id,
      orderNumber: 'O1',
      skuCode: stocked[0],
      locationCode: 'WEB01',
      quantity,
    });
    await post('/StockNotForReplenishment', { fullLoad: false, records: [row('a', 1), row('b', 2)] }).expect(
      200,
    );
    await post('/StockNotForReplenishment', { fullLoad: false, records: [row('a', 0)] }).expect(200);
    await post('/StockNotForReplenishment', { fullLoad: true, records: [row('c', 1)] }).expect(200);
    const bad = await post('/StockNotForReplenishment', {
      fullLoad: false,
      records: [{ ...row('d', 1), skuCode: 'NOPE-1' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_request', field: 'records[0].skuCode' });
    const sim = (await request(app).get('/__sim/sales')).body;
    expect(sim.stockNotForReplenishment.map((r: { id: string }) => r.id)).toEqual(['c']);
    expect(sim.counters).toMatchObject({ snfrRows: 4, snfrFullLoads: 1 });
  });

  it('applies fault injection to the write endpoints, including answers lost after the work', async () => {
    const { app, post, sim, stocked } = await setup();
    await request(app).put('/__sim/faults').send({ error503Rate: 1 }).expect(200);
    expect((await post('/Batch/start')).status).toBe(503);
    expect((await post('/Sales', [])).status).toBe(503);
    await request(app).put('/__sim/faults').send({ error503Rate: 0, lostAnswerRate: 1 }).expect(200);
    await expect(post('/Batch/start')).rejects.toThrow();
    await expect(post('/Sales', [sale('LOST', [[stocked[0]!, 1]])])).rejects.toThrow();
    expect(sim.orders.sale('LOST')?.status).toBe('OPEN');
    expect(sim.faults.counters.answersLost).toBe(2);
  });
});
