import type { OrdersTypes } from 'commerce-sdk';
import { createSimKit } from '../app/sim-test-kit';

const SITE = 'RefArch';

async function setup() {
  const kit = createSimKit();
  const auth = await kit.token();
  const base = `/checkout/orders/v1/organizations/${kit.config.SIM_ORGANIZATION_ID}/orders`;
  const place = async (lines: unknown[], extra: Record<string, unknown> = {}) => {
    const res = await kit
      .http()
      .post('/__sim/orders')
      .send({ lines, force: true, ...extra });
    if (res.status !== 201) throw new Error(`place: ${res.status} ${JSON.stringify(res.body)}`);
    kit.advance(1000);
    return res.body as { orderNo: string };
  };
  const get = (path: string) => kit.http().get(`${base}${path}`).set('Authorization', auth);
  const put = (no: string, what: string, status: string) =>
    kit.http().put(`${base}/${no}/${what}?siteId=${SITE}`).set('Authorization', auth).send({ status });
  const event = (no: string, body: OrdersTypes.OmsStatusEventRequest) =>
    kit.http().post(`${base}/${no}/oms-status-events?siteId=${SITE}`).set('Authorization', auth).send(body);
  return { kit, auth, base, place, get, put, event };
}

const adjustment: OrdersTypes.OmsAdjustment = {
  id: 'a1',
  type: 'return',
  occurredAt: '2026-01-01T11:00:00.000Z',
  status: 'completed',
};

const shipped = (id: string, lineId: string, tracking = 'TRK1'): OrdersTypes.OmsStatusEventRequest => ({
  fulfillmentEvent: {
    id,
    type: 'shipped',
    occurredAt: '2026-01-01T10:00:00.000Z',
    lineItems: [{ id: lineId, quantity: 1 }],
    trackingNumber: tracking,
    trackingUrl: `https://track.example/${tracking}`,
    carrier: 'DHL',
  },
});

describe('SCAPI Orders admin API', () => {
  it('serves storefront orders in the SDK Order shape, exportStatus ready', async () => {
    const { place, get } = await setup();
    const { orderNo } = await place([{ productId: 'P-1', quantity: 2 }]);
    const res = await get(`/${orderNo}?siteId=${SITE}`);
    expect(res.status).toBe(200);
    const order = res.body as OrdersTypes.Order;
    expect(order).toMatchObject({
      orderNo,
      siteId: SITE,
      status: 'new',
      exportStatus: 'ready',
      shippingStatus: 'not_shipped',
      confirmationStatus: 'confirmed',
      paymentStatus: 'paid',
      currency: 'EUR',
      orderTotal: 49.9,
      customerInfo: { customerName: expect.any(String), email: expect.stringMatching(/@example\.com$/) },
      billingAddress: { countryCode: 'NL' },
      productItems: [{ itemId: `${orderNo}-1`, productId: 'P-1', quantity: 2, shipmentId: 'me' }],
      shipments: [
        {
          shipmentId: 'me',
          shipmentNo: `${orderNo}-1`,
          shippingStatus: 'not_shipped',
          shippingMethod: { id: 'standard' },
          shippingAddress: { countryCode: 'NL' },
        },
      ],
    });
    expect(order).not.toHaveProperty('oversold');
    expect(order.productItems?.[0]).not.toHaveProperty('inventoryListId');
  });

  it('lists with filters, sorting and paging', async () => {
    const { place, get, put } = await setup();
    const nos: string[] = [];
    for (let i = 0; i < 5; i += 1) nos.push((await place([{ productId: `P-${i}`, quantity: 1 }])).orderNo);
    expect((await put(nos[1] as string, 'export-status', 'exported')).status).toBe(204);
    const page = await get(
      `?siteId=${SITE}&exportStatus=ready&sortBy=creation_date&sortOrder=asc&limit=2&offset=1`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: 4 });
    expect((page.body as OrdersTypes.OrdersResponse).data.map((o) => o.orderNo)).toEqual([nos[2], nos[3]]);
    const desc = await get(`?siteId=${SITE}`);
    expect((desc.body as OrdersTypes.OrdersResponse).data.map((o) => o.orderNo)).toEqual([...nos].reverse());
    const created = await get(
      `?siteId=${SITE}&creationDateFrom=2026-01-01T00:00:02.000Z&creationDateTo=2026-01-01T00:00:04.000Z&sortOrder=asc`,
    );
    expect((created.body as OrdersTypes.OrdersResponse).data.map((o) => o.orderNo)).toEqual([nos[2], nos[3]]);
    expect((await get(`?siteId=Other`)).body).toMatchObject({ total: 0, data: [] });
    for (const q of ['limit=0', 'limit=201', 'exportStatus=done', 'sortBy=name', 'creationDateFrom=x']) {
      const bad = await get(`?siteId=${SITE}&${q}`);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(bad.body).toMatchObject({
        title: 'Bad Request',
        detail: expect.any(String),
        type: expect.any(String),
      });
    }
  });

  it('checks token, scope, organization, siteId and the order number', async () => {
    const { kit, base, place, get } = await setup();
    const { orderNo } = await place([{ productId: 'P-1', quantity: 1 }]);
    expect((await kit.http().get(`${base}?siteId=${SITE}`)).status).toBe(401);
    const productsOnly = await kit.token('sfcc.products');
    expect((await kit.http().get(`${base}?siteId=${SITE}`).set('Authorization', productsOnly)).status).toBe(
      403,
    );
    const otherOrg = await kit
      .http()
      .get(`/checkout/orders/v1/organizations/f_ecom_other/orders?siteId=${SITE}`)
      .set('Authorization', await kit.token());
    expect(otherOrg.status).toBe(403);
    expect((await get(`/${orderNo}`)).status).toBe(400);
    const missing = await get(`/nope?siteId=${SITE}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ title: 'Not Found', detail: expect.stringContaining('nope') });
  });

  it('applies status transitions: 204 when allowed or unchanged, 409 otherwise, 400 for unknown values', async () => {
    const { place, put, get } = await setup();
    const { orderNo } = await place([{ productId: 'P-1', quantity: 1 }]);
    expect((await put(orderNo, 'export-status', 'exported')).status).toBe(204);
    expect((await put(orderNo, 'export-status', 'exported')).status).toBe(204);
    const conflict = await put(orderNo, 'export-status', 'not_exported');
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ title: 'Conflict', detail: expect.stringContaining('exported') });
    expect((await put(orderNo, 'export-status', 'sent')).status).toBe(400);
    expect((await put(orderNo, 'shipping-status', 'part_shipped')).status).toBe(204);
    expect((await put(orderNo, 'shipping-status', 'shipped')).status).toBe(204);
    expect((await put(orderNo, 'shipping-status', 'not_shipped')).status).toBe(409);
    expect((await put(orderNo, 'status', 'completed')).status).toBe(204);
    expect((await put(orderNo, 'status', 'new')).status).toBe(409);
    expect((await put('nope', 'status', 'new')).status).toBe(404);
    expect((await get(`/${orderNo}?siteId=${SITE}`)).body).toMatchObject({
      exportStatus: 'exported',
      shippingStatus: 'shipped',
      status: 'completed',
      shipments: [{ shippingStatus: 'shipped' }],
    });
  });

  it('patches c_* attributes only', async () => {
    const { kit, base, auth, place, get } = await setup();
    const { orderNo } = await place([{ productId: 'P-1', quantity: 1 }]);
    const patch = (body: unknown) =>
      kit
        .http()
        .patch(`${base}/${orderNo}?siteId=${SITE}`)
        .set('Authorization', auth)
        .send(body as object);
    expect((await patch({ c_trackingNumbers: 'A,B', c_dispatched: true })).status).toBe(204);
    expect((await patch({ status: 'completed' })).status).toBe(400);
    expect((await patch({})).status).toBe(400);
    expect((await get(`/${orderNo}?siteId=${SITE}`)).body).toMatchObject({
      c_trackingNumbers: 'A,B',
      c_dispatched: true,
      status: 'new',
    });
  });

  it('validates oms-status-events and counts every shipped event as one dispatch e-mail', async () => {
    const { kit, place, event, get, put } = await setup();
    const { orderNo } = await place([
      { productId: 'P-1', quantity: 1 },
      { productId: 'P-2', quantity: 1 },
    ]);
    const line = `${orderNo}-1`;
    const both = { ...shipped('e0', line), adjustment };
    expect((await event(orderNo, both)).status).toBe(400);
    expect((await event(orderNo, {})).status).toBe(400);
    const untracked = shipped('e0', line);
    delete untracked.fulfillmentEvent?.trackingUrl;
    const noTracking = await event(orderNo, untracked);
    expect(noTracking.status).toBe(400);
    expect(noTracking.body.detail).toMatch(/trackingNumber and trackingUrl/);
    const processing = {
      fulfillmentEvent: {
        id: 'p1',
        type: 'processing',
        occurredAt: '2026-01-01T09:00:00Z',
        lineItems: [{ id: line, quantity: 1 }],
      },
    };
    expect((await event(orderNo, processing)).status).toBe(202);
    expect((await event(orderNo, shipped('e1', 'no-such-line'))).status).toBe(400);
    expect((await event('nope', shipped('e1', line))).status).toBe(404);
    expect((await event(orderNo, { adjustment })).status).toBe(202);

    expect((await event(orderNo, shipped('e1', line, 'TRK-1'))).status).toBe(202);
    expect((await get(`/${orderNo}?siteId=${SITE}`)).body).toMatchObject({
      shipments: [{ trackingNumber: 'TRK-1' }],
    });
    let emails = await kit.http().get('/__sim/orders/dispatch-emails');
    expect(emails.body).toMatchObject({
      total: 1,
      duplicates: 0,
      byOrder: { [orderNo]: { emails: 1, duplicates: 0 } },
    });
    expect((await event(orderNo, shipped('e1', line, 'TRK-1'))).status).toBe(202);
    emails = await kit.http().get('/__sim/orders/dispatch-emails');
    expect(emails.body).toMatchObject({
      total: 2,
      duplicates: 1,
      byOrder: { [orderNo]: { emails: 2, duplicates: 1 } },
    });

    expect((await kit.http().post(`/__sim/orders/${orderNo}/cancel`)).status).toBe(200);
    expect((await event(orderNo, shipped('e2', `${orderNo}-2`))).status).toBe(409);
    expect((await put(orderNo, 'shipping-status', 'shipped')).status).toBe(409);
  });

  it('creates malformed orders only when asked, and cancels', async () => {
    const { kit, get, put } = await setup();
    const lines = [{ quantity: 1 }, { productId: 'P-1', quantity: 0 }];
    expect((await kit.http().post('/__sim/orders').send({ lines })).status).toBe(400);
    const res = await kit.http().post('/__sim/orders').send({ lines, allowMalformed: true });
    expect(res.status).toBe(201);
    const orderNo = (res.body as { orderNo: string }).orderNo;
    const order = (await get(`/${orderNo}?siteId=${SITE}`)).body as OrdersTypes.Order;
    expect(order.productItems?.[0]).not.toHaveProperty('productId');
    expect(order.productItems?.[1]).toMatchObject({ productId: 'P-1', quantity: 0 });
    expect((await kit.http().post('/__sim/orders/nope/cancel')).status).toBe(404);
    expect((await kit.http().post(`/__sim/orders/${orderNo}/cancel`)).status).toBe(200);
    expect((await get(`/${orderNo}?siteId=${SITE}`)).body).toMatchObject({ status: 'cancelled' });
    expect((await put(orderNo, 'status', 'new')).status).toBe(409);
  });

  it('goes through the fault middleware: 429 with Retry-After and 503 as problem+json', async () => {
    const { kit, get } = await setup();
    await kit
      .http()
      .put('/__sim/faults')
      .send({ rateLimit: { ratePerSecond: 1, burst: 1 } });
    expect((await get(`?siteId=${SITE}`)).status).toBe(200);
    const limited = await get(`?siteId=${SITE}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    await kit
      .http()
      .put('/__sim/faults')
      .send({ rateLimit: null, errorRates: { '500': 0, '503': 1 } });
    const unavailable = await get(`?siteId=${SITE}`);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({ title: 'Service Unavailable' });
    const requests = (await kit.http().get('/__sim/requests')).body as {
      requests: Array<{ endpoint: string; status: number }>;
    };
    expect(requests.requests).toEqual(
      expect.arrayContaining([expect.objectContaining({ endpoint: 'scapi.orders', status: 429 })]),
    );
  });
});
