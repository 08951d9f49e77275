import { createLogger } from '@wair-sfcc/observability';
import { isUpstreamCallError, type WairSale } from '@wair-sfcc/order-domain';
import { createWairSalesClient } from '@wair-sfcc/wair-client';
import { loadConfig } from './config';
import { createApp, type SimulatorApp } from './create-app';

// The real simulator in-process on a free loopback port, driven by the real write client.
describe('wair-client against wair-simulator', () => {
  let app: SimulatorApp;
  let retries = 0;
  const client = () =>
    createWairSalesClient({
      baseUrl: app.url(),
      tenant: 'sim-tenant',
      username: 'sim-user',
      password: 'sim-password',
      maxAttempts: 12,
      initialDelayMs: 1,
      maxDelayMs: 5,
      onRetry: () => void (retries += 1),
    });
  const control = (path: string, body: unknown) =>
    fetch(`${app.url()}/__sim${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeEach(async () => {
    retries = 0;
    const config = loadConfig({
      OPS_PORT: '0',
      SKU_COUNT: '20',
      CHANGES_PER_SECOND: '0',
      FULFILMENT_DELAY_MS: '3600000',
    });
    app = createApp({ config, logger: createLogger({ app: 'wair-simulator', level: 'silent' }) });
    await app.start();
  });
  afterEach(() => app.stop());

  const order = (n: number, skuCode: string): WairSale => ({
    id: `SO${n}`,
    code: `SO${n}`,
    saleType: 'ONLINE_ORDER',
    originalSaleId: null,
    locationCode: 'WEB01',
    channelCode: 'WEB',
    saleDateTime: '2026-01-01T00:00:00.000Z',
    currencyCode: 'GBP',
    totalAmount: 10,
    customer: { code: null, name: null, email: null, phone: null },
    deliveryAddress: null,
    invoiceAddress: null,
    lines: [{ id: `SO${n}-1`, lineNumber: 1, skuCode, quantity: 1, unitPrice: 10, lineAmount: 10 }],
  });

  it('lands every sale exactly once through 500/503/429/drops/lost answers and a token expiry', async () => {
    const sim = app.sim;
    // SKUs with room for the reservations (the stock model caps reserved at onHand).
    const skus = sim.catalogue.skus
      .map((s) => s.sku)
      .filter((s) => {
        const row = sim.model.get(s, 'WEB01');
        return row !== undefined && row.onHand - row.reserved >= 10;
      });
    expect(skus.length).toBeGreaterThan(5);
    const reservedBefore = skus.reduce((n, s) => n + (sim.model.get(s, 'WEB01')?.reserved ?? 0), 0);
    await control('/faults', {
      error500Rate: 0.1,
      error503Rate: 0.1,
      rate429: 0.1,
      retryAfterSeconds: 0,
      dropRate: 0.1,
      lostAnswerRate: 0.1,
    });
    const wair = client();
    const all = Array.from({ length: 60 }, (_, i) => order(i, skus[i % skus.length] as string));
    for (let cycle = 0; cycle < 6; cycle += 1) {
      if (cycle === 3) await fetch(`${app.url()}/__sim/tokens/expire`, { method: 'POST' });
      await wair.startBatch();
      // Every cycle resends the earlier sales too, as a bridge does after a crash.
      const results = await wair.postSales(all.slice(0, (cycle + 1) * 10));
      expect(results.every((r) => r.accepted)).toBe(true);
      await wair.postStockNotForReplenishment({
        fullLoad: true,
        records: all.slice(0, (cycle + 1) * 10).map((s) => ({
          id: `${s.id}-1`,
          orderNumber: s.code,
          skuCode: s.lines[0]!.skuCode,
          locationCode: 'WEB01',
          quantity: 1,
        })),
      });
      await wair.stopBatch();
    }
    expect(sim.orders.counters.ordersAccepted).toBe(60);
    expect(sim.orders.sales().every((s) => s.status === 'OPEN' && s.acceptedPosts >= 1)).toBe(true);
    expect(sim.orders.sale('SO0')?.acceptedPosts).toBeGreaterThanOrEqual(6);
    // A resend is answered with the time the first accepted post reserved the stock, not its own.
    const resentAt = Date.now();
    await wair.startBatch();
    const [again] = await wair.postSales(all.slice(0, 1));
    await wair.stopBatch();
    expect(again?.reservedAt).toBe(Date.parse(sim.orders.sale('SO0')?.reservedAt as string));
    expect(again?.reservedAt).toBeLessThan(resentAt);
    expect(sim.orders.snfrOpen()).toHaveLength(60);
    const reservedAfter = skus.reduce((n, s) => n + (sim.model.get(s, 'WEB01')?.reserved ?? 0), 0);
    expect(reservedAfter - reservedBefore).toBe(60);
    const faults = sim.faults.counters;
    const injected = faults.error500 + faults.error503 + faults.rate429 + faults.dropped + faults.answersLost;
    expect(faults.answersLost).toBeGreaterThan(0);
    expect(injected).toBeGreaterThan(5);
    expect(retries).toBe(injected);
  });

  it('surfaces a write outside a batch as a retriable 409 and a dead WAIR as retriable', async () => {
    const wair = client();
    const error = await wair.postSales([order(1, app.sim.catalogue.skus[0]!.sku)]).catch((e: unknown) => e);
    expect(isUpstreamCallError(error) && error.status === 409 && error.retriable).toBe(true);
    await control('/faults', { error503Rate: 1 });
    const down = await wair.startBatch().catch((e: unknown) => e);
    expect(isUpstreamCallError(down) && down.status === 503 && down.retriable).toBe(true);
  });
});
