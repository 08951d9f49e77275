// ScapiOrdersPort through the real commerce-sdk Orders client against the real SFCC simulator
// (a separate process, as sfcc-simulator.int.spec.ts runs it): both sides were built from the
// issue independently, so whatever they read differently shows up here.
import { createServer } from 'node:net';
import { isUpstreamCallError, type ScapiOrdersPort } from '@wair-sfcc/order-domain';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { createAccountManagerTokenClient } from '../auth/account-manager-token.client';
import { createSfccResilience, type SfccResilience } from '../resilience/sfcc-resilience';
import { createScapiOrdersClient } from './scapi-orders.client';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the simulator's own JSON, read by the assertions
async function sim(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('ScapiOrdersPort against the SFCC simulator', () => {
  let service: SpawnedService;
  let orders: ScapiOrdersPort;
  let resilience: SfccResilience;
  const requests = async (endpoint: string, status: number): Promise<number> =>
    (
      (await sim(service.opsUrl, 'GET', '/__sim/requests')).requests as Array<{
        endpoint: string;
        status: number;
        count: number;
      }>
    )
      .filter((r) => r.endpoint === endpoint && r.status === status)
      .reduce((n, r) => n + r.count, 0);

  beforeAll(async () => {
    service = spawnService(
      'sfcc-simulator',
      {
        SIM_CLIENT_ID: 'int-client',
        SIM_CLIENT_SECRET: 'int-secret',
        SIM_SKU_COUNT: '40',
        SIM_ORDERS_PER_MINUTE: '0',
        SIM_ORGANIZATION_ID: 'f_ecom_test_001',
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await service.waitUntilReady();
    resilience = createSfccResilience({
      rateLimit: { ratePerSecond: 100, concurrency: 2 },
      retry: { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 100 },
    });
    orders = createScapiOrdersClient({
      scapiHost: service.opsUrl,
      organizationId: 'f_ecom_test_001',
      siteId: 'RefArch',
      tokens: createAccountManagerTokenClient({
        amHost: service.opsUrl,
        clientId: 'int-client',
        clientSecret: 'int-secret',
      }),
      resilience,
    });
  }, 90_000);
  afterAll(async () => {
    await resilience?.stop();
    service?.child.kill('SIGTERM');
    await service?.exited;
  });

  it('drives every port method through commerce-sdk', async () => {
    const placed: Array<{ orderNo: string }> = [];
    for (const productId of ['P-1', 'P-2'])
      placed.push(
        await sim(service.opsUrl, 'POST', '/__sim/orders', {
          lines: [
            { productId, quantity: 2 },
            { productId: 'P-9', quantity: 1 },
          ],
          force: true,
        }),
      );
    const [first, second] = placed.map((o) => o.orderNo) as [string, string];

    const page = await orders.listOrders({
      exportStatus: 'ready',
      sortBy: 'creation_date',
      sortOrder: 'asc',
      limit: 1,
      offset: 0,
    });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(page.data.map((o) => o.orderNo)).toEqual([first]);
    expect(
      (await orders.listOrders({ exportStatus: 'ready', sortOrder: 'asc', limit: 10, offset: 1 })).data.map(
        (o) => o.orderNo,
      ),
    ).toEqual([second]);

    const order = await orders.getOrder(first);
    expect(order).toMatchObject({
      orderNo: first,
      exportStatus: 'ready',
      status: 'new',
      shippingStatus: 'not_shipped',
      customerInfo: { email: expect.stringMatching(/@example\.com$/) },
      productItems: [
        { itemId: `${first}-1`, productId: 'P-1', quantity: 2, shipmentId: 'me' },
        { itemId: `${first}-2`, productId: 'P-9', quantity: 1, shipmentId: 'me' },
      ],
      shipments: [{ shipmentId: 'me', shippingStatus: 'not_shipped' }],
    });
    expect(await orders.getOrder('no-such-order')).toBeUndefined();

    await orders.updateExportStatus(first, 'exported');
    const event = {
      id: 'dispatch-1',
      type: 'shipped' as const,
      occurredAt: new Date().toISOString(),
      lineItems: [{ id: `${first}-1`, quantity: 2 }],
      trackingNumber: 'TRK-1',
      trackingUrl: 'https://track.example/TRK-1',
      carrier: 'DHL',
    };
    await orders.postFulfillmentEvent(first, event);
    await orders.updateShippingStatus(first, 'part_shipped');
    await orders.updateAttributes(first, { c_wairTrackingNumbers: 'TRK-1' });
    await orders.postFulfillmentEvent(first, {
      ...event,
      id: 'dispatch-2',
      lineItems: [{ id: `${first}-2`, quantity: 1 }],
      trackingNumber: 'TRK-2',
      trackingUrl: 'https://track.example/TRK-2',
    });
    await orders.updateShippingStatus(first, 'shipped');
    await orders.updateStatus(first, 'completed');
    expect(await orders.getOrder(first)).toMatchObject({
      exportStatus: 'exported',
      shippingStatus: 'shipped',
      status: 'completed',
      c_wairTrackingNumbers: 'TRK-1',
      shipments: [{ trackingNumber: 'TRK-2', shippingStatus: 'shipped' }],
    });
    expect(await sim(service.opsUrl, 'GET', '/__sim/orders/dispatch-emails')).toMatchObject({
      total: 2,
      duplicates: 0,
      byOrder: { [first]: { emails: 2, duplicates: 0 } },
    });
  });

  it('reports a 409 once, not retried, and a 400 for an untracked event', async () => {
    const { orderNo } = await sim(service.opsUrl, 'POST', '/__sim/orders', {
      lines: [{ productId: 'P-3', quantity: 1 }],
      force: true,
    });
    await orders.updateExportStatus(orderNo, 'exported');
    const before = await requests('scapi.order_export_status', 409);
    const conflict = await rejection(orders.updateExportStatus(orderNo, 'not_exported'));
    expect(isUpstreamCallError(conflict) && conflict).toMatchObject({
      system: 'SFCC',
      status: 409,
      retriable: false,
    });
    expect(await requests('scapi.order_export_status', 409)).toBe(before + 1);

    const untracked = await rejection(
      orders.postFulfillmentEvent(orderNo, {
        id: 'd-x',
        type: 'shipped',
        occurredAt: new Date().toISOString(),
        lineItems: [{ id: `${orderNo}-1`, quantity: 1 }],
        trackingNumber: '',
        trackingUrl: '',
        carrier: 'DHL',
      }),
    );
    expect(isUpstreamCallError(untracked) && untracked).toMatchObject({ status: 400, retriable: false });
    expect((untracked as Error).message).toMatch(/trackingNumber and trackingUrl/);
  });

  it('waits out a 429 Retry-After and succeeds', async () => {
    const { orderNo } = await sim(service.opsUrl, 'POST', '/__sim/orders', {
      lines: [{ productId: 'P-4', quantity: 1 }],
      force: true,
    });
    await sim(service.opsUrl, 'PUT', '/__sim/faults', { rateLimit: { ratePerSecond: 0.5, burst: 1 } });
    try {
      const before = await requests('scapi.order', 429);
      const started = Date.now();
      const [a, b] = await Promise.all([orders.getOrder(orderNo), orders.getOrder(orderNo)]);
      expect(a?.orderNo).toBe(orderNo);
      expect(b?.orderNo).toBe(orderNo);
      expect(await requests('scapi.order', 429)).toBeGreaterThan(before);
      // Retry-After is 2 s at 0.5 requests/s: the retry went out after it, not at backoff speed.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    } finally {
      await sim(service.opsUrl, 'PUT', '/__sim/faults', { rateLimit: null });
    }
  });
});
