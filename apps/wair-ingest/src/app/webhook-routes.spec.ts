import express from 'express';
import request from 'supertest';
import { createHmac } from 'node:crypto';
import { DLQ_HEADERS } from '@wair-sfcc/contracts';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import { parseFieldNames } from './field-names';
import { createIngestMetrics } from './ingest-metrics';
import { createIngestPipeline } from './ingest-pipeline';
import { createWebhookRoutes } from './webhook-routes';

const SECRET = 'unit-secret';
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function setup() {
  const producer = createInMemoryProducer();
  const registry = createMetricsRegistry({ app: 'wair-ingest' });
  const metrics = createIngestMetrics(registry);
  const names = parseFieldNames('{}');
  const logger = createLogger({ app: 'wair-ingest', level: 'silent' });
  const pipeline = createIngestPipeline({
    app: 'wair-ingest',
    producer,
    names,
    metrics,
    logger,
    skuPattern: '^[A-Z0-9]+(?:-[A-Z0-9]+)*$',
    locations: ['WEB01', 'DC01'],
    topics: {
      stock: 'wair.stock.v1',
      dispatches: 'wair.dispatches.v1',
      skus: 'wair.skus.v1',
      exceptions: 'integration.exceptions.v1',
    },
    clock: () => NOW,
  });
  const app = express();
  app.use(
    createWebhookRoutes({
      settings: {
        path: '/webhooks/wair',
        secret: SECRET,
        signatureHeader: 'X-Wair-Signature',
        timestampHeader: 'X-Wair-Timestamp',
        toleranceSeconds: 300,
        maxBodyBytes: 2048,
      },
      pipeline,
      names,
      metrics,
      logger,
      clock: () => NOW,
    }),
  );
  return { app, producer, registry };
}

const stock = (over: Record<string, unknown> = {}) => ({
  skuCode: 'ST10000-BLK-M',
  locationCode: 'WEB01',
  onHand: 10,
  reserved: 2,
  available: 8,
  modifiedDateTime: '2026-01-01T11:59:59.000Z',
  sequence: 7,
  ...over,
});

function post(app: express.Express, body: string, ts = Math.floor(NOW / 1000), secret = SECRET) {
  const signature = `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
  return request(app)
    .post('/webhooks/wair')
    .set('content-type', 'application/json')
    .set('X-Wair-Timestamp', String(ts))
    .set('X-Wair-Signature', signature)
    .send(body);
}

const event = (data: unknown, type = 'stock.changed') => JSON.stringify({ id: 'evt_1', type, data });

describe('webhook routes', () => {
  it('publishes a valid stock.changed as the full per-SKU record and drops its duplicate', async () => {
    const { app, producer } = setup();
    const first = await post(app, event(stock()));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ outcome: 'PRODUCED' });
    expect(producer.table('wair.stock.v1').get('ST10000-BLK-M')).toMatchObject({
      sku: 'ST10000-BLK-M',
      origin: 'WEBHOOK',
      sourceSequence: 7,
      locations: [{ locationCode: 'WEB01', onHand: 10, reserved: 2, available: 8, sequence: 7 }],
    });
    const again = await post(app, event(stock()));
    expect(again.body).toEqual({ outcome: 'DUPLICATE' });
    const older = await post(app, event(stock({ sequence: 6, onHand: 99, available: 97 })));
    expect(older.body).toEqual({ outcome: 'DUPLICATE' });
    expect(producer.records.filter((r) => r.topic === 'wair.stock.v1')).toHaveLength(1);
  });

  it.each([
    [
      'a wrong signature',
      (app: express.Express) => post(app, event(stock()), undefined, 'other-secret'),
      'invalid_signature',
    ],
    [
      'a stale timestamp',
      (app: express.Express) => post(app, event(stock()), Math.floor(NOW / 1000) - 301),
      'stale_timestamp',
    ],
    [
      'no signature',
      (app: express.Express) => request(app).post('/webhooks/wair').send(event(stock())),
      'invalid_signature',
    ],
  ])('rejects %s with 401 and a clear error', async (_what, send, error) => {
    const { app, producer, registry } = setup();
    const res = await send(app);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error, message: expect.any(String) });
    expect(producer.records).toHaveLength(0);
    expect(await registry.metrics()).toMatch(
      new RegExp(`wair_ingest_webhook_signature_failures_total\\{reason="${error}"[^}]*\\} 1`),
    );
  });

  it('rejects an oversized body with 413', async () => {
    const { app } = setup();
    const res = await post(app, event({ ...stock(), padding: 'x'.repeat(4000) }));
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payload_too_large');
  });

  it.each([
    ['malformed JSON', '{"type": "stock.changed", "data": ', '(body)'],
    ['a negative quantity', event(stock({ onHand: -5, available: -7 })), 'data.onHand'],
    ['an unknown location', event(stock({ locationCode: 'ZZ99' })), 'data.locationCode'],
    ['a missing field', event({ ...stock(), skuCode: undefined }), 'data.skuCode'],
    ['a wrong type', event(stock({ sequence: 'seven' })), 'data.sequence'],
    ['an unknown event type', event(stock(), 'stock.exploded'), 'type'],
  ])('answers %s with 400 naming the field and parks the raw body on the DLQ', async (_what, body, field) => {
    const { app, producer } = setup();
    const res = await post(app, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_payload', field, parkedOnDlq: true });
    const parked = producer.records.filter((r) => r.topic === 'wair.stock.v1.dlq');
    expect(parked).toHaveLength(1);
    expect(parked[0]?.raw?.toString()).toBe(body);
    expect(parked[0]?.headers?.[DLQ_HEADERS.app]).toBe('wair-ingest');
    expect(parked[0]?.headers?.[DLQ_HEADERS.sourceTopic]).toBe('wair-webhook:stock');
    // The service keeps serving.
    expect((await post(app, event(stock()))).status).toBe(200);
  });

  it('raises SKU_MISMATCH for a lower-case or padded SKU instead of publishing it', async () => {
    const { app, producer } = setup();
    const res = await post(app, event(stock({ skuCode: 'st10000-blk-m ' })));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('SKU_MISMATCH');
    expect(producer.records.filter((r) => r.topic === 'wair.stock.v1')).toHaveLength(0);
    expect(producer.table('integration.exceptions.v1').get('SKU_MISMATCH:st10000-blk-m ')).toMatchObject({
      type: 'SKU_MISMATCH',
      owner: 'MERCH',
      subject: 'st10000-blk-m ',
      detail: expect.stringContaining('whitespace'),
    });
  });

  it('answers 503 when Kafka does not acknowledge, and republishes on the retried delivery', async () => {
    const { app, producer } = setup();
    producer.failNext(1, new Error('broker down'));
    expect((await post(app, event(stock()))).status).toBe(503);
    const retried = await post(app, event(stock()));
    expect(retried.status).toBe(200);
    expect(producer.table('wair.stock.v1').get('ST10000-BLK-M')).toMatchObject({ sourceSequence: 7 });
  });

  it('accumulates the shipments of an order from order.dispatched', async () => {
    const { app, producer } = setup();
    const dispatch = (id: string, sku: string) => ({
      dispatchId: id,
      orderNumber: 'SIM00000001',
      carrier: 'DPD',
      service: null,
      trackingNumber: `TRK-${id}`,
      trackingUrl: `https://t.example/${id}`,
      lines: [{ skuCode: sku, quantity: 1 }],
      dispatchedDateTime: '2026-01-01T11:00:00.000Z',
      modifiedDateTime: '2026-01-01T11:00:00.000Z',
    });
    await post(app, event(dispatch('D1', 'A-1'), 'order.dispatched')).expect(200);
    await post(app, event(dispatch('D2', 'B-1'), 'order.dispatched')).expect(200);
    await post(app, event(dispatch('D1', 'A-1'), 'order.dispatched')).expect(200, { outcome: 'DUPLICATE' });
    const order = producer.table('wair.dispatches.v1').get('SIM00000001') as {
      dispatches: Array<{ dispatchId: string }>;
    };
    expect(order.dispatches.map((d) => d.dispatchId)).toEqual(['D1', 'D2']);
  });
});
