import { UpstreamCallError, type SfccFulfillmentEvent, type SfccOrder } from '@wair-sfcc/order-domain';
import { createInMemoryScapiOrders } from './in-memory-scapi-orders.fake';

const order = (orderNo: string, minute: number, extra: Partial<SfccOrder> = {}): SfccOrder => ({
  orderNo,
  creationDate: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  status: 'new',
  exportStatus: 'ready',
  shippingStatus: 'not_shipped',
  productItems: [
    { itemId: `${orderNo}-1`, productId: 'A', quantity: 1, shipmentId: 'me' },
    { itemId: `${orderNo}-2`, productId: 'B', quantity: 1, shipmentId: 'me' },
  ],
  shipments: [{ shipmentId: 'me', shipmentNo: `${orderNo}-s`, shippingStatus: 'not_shipped' }],
  ...extra,
});

const shipped = (
  id: string,
  line: string,
  extra: Partial<SfccFulfillmentEvent> = {},
): SfccFulfillmentEvent => ({
  id,
  type: 'shipped',
  occurredAt: '2026-01-02T00:00:00Z',
  lineItems: [{ id: line, quantity: 1 }],
  trackingNumber: `T-${id}`,
  trackingUrl: `https://t/${id}`,
  carrier: 'DHL',
  ...extra,
});

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as UpstreamCallError,
  );

describe('in-memory ScapiOrdersPort', () => {
  it('lists by export status oldest first with paging', async () => {
    const fake = createInMemoryScapiOrders([
      order('3', 3),
      order('1', 1),
      order('2', 2, { exportStatus: 'exported' }),
    ]);
    const page = await fake.listOrders({ exportStatus: 'ready', sortOrder: 'asc', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.data.map((o) => o.orderNo)).toEqual(['3']);
    expect((await fake.listOrders({ limit: 10, offset: 0 })).data.map((o) => o.orderNo)).toEqual([
      '3',
      '2',
      '1',
    ]);
  });

  it('enforces transitions with non-retriable 409s and 404 for unknown orders', async () => {
    const fake = createInMemoryScapiOrders([order('1', 1)]);
    await fake.updateExportStatus('1', 'exported');
    await fake.updateExportStatus('1', 'exported');
    expect(await rejection(fake.updateExportStatus('1', 'not_exported'))).toMatchObject({
      status: 409,
      retriable: false,
    });
    await fake.updateShippingStatus('1', 'shipped');
    expect(await rejection(fake.updateShippingStatus('1', 'part_shipped'))).toMatchObject({ status: 409 });
    await fake.updateStatus('1', 'completed');
    expect(await rejection(fake.updateStatus('1', 'cancelled'))).toMatchObject({ status: 409 });
    expect(await rejection(fake.updateStatus('9', 'new'))).toMatchObject({ status: 404 });
    expect(await fake.getOrder('9')).toBeUndefined();
    expect(await fake.getOrder('1')).toMatchObject({
      exportStatus: 'exported',
      shippingStatus: 'shipped',
      status: 'completed',
    });
  });

  it('refuses untracked or unknown-line events with 400 and counts every shipped event', async () => {
    const fake = createInMemoryScapiOrders([order('1', 1)]);
    expect(
      await rejection(fake.postFulfillmentEvent('1', shipped('d1', '1-1', { trackingUrl: '' }))),
    ).toMatchObject({
      status: 400,
      retriable: false,
    });
    expect(await rejection(fake.postFulfillmentEvent('1', shipped('d1', 'nope')))).toMatchObject({
      status: 400,
    });
    await fake.postFulfillmentEvent('1', shipped('d1', '1-1'));
    await fake.postFulfillmentEvent('1', shipped('d2', '1-2'));
    expect(fake.dispatchEmails('1')).toBe(2);
    expect(fake.duplicateEmails()).toBe(0);
    await fake.postFulfillmentEvent('1', shipped('d1', '1-1'));
    expect(fake.dispatchEmails('1')).toBe(3);
    expect(fake.duplicateEmails()).toBe(1);
    expect((await fake.getOrder('1'))?.shipments?.[0]?.trackingNumber).toBe('T-d1');
    await fake.updateAttributes('1', { c_tracking: 'x' });
    expect(await fake.getOrder('1')).toMatchObject({ c_tracking: 'x' });
    expect(await rejection(fake.updateAttributes('1', { status: 'x' }))).toMatchObject({ status: 400 });
  });

  it('throws scripted failures and records calls', async () => {
    const fake = createInMemoryScapiOrders([order('1', 1)]);
    const outage = new UpstreamCallError('SFCC', 'createOmsStatusEvent', 503, true, 'down');
    fake.failNext('postFulfillmentEvent', outage, 2);
    expect(await rejection(fake.postFulfillmentEvent('1', shipped('d1', '1-1')))).toBe(outage);
    expect(await rejection(fake.postFulfillmentEvent('1', shipped('d1', '1-1')))).toBe(outage);
    await fake.postFulfillmentEvent('1', shipped('d1', '1-1'));
    expect(fake.dispatchEmails('1')).toBe(1);
    expect(fake.calls.filter((c) => c.operation === 'postFulfillmentEvent')).toHaveLength(3);
  });
});
