import fc from 'fast-check';
import { UpstreamCallError } from '@wair-sfcc/order-domain';
import { createSfccResilience } from '../resilience/sfcc-resilience';
import { startStub, type StubServer } from '../testing/stub-server.test-helper';
import { createScapiOrdersClient } from './scapi-orders.client';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** The text of an engine error leaking out instead of an explained one. */
const ENGINE_ERROR = /Cannot read properties|is not a function|is not iterable|Cannot convert/;

const anyJson = fc.jsonValue({ maxDepth: 3 });
const order = fc.oneof(
  fc.record({ orderNo: fc.string({ maxLength: 6 }), exportStatus: fc.constantFrom('ready', 'exported') }),
  anyJson,
);
const page = fc.record(
  {
    data: fc.oneof(fc.array(order, { maxLength: 3 }), anyJson),
    limit: fc.oneof(fc.nat(50), anyJson),
    offset: fc.oneof(fc.nat(50), anyJson),
    total: fc.oneof(fc.nat(50), anyJson),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 3, arbitrary: page.map((p) => JSON.stringify(p)) },
  order.map((o) => JSON.stringify(o)),
  page.map((p) => JSON.stringify(p).slice(0, -2)),
  anyJson.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc
    .record({ detail: anyJson, title: anyJson }, { requiredKeys: [] })
    .map((p) => JSON.stringify({ type: 'x', ...p })),
);
const answer = fc.record({
  status: fc.oneof(
    { weight: 3, arbitrary: fc.constant(200) },
    fc.constantFrom(400, 401, 404, 409, 429, 500, 503),
  ),
  type: fc.constantFrom('application/json', 'application/problem+json', 'text/plain'),
  body,
});
type Answer = { status: number; type: string; body: string };

describe('SCAPI orders client under fuzzed answers (stub server)', () => {
  let stub: StubServer;
  const queue: Answer[] = [];
  let clock = Date.now();
  const resilience = createSfccResilience({
    rateLimit: {
      ratePerSecond: 1e6,
      concurrency: 4,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    },
    retry: { maxAttempts: 2, initialDelayMs: 0, maxDelayMs: 0 },
    circuitBreaker: { resetTimeoutMs: 1 },
  });

  beforeAll(async () => {
    stub = await startStub((app) => {
      app.use((_req, res) => {
        const a = queue.shift() ?? { status: 500, type: 'text/plain', body: 'no answer queued' };
        res.status(a.status).type(a.type).send(a.body);
      });
    });
  });
  afterAll(async () => {
    await resilience.stop();
    await stub.close();
  });

  it('resolves with well-typed values or rejects with an explained UpstreamCallError', async () => {
    const client = createScapiOrdersClient({
      scapiHost: stub.url,
      organizationId: 'f_ecom_test_001',
      siteId: 'site',
      tokens: { getToken: async () => 't', invalidate: () => undefined },
      resilience,
      now: () => clock,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('list', 'get', 'update'),
        async (answers, op) => {
          queue.length = 0;
          queue.push(...answers);
          let outcome: unknown;
          try {
            if (op === 'list') outcome = await client.listOrders({ limit: 10, offset: 0 });
            else if (op === 'get') outcome = await client.getOrder('1');
            else outcome = await client.updateExportStatus('1', 'exported');
          } catch (error) {
            expect(error).toBeInstanceOf(UpstreamCallError);
            expect((error as Error).message).not.toBe('');
            expect((error as Error).message).not.toMatch(ENGINE_ERROR);
            return;
          }
          if (op === 'list') {
            const p = outcome as Record<string, unknown>;
            expect(Array.isArray(p['data'])).toBe(true);
            for (const k of ['limit', 'offset', 'total']) expect(typeof p[k]).toBe('number');
          } else if (op === 'get' && outcome !== undefined) {
            expect(typeof outcome === 'object' && outcome !== null && !Array.isArray(outcome)).toBe(true);
          }
        },
      ),
      {
        numRuns: RUNS,
        examples: [
          // Found by this test: a 200 page with `data` not an array was handed on as data, a 200
          // with a `null` body escaped as a TypeError, and getOrder returned non-objects.
          [[{ status: 200, type: 'application/json', body: '{"data":"x"}' }], 'list'],
          [[{ status: 200, type: 'application/json', body: 'null' }], 'list'],
          [[{ status: 200, type: 'application/json', body: '"x"' }], 'get'],
        ],
      },
    );
    await settle();
  }, 600_000);
});
