import express from 'express';
import { isUpstreamCallError, type UpstreamCallError } from '@wair-sfcc/order-domain';
import { createAccountManagerTokenClient } from '../auth/account-manager-token.client';
import { createSfccResilience } from '../resilience/sfcc-resilience';
import { accountManagerRoute, startStub, type StubServer } from '../testing/stub-server.test-helper';
import { createScapiOrdersClient } from './scapi-orders.client';

const ORG = 'f_ecom_test_001';
const BASE = `/checkout/orders/v1/organizations/${ORG}/orders`;

interface Seen {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  auth?: string;
  at: number;
}

const problem = (
  res: express.Response,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
) =>
  res
    .status(status)
    .set(headers)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'x', title: 't', detail }));

describe('createScapiOrdersClient over commerce-sdk Orders', () => {
  let stub: StubServer;
  const seen: Seen[] = [];
  const am = { issued: 0 };
  /** Answers to queue per path, consumed first; otherwise the default handler answers. */
  const scripted: Array<(res: express.Response) => void> = [];

  beforeAll(async () => {
    stub = await startStub((app) => {
      accountManagerRoute(app, am);
      app.use(express.json({ type: () => true }));
      app.use(BASE, (req, res) => {
        seen.push({
          method: req.method,
          path: req.path,
          query: { ...req.query },
          body: req.body,
          auth: req.headers.authorization,
          at: Date.now(),
        });
        const next = scripted.shift();
        if (next) return next(res);
        if (req.method === 'GET' && req.path === '/')
          return res.json({
            data: [{ orderNo: '1', exportStatus: 'ready' }],
            limit: 5,
            offset: 10,
            total: 11,
          });
        if (req.method === 'GET' && req.path === '/missing') return problem(res, 404, 'no order');
        if (req.method === 'GET') return res.json({ orderNo: req.path.slice(1), productItems: [] });
        if (req.method === 'POST') return res.status(202).end();
        return res.status(204).end();
      });
    });
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    seen.length = 0;
    scripted.length = 0;
  });

  const client = (maxAttempts = 3) => {
    const resilience = createSfccResilience({
      rateLimit: { ratePerSecond: 1000, concurrency: 4 },
      retry: { maxAttempts, initialDelayMs: 1, maxDelayMs: 2 },
    });
    const tokens = createAccountManagerTokenClient({
      amHost: stub.url,
      clientId: 'client',
      clientSecret: 'secret',
    });
    return createScapiOrdersClient({
      scapiHost: `${stub.url}/`,
      organizationId: ORG,
      siteId: 'RefArch',
      tokens,
      resilience,
    });
  };
  const rejection = async (p: Promise<unknown>): Promise<UpstreamCallError> => {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isUpstreamCallError(error)) throw new Error(`expected UpstreamCallError, got ${String(error)}`);
    return error;
  };

  it('lists with the SDK query parameters and maps the page', async () => {
    const page = await client().listOrders({
      exportStatus: 'ready',
      status: 'new',
      creationDateFrom: '2026-01-01',
      sortBy: 'last_modified',
      sortOrder: 'asc',
      limit: 5,
      offset: 10,
    });
    expect(page).toEqual({
      data: [{ orderNo: '1', exportStatus: 'ready' }],
      limit: 5,
      offset: 10,
      total: 11,
    });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/',
      auth: expect.stringMatching(/^Bearer token-\d+$/),
      query: {
        siteId: 'RefArch',
        exportStatus: 'ready',
        status: 'new',
        creationDateFrom: '2026-01-01',
        sortBy: 'last_modified_date',
        sortOrder: 'asc',
        limit: '5',
        offset: '10',
      },
    });
  });

  it('sends every write to its endpoint with its body', async () => {
    const c = client();
    await c.updateExportStatus('7', 'exported');
    await c.updateShippingStatus('7', 'part_shipped');
    await c.updateStatus('7', 'completed');
    await c.updateAttributes('7', { c_trackingNumbers: 'A,B' });
    await c.postFulfillmentEvent('7', {
      id: 'd1',
      type: 'shipped',
      occurredAt: '2026-01-01T00:00:00Z',
      lineItems: [{ id: '7-1', quantity: 1 }],
      trackingNumber: 'T',
      trackingUrl: 'https://t/T',
      carrier: 'DHL',
    });
    expect(seen.map((s) => [s.method, s.path, s.query['siteId'], s.body])).toEqual([
      ['PUT', '/7/export-status', 'RefArch', { status: 'exported' }],
      ['PUT', '/7/shipping-status', 'RefArch', { status: 'part_shipped' }],
      ['PUT', '/7/status', 'RefArch', { status: 'completed' }],
      ['PATCH', '/7', 'RefArch', { c_trackingNumbers: 'A,B' }],
      [
        'POST',
        '/7/oms-status-events',
        'RefArch',
        { fulfillmentEvent: expect.objectContaining({ id: 'd1', type: 'shipped', trackingNumber: 'T' }) },
      ],
    ]);
    await expect(c.updateAttributes('7', { status: 'x' })).rejects.toThrow(/c_\* attributes only/);
  });

  it('returns the order, or undefined on 404', async () => {
    const c = client();
    expect(await c.getOrder('42')).toEqual({ orderNo: '42', productItems: [] });
    expect(await c.getOrder('missing')).toBeUndefined();
    expect(seen.filter((s) => s.path === '/missing')).toHaveLength(1);
  });

  it('waits for a 429 Retry-After before the retry', async () => {
    scripted.push((res) => problem(res, 429, 'slow down', { 'Retry-After': '1' }));
    await client().updateExportStatus('7', 'exported');
    expect(seen).toHaveLength(2);
    expect((seen[1] as Seen).at - (seen[0] as Seen).at).toBeGreaterThanOrEqual(900);
  });

  it('retries 5xx a bounded number of times, then throws a retriable UpstreamCallError', async () => {
    for (let i = 0; i < 3; i += 1) scripted.push((res) => problem(res, 503, 'busy'));
    const error = await rejection(client(3).updateShippingStatus('7', 'shipped'));
    expect(error).toMatchObject({
      system: 'SFCC',
      operation: 'updateOrderShippingStatus',
      status: 503,
      retriable: true,
    });
    expect(seen).toHaveLength(3);
  });

  it.each([400, 403, 409])(
    'does not retry %i and reports it as not retriable with the detail',
    async (status) => {
      scripted.push((res) => problem(res, status, `refused ${status}`));
      const error = await rejection(
        client().postFulfillmentEvent('7', {
          id: 'd1',
          type: 'shipped',
          occurredAt: '2026-01-01T00:00:00Z',
          lineItems: [],
          trackingNumber: 'T',
          trackingUrl: 'u',
          carrier: 'c',
        }),
      );
      expect(error).toMatchObject({ status, retriable: false, operation: 'createOmsStatusEvent' });
      expect(error.message).toContain(`refused ${status}`);
      expect(seen).toHaveLength(1);
    },
  );

  it('fetches a new token once on 401', async () => {
    scripted.push((res) => problem(res, 401, 'expired'));
    const before = am.issued;
    await client().updateStatus('7', 'completed');
    expect(seen).toHaveLength(2);
    expect(seen[1]?.auth).not.toBe(seen[0]?.auth);
    expect(am.issued).toBe(before + 2);
  });

  it('treats a reset connection as retriable without status', async () => {
    for (let i = 0; i < 2; i += 1) scripted.push((res) => res.socket?.destroy());
    const error = await rejection(client(2).getOrder('7'));
    expect(error).toMatchObject({ status: undefined, retriable: true });
    expect(seen).toHaveLength(2);
  });
});
