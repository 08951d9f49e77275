import express, { type Request, type Response } from 'express';
import { createAccountManagerTokenClient } from '../auth/account-manager-token.client';
import type { InventoryRecordWrite } from '../inventory-writer.port';
import { createSfccResilience, type SfccResilienceOptions } from '../resilience/sfcc-resilience';
import { SfccUnavailableError } from '../sfcc-errors';
import {
  accountManagerRoute,
  batchResponseBody,
  fault,
  startStub,
  type StubServer,
} from '../testing/stub-server.test-helper';
import { parseBatchResponse, type BatchPartResponse } from './ocapi-batch.codec';
import { createOcapiHttpClient } from './ocapi-http.client';
import { createOcapiInventoryWriter } from './ocapi-inventory-writer.adapter';

type Handler = (req: Request, parts: BatchPartResponse[], res: Response) => void;

interface Recorded {
  headers: Request['headers'];
  parts: BatchPartResponse[];
  at: number;
}

const ok: Handler = (_req, parts, res) =>
  reply(
    res,
    parts.map((p) => ({ contentId: p.contentId, status: 200, body: p.body })),
  );
function reply(
  res: Response,
  parts: Parameters<typeof batchResponseBody>[1],
  headers: Record<string, string> = {},
): void {
  res
    .status(200)
    .set({ 'content-type': 'multipart/mixed; boundary=resp-b', ...headers })
    .send(batchResponseBody('resp-b', parts));
}

const rec = (productId: string, allocation = 5, list = 'inv-eu'): InventoryRecordWrite => ({
  inventoryListId: list,
  productId,
  allocation,
  resetDate: Date.UTC(2026, 10, 26, 12, 0, 0),
});

describe('OCAPI inventory writer (batch)', () => {
  const am = { issued: 0 };
  const calls: Recorded[] = [];
  let handlers: Handler[] = [];
  let stub: StubServer;
  let fakeNow = 0;
  const sleeps: number[] = [];

  beforeAll(async () => {
    stub = await startStub((app) => {
      accountManagerRoute(app, am);
      app.post(
        '/s/-/dw/batch',
        express.text({ type: 'multipart/mixed', limit: '10mb' }),
        async (req, res) => {
          const parts = await parseBatchResponse(
            String(req.headers['content-type']),
            Buffer.from(req.body as string),
          );
          calls.push({ headers: req.headers, parts, at: fakeNow });
          const handler = handlers.shift() ?? ok;
          handler(req, parts, res);
        },
      );
    });
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    am.issued = 0;
    calls.length = 0;
    handlers = [];
    fakeNow = 0;
    sleeps.length = 0;
  });

  const build = (overrides: Partial<SfccResilienceOptions> = {}) => {
    const tokens = createAccountManagerTokenClient({
      amHost: stub.url,
      clientId: 'client',
      clientSecret: 'secret',
    });
    const resilience = createSfccResilience({
      rateLimit: {
        ratePerSecond: 1000,
        concurrency: 4,
        now: () => fakeNow,
        // The clock only moves when the limiter waits: pauses are measured, not slept.
        sleep: async (ms) => {
          sleeps.push(ms);
          fakeNow += ms;
        },
      },
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
      circuitBreaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 },
      ...overrides,
    });
    const http = createOcapiHttpClient({ host: stub.url, tokens, resilience, now: () => fakeNow });
    return {
      writer: createOcapiInventoryWriter({
        http,
        tokens,
        ocapiVersion: 'v24_5',
        rateSignals: resilience.limiter,
      }),
      resilience,
    };
  };

  it('packs PUTs into one batch with the OCAPI headers and maps every part to OK', async () => {
    const { writer, resilience } = build();
    const results = await writer.write([rec('sku-1', 3), rec('sku 2/x', 0)]);
    await resilience.stop();
    expect(results.map((r) => [r.write.productId, r.status, r.retriable])).toEqual([
      ['sku-1', 'OK', false],
      ['sku 2/x', 'OK', false],
    ]);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-dw-http-method': 'PUT',
      'x-dw-resource-path': '/s/-/dw/data/v24_5/inventory_lists/',
    });
    expect(call?.parts.map((p) => [p.headers['x-dw-resource-path-extension'], p.body])).toEqual([
      [
        'inv-eu/product_inventory_records/sku-1',
        { allocation: { amount: 3, reset_date: '2026-11-26T12:00:00.000Z' } },
      ],
      [
        'inv-eu/product_inventory_records/sku%202%2Fx',
        { allocation: { amount: 0, reset_date: '2026-11-26T12:00:00.000Z' } },
      ],
    ]);
  });

  it('splits more than 50 records into batches of at most 50 parts', async () => {
    const { writer, resilience } = build();
    const results = await writer.write(Array.from({ length: 120 }, (_, i) => rec(`sku-${i}`)));
    await resilience.stop();
    expect(calls.map((c) => c.parts.length).sort((a, b) => b - a)).toEqual([50, 50, 20]);
    expect(results.every((r) => r.status === 'OK')).toBe(true);
  });

  it('rejects a bad sub-request individually with its fault, and the others succeed', async () => {
    handlers.push((_req, parts, res) =>
      reply(
        res,
        parts.map((p, i) =>
          i === 1
            ? {
                contentId: p.contentId,
                status: 400,
                body: fault('PropertyConstraintViolationException', 'amount < 0'),
              }
            : i === 2
              ? { contentId: p.contentId, status: 503, body: fault('ServiceUnavailableException', 'busy') }
              : { contentId: p.contentId, status: 200, body: {} },
        ),
      ),
    );
    const { writer, resilience } = build();
    const results = await writer.write([rec('a'), rec('b'), rec('c')]);
    await resilience.stop();
    expect(results.map((r) => [r.write.productId, r.status, r.retriable, r.faultType ?? null])).toEqual([
      ['a', 'OK', false, null],
      ['b', 'REJECTED', false, 'PropertyConstraintViolationException'],
      ['c', 'FAILED', true, 'ServiceUnavailableException'],
    ]);
    expect(results[1]?.message).toBe('amount < 0');
  });

  it('refuses an impossible record locally with a message naming the field', async () => {
    const { writer, resilience } = build();
    const results = await writer.write([rec('a', -1), rec(' b '), rec('c')]);
    await resilience.stop();
    expect(results.map((r) => r.status)).toEqual(['REJECTED', 'REJECTED', 'OK']);
    expect(results[0]?.message).toMatch(/allocation must be a non-negative integer/);
    expect(results[1]?.message).toMatch(/whitespace/);
    expect(calls[0]?.parts).toHaveLength(1);
  });

  it('re-authenticates once when parts answer InvalidAccessTokenException and resends only those', async () => {
    handlers.push((_req, parts, res) =>
      reply(
        res,
        parts.map((p, i) =>
          i === 0
            ? { contentId: p.contentId, status: 200 }
            : { contentId: p.contentId, status: 401, body: fault('InvalidAccessTokenException', 'expired') },
        ),
      ),
    );
    const { writer, resilience } = build();
    const results = await writer.write([rec('a'), rec('b')]);
    await resilience.stop();
    expect(results.map((r) => r.status)).toEqual(['OK', 'OK']);
    expect(calls.map((c) => [c.headers.authorization, c.parts.length])).toEqual([
      ['Bearer token-1', 2],
      ['Bearer token-2', 1],
    ]);
  });

  it('re-authenticates once when the whole request answers 401', async () => {
    handlers.push(
      (_req, _parts, res) => void res.status(401).json(fault('InvalidAccessTokenException', 'expired')),
    );
    const { writer, resilience } = build();
    const results = await writer.write([rec('a')]);
    await resilience.stop();
    expect(results[0]?.status).toBe('OK');
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('honours 429 Retry-After: the retry goes out only after the pause', async () => {
    handlers.push(
      (_req, _parts, res) =>
        void res.status(429).set('retry-after', '2').json(fault('QuotaExceededException', 'slow down')),
    );
    const { writer, resilience } = build();
    const results = await writer.write([rec('a')]);
    const rate = resilience.limiter.currentRate();
    await resilience.stop();
    expect(results[0]?.status).toBe('OK');
    expect(calls.map((c) => c.at)).toEqual([0, 2000]);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(rate).toBeLessThan(1000);
  });

  it('lowers its rate on 503 and on sfdc_load_status THROTTLE, and retries the 503', async () => {
    handlers.push(
      (_req, _parts, res) => void res.status(503).set('sfdc_load_status', 'THROTTLE').send('busy'),
    );
    const { writer, resilience } = build({});
    const results = await writer.write([rec('a')]);
    const afterOverload = resilience.limiter.currentRate();
    await resilience.stop();
    expect(results[0]?.status).toBe('OK');
    expect(calls).toHaveLength(2);
    expect(afterOverload).toBe(500);
  });

  it('maps a batch refused as a whole (QuotaExceededException) to REJECTED for every record', async () => {
    handlers.push(
      (_req, _parts, res) => void res.status(400).json(fault('QuotaExceededException', 'too many parts')),
    );
    const { writer, resilience } = build();
    const results = await writer.write([rec('a'), rec('b')]);
    await resilience.stop();
    expect(results.map((r) => [r.status, r.faultType])).toEqual([
      ['REJECTED', 'QuotaExceededException'],
      ['REJECTED', 'QuotaExceededException'],
    ]);
  });

  it('opens the circuit when SFCC keeps failing, then fails fast without calling it', async () => {
    const down: Handler = (_req, _parts, res) => void res.status(500).send('down');
    handlers.push(down, down, down, down, down, down);
    const { writer, resilience } = build();
    await expect(writer.write([rec('a')])).rejects.toMatchObject({ retriable: true, status: 500 });
    const seen = calls.length;
    const error = await writer.write([rec('b')]).catch((e: unknown) => e);
    const state = resilience.breaker.state();
    await resilience.stop();
    expect(seen).toBe(3);
    expect(error).toBeInstanceOf(SfccUnavailableError);
    expect(calls.length).toBe(seen);
    expect(state).toBe('OPEN');
  });

  it('feeds a sub-response 429 Retry-After to the limiter and reports that record as FAILED, retriable', async () => {
    handlers.push((_req, parts, res) =>
      reply(
        res,
        parts.map((p, i) =>
          i === 0
            ? { contentId: p.contentId, status: 200 }
            : {
                contentId: p.contentId,
                status: 429,
                headers: { 'retry-after': '3' },
                body: fault('QuotaExceededException', 'later'),
              },
        ),
      ),
    );
    const { writer, resilience } = build();
    const results = await writer.write([rec('a'), rec('b')]);
    const pausedUntil = resilience.limiter.pausedUntil();
    await resilience.stop();
    expect(results.map((r) => [r.status, r.retriable])).toEqual([
      ['OK', false],
      ['FAILED', true],
    ]);
    expect(pausedUntil).toBe(3000);
  });
});
