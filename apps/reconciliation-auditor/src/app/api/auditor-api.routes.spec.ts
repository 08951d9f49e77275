import express from 'express';
import request from 'supertest';
import {
  buildOrderFact,
  buildProduct,
  buildStockLevel,
  buildSync,
  buildWairSku,
} from '@wair-sfcc/audit-rules/testing';
import type { IntegrationException, OrderDispatches, Fulfilment } from '@wair-sfcc/contracts';
import { createAuditDefinitions } from '../audits/audit-definitions';
import { createAuditScheduler } from '../audits/audit-scheduler';
import { createConsumerLagView, parseWatchedGroups } from '../lookups/consumer-lag';
import { createFlowsHealth } from '../lookups/flows-health';
import { createOrderTimeline } from '../lookups/order-timeline';
import { createSkuLookup } from '../lookups/sku-lookup';
import { createAuditorHarness } from '../testing/auditor-harness';
import { createAuditorApiRouter } from './auditor-api.routes';
import type { ApiAuthSettings } from './api-auth';

const TOKEN = 'test-token-0123456789';
const HOUR = 3_600_000;

function setup(auth: ApiAuthSettings = { token: TOKEN, allowAnonymous: false }) {
  const h = createAuditorHarness();
  const now = h.clock.now();
  h.put('skus', 'SKU-1', buildWairSku('SKU-1'));
  h.put('products', 'SKU-1', buildProduct('SKU-1'));
  h.put('stock', 'SKU-1', buildStockLevel('SKU-1', now - 10 * HOUR, 3, 9));
  h.put(
    'syncs',
    'SKU-1',
    buildSync('SKU-1', [
      { allocation: 7, sourceAsOf: now - 10 * HOUR, sourceSequence: 3, writtenAt: now - 10 * HOUR },
    ]),
  );
  h.put('skus', 'GHOST', buildWairSku('GHOST'));
  h.put(
    'orders',
    'O-LATE',
    buildOrderFact('O-LATE', {
      createdAt: now - 2 * HOUR,
      capturedAt: now - 2 * HOUR,
      lines: [{ itemId: 'i1', sku: 'SKU-1', quantity: 2, inventoryListId: 'inventory_m' }],
    }),
  );
  h.put(
    'orders',
    'O-OK',
    buildOrderFact('O-OK', {
      createdAt: now - 3 * HOUR,
      capturedAt: now - 3 * HOUR,
      state: 'ACCEPTED_BY_WAIR',
      acceptedAt: now - 3 * HOUR + 60_000,
    }),
  );
  h.put('dispatches', 'O-OK', {
    orderNo: 'O-OK',
    updatedAt: now - HOUR,
    dispatches: [
      {
        dispatchId: 'D1',
        carrier: 'DHL',
        service: null,
        trackingNumber: 'T1',
        trackingUrl: 'https://t/1',
        lines: [{ sku: 'SKU-2', quantity: 2 }],
        dispatchedAt: now - 2 * HOUR,
        modifiedAt: now - 2 * HOUR,
      },
    ],
  } satisfies OrderDispatches);
  h.put('fulfilments', 'O-OK', {
    orderNo: 'O-OK',
    orderShippingStatus: 'SHIPPED',
    updatedAt: now - HOUR,
    shipments: [
      { dispatchId: 'D1', confirmedAt: now - HOUR, attempts: 1, outcome: 'CONFIRMED', lastError: null },
    ],
  } satisfies Fulfilment);
  const audits = createAuditDefinitions(
    h.tables,
    {
      intervals: {
        SKU_MISMATCH: 0,
        INVENTORY_DRIFT: 0,
        SYNC_DELAY: 0,
        DISPATCH_NOT_CONFIRMED: 0,
        ORDER_NOT_ACCEPTED: 0,
      },
      syncSlaMs: 60_000,
      dispatchSlaMs: HOUR,
      orderSlaMs: HOUR,
      listIds: ['inventory_m'],
    },
    undefined,
  );
  const scheduler = createAuditScheduler({ audits, run: h.run, clock: h.clock, logger: h.logger });
  const app = express();
  app.use(
    '/api',
    createAuditorApiRouter({
      auth,
      book: h.book,
      scheduler,
      tables: h.tables,
      skuLookup: createSkuLookup({ tables: h.tables, model: h.model, book: h.book, history: h.skuHistory }),
      orderTimeline: createOrderTimeline({ tables: h.tables, book: h.book }),
      flowsHealth: createFlowsHealth({
        tables: h.tables,
        book: h.book,
        scheduler,
        now: () => h.clock.now(),
        metrics: h.flowMetrics,
      }),
      consumerLag: createConsumerLagView({
        source: {
          fetchTopicEndOffsets: async () => [
            { partition: 0, offset: '120' },
            { partition: 1, offset: '7' },
          ],
          fetchCommittedOffsets: async () => [{ partition: 0, offset: '100' }],
        },
        groups: parseWatchedGroups('sfcc-inventory-writer:wair.stock.v1'),
        now: () => h.clock.now(),
      }),
      logger: h.logger,
    }),
  );
  const api = {
    get: (path: string) => request(app).get(path).set('Authorization', `Bearer ${TOKEN}`),
    post: (path: string, body?: object) =>
      request(app).post(path).set('Authorization', `Bearer ${TOKEN}`).send(body),
  };
  return { h, app, api };
}

async function runAll(api: ReturnType<typeof setup>['api']) {
  for (const type of ['SKU_MISMATCH', 'ORDER_NOT_ACCEPTED', 'SYNC_DELAY', 'DISPATCH_NOT_CONFIRMED']) {
    await api.post(`/api/audits/${type}/run`).expect(200);
  }
}

describe('auditor JSON API', () => {
  it('refuses requests without valid credentials, and answers 503 when none are configured', async () => {
    const { app } = setup();
    await request(app).get('/api/exceptions').expect(401);
    await request(app).get('/api/exceptions').set('Authorization', 'Bearer wrong-token-xxxxxxxx').expect(401);
    const none = setup({ allowAnonymous: false });
    await request(none.app).get('/api/exceptions').expect(503);
    const open = setup({ allowAnonymous: true });
    await request(open.app).get('/api/exceptions').expect(200);
  });

  it('accepts basic auth when configured', async () => {
    const { app } = setup({ basic: 'ops:secret-pass', allowAnonymous: false });
    await request(app).get('/api/flows').auth('ops', 'secret-pass').expect(200);
    const res = await request(app).get('/api/flows').auth('ops', 'nope-nope').expect(401);
    expect(res.headers['www-authenticate']).toContain('Basic');
  });

  it('runs audits on demand and lists exceptions filtered by owner, type, severity and state', async () => {
    const { api } = setup();
    const run = await api.post('/api/audits/order_not_accepted/run').expect(200);
    expect(run.body).toMatchObject({ type: 'ORDER_NOT_ACCEPTED', findings: 1, changes: { OPENED: 1 } });
    await runAll(api);
    const all = await api.get('/api/exceptions').expect(200);
    expect(all.body.exceptions.map((e: IntegrationException) => e.id).sort()).toEqual([
      'ORDER_NOT_ACCEPTED:O-LATE',
      'SKU_MISMATCH:GHOST',
    ]);
    const merch = await api.get('/api/exceptions?owner=MERCH').expect(200);
    expect(merch.body.exceptions.map((e: IntegrationException) => e.id)).toEqual(['SKU_MISMATCH:GHOST']);
    const ops = await api.get('/api/exceptions?type=ORDER_NOT_ACCEPTED&severity=MEDIUM').expect(200);
    expect(ops.body.total).toBe(1);
    expect((await api.get('/api/exceptions?state=RESOLVED').expect(200)).body.total).toBe(0);
    await api.get('/api/exceptions?owner=NOBODY').expect(400);
    await api.post('/api/audits/NOPE/run').expect(404);
  });

  it('acknowledges with who and why, and refuses e-mail addresses and resolved exceptions', async () => {
    const { api, h } = setup();
    await runAll(api);
    const id = encodeURIComponent('SKU_MISMATCH:GHOST');
    const res = await api
      .post(`/api/exceptions/${id}/acknowledge`, { by: 'merch-7', reason: 'variant being created' })
      .expect(200);
    expect(res.body).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: 'merch-7' });
    expect(h.producer.records.at(-1)?.value).toMatchObject({
      id: 'SKU_MISMATCH:GHOST',
      state: 'ACKNOWLEDGED',
    });
    await api.post(`/api/exceptions/${id}/acknowledge`, { by: 'a@b.example', reason: 'x' }).expect(400);
    await api.post(`/api/exceptions/${id}/acknowledge`, {}).expect(400);
    await api
      .post(`/api/exceptions/${encodeURIComponent('SKU_MISMATCH:NONE')}/acknowledge`, {
        by: 'u',
        reason: 'r',
      })
      .expect(404);
    h.readBack();
    h.put('skus', 'GHOST', null);
    await api.post('/api/audits/SKU_MISMATCH/run').expect(200);
    expect((await api.get(`/api/exceptions/${id}`).expect(200)).body.state).toBe('RESOLVED');
    await api.post(`/api/exceptions/${id}/acknowledge`, { by: 'u', reason: 'r' }).expect(409);
  });

  it('looks up a SKU: WAIR per location, in-flight orders, expected allocation, last write', async () => {
    const { api } = setup();
    const res = await api.get('/api/sku/SKU-1').expect(200);
    expect(res.body.stock.locations).toEqual([
      { locationCode: 'WEB01', onHand: 10, reserved: 1, available: 9 },
    ]);
    expect(res.body.inFlightOrders).toEqual([expect.objectContaining({ orderNo: 'O-LATE', units: 2 })]);
    expect(res.body.lists[0]).toMatchObject({
      inventoryListId: 'inventory_m',
      expected: { allocation: 9 },
      lastWrite: { allocation: 7, outcome: 'OK' },
    });
    expect(res.body.sellability).toEqual({ sellable: true });
    expect(res.body.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'WAIR_FIGURE', available: 9, sourceSequence: 3 }),
        expect.objectContaining({
          kind: 'SFCC_WRITE',
          inventoryListId: 'inventory_m',
          allocation: 7,
          outcome: 'OK',
        }),
      ]),
    );
    expect(res.body.history).toHaveLength(2);
    await api.get('/api/sku/NOPE').expect(404);
  });

  it('shows an order timeline from capture to shipped in SFCC', async () => {
    const { api } = setup();
    const res = await api.get('/api/order/O-OK').expect(200);
    expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'CREATED_IN_SFCC',
      'CAPTURED',
      'ACCEPTED_BY_WAIR',
      'DISPATCHED',
      'SHIPPED_IN_SFCC',
    ]);
    await api.get('/api/order/NOPE').expect(404);
  });

  it('summarises flow health', async () => {
    const { api, h } = setup();
    const now = h.clock.now();
    // Two writes inside the window: 15 s and 45 s after their WAIR figures, one of them failed.
    h.put(
      'syncs',
      'SKU-2',
      buildSync('SKU-2', [
        { inventoryListId: 'inventory_m', sourceAsOf: now - 60_000, writtenAt: now - 45_000 },
        {
          inventoryListId: 'inventory_s',
          sourceAsOf: now - 60_000,
          writtenAt: now - 15_000,
          outcome: 'FAILED',
        },
      ]),
    );
    await runAll(api);
    const res = await api.get('/api/flows').expect(200);
    expect(res.body.flows.stockToStorefront).toMatchObject({
      windowMs: 900_000,
      throughputPerMinute: 0.13,
      delayP50Ms: 15_000,
      delayP99Ms: 15_000,
      errors: 1,
      lastSuccessAt: now - 45_000,
      lastActivityAt: now - 15_000,
      counts: { skus: 1, OK: 2, FAILED: 1, REJECTED: 0 },
    });
    expect(res.body.flows.catalog.counts).toMatchObject({ products: 1, sellable: 1 });
    // Old events are outside the window but still give the last success.
    expect(res.body.flows.ordersToWair).toMatchObject({
      throughputPerMinute: 0,
      delayP50Ms: null,
      errors: 0,
      lastSuccessAt: now - 3 * HOUR + 60_000,
    });
    expect(res.body.flows.dispatchToSfcc).toMatchObject({ lastSuccessAt: now - HOUR });
    expect(res.body.flows.ordersToWair).toMatchObject({
      status: 'degraded',
      openExceptions: 1,
      counts: { CAPTURED: 1, ACCEPTED_BY_WAIR: 1 },
    });
    expect(res.body.flows.dispatchToSfcc).toMatchObject({
      status: 'ok',
      counts: { dispatched: 1, CONFIRMED: 1 },
    });
    expect(res.body.openExceptionsByOwner).toEqual({ OPS: 1, CX: 0, MERCH: 1, PLATFORM: 0 });
    expect(res.body.audits).toHaveLength(4);
  });

  it('reports consumer lag of the watched groups', async () => {
    const { api } = setup();
    const res = await api.get('/api/lag').expect(200);
    expect(res.body.groups).toEqual([
      {
        groupId: 'sfcc-inventory-writer',
        topic: 'wair.stock.v1',
        total: 27,
        partitions: [
          { partition: 0, lag: 20 },
          { partition: 1, lag: 7 },
        ],
      },
    ]);
  });

  it('serves open exceptions by owner and the month-end report as CSV', async () => {
    const { api, h } = setup();
    await runAll(api);
    const csv = await api.get('/api/reports/exceptions.csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^owner,type,severity,state,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['MERCH', 'OPS']);
    const from = new Date(h.clock.now() - 24 * HOUR).toISOString();
    const to = new Date(h.clock.now()).toISOString();
    const month = await api.get(`/api/reports/month-end.csv?from=${from}&to=${to}`).expect(200);
    expect(month.text).toContain('orders,captured,2,');
    expect(month.text).toContain('difference,capturedNotAccepted,1,O-LATE');
    const json = await api.get(`/api/reports/month-end?from=${from}&to=${to}`).expect(200);
    expect(json.body.orders).toMatchObject({ captured: 2, accepted: 1, shippedInSfcc: 1 });
    await api.get('/api/reports/month-end.csv?from=x&to=y').expect(400);
  });
});
