import fc from 'fast-check';
import type { InventoryRecordWrite } from '../inventory-writer.port';
import { SfccHttpError } from '../sfcc-errors';
import type { OcapiHttpClient, OcapiResponse } from './ocapi-http.client';
import { createOcapiInventoryWriter } from './ocapi-inventory-writer.adapter';
import { createOcapiInventoryReader } from './ocapi-inventory-reader.adapter';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** The text of an engine error leaking out instead of an explained one. */
const ENGINE_ERROR = /Cannot read properties|is not a function|is not iterable|Cannot convert/;

const anyJson = fc.jsonValue({ maxDepth: 3 });
const faultDoc = fc
  .record({
    type: fc.constantFrom('InvalidAccessTokenException', 'X', 'QuotaExceededException'),
    message: fc.string(),
  })
  .map((fault) => ({ _v: '24.5', fault }));
const partBody = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  faultDoc.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
);
const status = fc.oneof(fc.constantFrom(200, 201, 400, 401, 404, 429, 500, 503), fc.integer(), fc.string());

/** A batch response: parts that answer some ids (or garbage ids), with odd statuses and headers. */
function batchResponse(ids: string[]): fc.Arbitrary<OcapiResponse> {
  const part = fc
    .record({
      id: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 4 })),
      status,
      body: partBody,
      retryAfter: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
      drop: fc.subarray(['id', 'status']),
    })
    .map(
      (p) =>
        (p.drop.includes('id') ? '' : `x-dw-content-id: ${p.id}\r\n`) +
        (p.drop.includes('status') ? '' : `x-dw-status-code: ${String(p.status)}\r\n`) +
        (p.retryAfter === undefined ? '' : `retry-after: ${p.retryAfter.replace(/[\r\n]/g, '')}\r\n`) +
        `content-type: application/json\r\n\r\n${p.body}\r\n`,
    );
  const multipart = fc
    .record({ parts: fc.array(part, { maxLength: ids.length + 2 }), close: fc.boolean(), cut: fc.boolean() })
    .map(({ parts, close, cut }) => {
      const text = parts.map((p) => `--rb\r\n${p}`).join('') + (close ? '--rb--\r\n' : '');
      return {
        status: 200,
        headers: new Headers({ 'content-type': 'multipart/mixed; boundary=rb' }),
        body: Buffer.from(cut ? text.slice(0, text.length / 2) : text),
      };
    });
  const other = fc
    .record({
      status: fc.constantFrom(200, 204, 400, 403, 404, 409),
      type: fc.constantFrom('application/json', 'text/plain', 'multipart/mixed', ''),
      body: fc.oneof(
        partBody,
        fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b).toString('latin1')),
      ),
    })
    .map(({ status: s, type, body }) => ({
      status: s,
      headers: new Headers(type ? { 'content-type': type } : {}),
      body: Buffer.from(body),
    }));
  return fc.oneof({ weight: 3, arbitrary: multipart }, other);
}

const tokens = { getToken: async () => 't', invalidate: () => undefined };
const write = (productId: string): InventoryRecordWrite => ({
  inventoryListId: 'inv',
  productId,
  allocation: 1,
  resetDate: 0,
});

describe('OCAPI inventory writer under fuzzed batch responses', () => {
  it('gives every record a result with a reason, or rejects with a typed error', async () => {
    const ids = ['0', '1', '2'];
    const scenario = fc.tuple(batchResponse(ids), batchResponse(ids));
    await fc.assert(
      fc.asyncProperty(scenario, async (answers) => {
        const queue = [...answers];
        const http: OcapiHttpClient = { request: async () => queue.shift() ?? answers[0] };
        const writer = createOcapiInventoryWriter({
          http,
          tokens,
          rateSignals: { observe: () => undefined },
        });
        let results;
        try {
          results = await writer.write(ids.map((id) => write(`P${id}`)));
        } catch (error) {
          expect(error).toBeInstanceOf(SfccHttpError);
          expect((error as Error).message).not.toMatch(ENGINE_ERROR);
          return;
        }
        expect(results).toHaveLength(ids.length);
        for (const r of results) {
          expect(['OK', 'REJECTED', 'FAILED']).toContain(r.status);
          expect(typeof r.retriable).toBe('boolean');
          if (r.status !== 'OK') expect(r.message).toBeTruthy();
        }
      }),
      {
        numRuns: RUNS,
        examples: [
          // Found by this test: a 200 that is not multipart escaped as a plain Error.
          [
            [
              {
                status: 200,
                headers: new Headers({ 'content-type': 'application/json' }),
                body: Buffer.from('{}'),
              },
              { status: 200, headers: new Headers(), body: Buffer.from('') },
            ],
          ],
          // Found by this test: a refused part whose fault message is empty got an empty message.
          [
            [
              {
                status: 200,
                headers: new Headers({ 'content-type': 'multipart/mixed; boundary=rb' }),
                body: Buffer.from(
                  '--rb\r\nx-dw-content-id: 0\r\nx-dw-status-code: 400\r\n\r\n{"fault":{"type":"X","message":""}}\r\n--rb--\r\n',
                ),
              },
              { status: 200, headers: new Headers(), body: Buffer.from('') },
            ],
          ],
        ],
      },
    );
    await settle();
  }, 600_000);
});

describe('OCAPI inventory reader under fuzzed responses', () => {
  const record = fc.record(
    {
      product_id: fc.oneof(fc.string({ maxLength: 5 }), anyJson),
      inventory_list_id: fc.oneof(fc.string({ maxLength: 5 }), anyJson),
      allocation: fc.oneof(
        fc.record({ amount: anyJson, reset_date: anyJson }, { requiredKeys: [] }),
        anyJson,
      ),
      ats: fc.oneof(fc.integer(), anyJson),
      stock_level: fc.oneof(fc.integer(), anyJson),
      inventory_turnover: fc.oneof(fc.integer(), anyJson),
      perpetual_flag: fc.oneof(fc.boolean(), anyJson),
      last_modified: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), anyJson),
    },
    { requiredKeys: [] },
  );
  const page = fc.record(
    { data: fc.oneof(fc.array(record, { maxLength: 4 }), anyJson), total: anyJson },
    { requiredKeys: [] },
  );
  const text = fc.oneof(
    { weight: 3, arbitrary: page.map((p) => JSON.stringify(p)) },
    record.map((r) => JSON.stringify(r)),
    anyJson.map((v) => JSON.stringify(v)),
    page.map((p) => JSON.stringify(p).slice(0, -2)),
    fc.string({ maxLength: 40 }),
    faultDoc.map((f) => JSON.stringify(f)),
    fc.constant(JSON.stringify({ fault: { type: 'ProductInventoryRecordNotFoundException' } })),
  );
  const response = fc
    .record({ status: fc.constantFrom(200, 200, 200, 400, 404), text })
    .map(({ status: s, text: t }): OcapiResponse => ({
      status: s,
      headers: new Headers(),
      body: Buffer.from(t),
    }));

  const wellTyped = (r: Record<string, unknown>): void => {
    for (const k of ['inventoryListId', 'productId']) expect(typeof r[k]).toBe('string');
    for (const k of ['allocation', 'ats', 'stockLevel', 'turnover']) expect(Number.isFinite(r[k])).toBe(true);
    expect(typeof r['perpetual']).toBe('boolean');
    for (const k of ['resetDate', 'lastModified'])
      if (r[k] !== null) expect(Number.isFinite(r[k])).toBe(true);
  };

  it('returns well-typed records or rejects with an SfccHttpError naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(response, fc.boolean(), async (res, one) => {
        const reader = createOcapiInventoryReader({ http: { request: async () => res } });
        try {
          if (one) {
            const r = await reader.readOne('inv', 'P1');
            if (r) wellTyped(r as unknown as Record<string, unknown>);
          } else {
            const p = await reader.readPage('inv', 0, 10);
            expect(Number.isInteger(p.total)).toBe(true);
            for (const r of p.records) wellTyped(r as unknown as Record<string, unknown>);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(SfccHttpError);
          expect((error as Error).message).not.toMatch(ENGINE_ERROR);
        }
      }),
      {
        numRuns: RUNS,
        examples: [
          // Found by this test: truncated JSON and a non-array `data` escaped as engine errors.
          [{ status: 200, headers: new Headers(), body: Buffer.from('{"data":[') }, false],
          [{ status: 200, headers: new Headers(), body: Buffer.from('{"data":"x"}') }, false],
          [{ status: 200, headers: new Headers(), body: Buffer.from('null') }, true],
        ],
      },
    );
    await settle();
  }, 600_000);
});
