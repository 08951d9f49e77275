import fc from 'fast-check';
import { UpstreamCallError, type WairSale } from '@wair-sfcc/order-domain';
import { createWairSalesClient } from './wair-sales.adapter';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** The text of an engine error leaking out instead of an explained one. */
const ENGINE_ERROR =
  /Cannot read properties|Cannot destructure|is not a function|is not iterable|Cannot convert/;

const anyJson = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  fc.record({ error: anyJson, message: anyJson }, { requiredKeys: [] }).map((b) => JSON.stringify(b)),
  fc
    .array(
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('S1', 'S2'), anyJson),
          accepted: fc.oneof(fc.boolean(), anyJson),
          reason: anyJson,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    )
    .map((results) => JSON.stringify({ results })),
  fc.string({ maxLength: 40 }),
  anyJson.map((v) => JSON.stringify(v).slice(0, -1)),
);
const tokenText = fc.oneof(
  { weight: 4, arbitrary: fc.constant('{"accessToken":"t","expiresIn":3600}') },
  fc.record({ accessToken: anyJson, expiresIn: anyJson }, { requiredKeys: [] }).map((b) => JSON.stringify(b)),
  anyJson.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 20 }),
);
const status = fc.oneof(
  { weight: 3, arbitrary: fc.constant(200) },
  fc.constantFrom(201, 204, 400, 401, 409, 429, 500, 503),
  fc.integer({ min: 200, max: 599 }),
);
const answer = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      status,
      text,
      retryAfter: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    }),
  },
  fc.constant('network' as const),
);

const sales = [{ id: 'S1' }, { id: 'S2' }] as WairSale[];

describe('WAIR write client under fuzzed answers', () => {
  it('resolves as its port says or rejects with an explained UpstreamCallError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 4 }),
        fc.record({ status: fc.oneof({ weight: 5, arbitrary: fc.constant(200) }, status), text: tokenText }),
        fc.constantFrom('postSales', 'startBatch', 'stopBatch', 'postStockNotForReplenishment'),
        async (given, token, op) => {
          const answers = [...given];
          const fetch = (async (url: string | URL | Request) => {
            if (String(url).endsWith('/Token')) return new Response(token.text, { status: token.status });
            const a = answers.shift() ?? 'network';
            if (a === 'network') throw new TypeError('fetch failed');
            const nullBody = [204, 205, 304].includes(a.status);
            const headers =
              a.retryAfter === undefined
                ? undefined
                : { 'retry-after': a.retryAfter.replace(/[^\x20-\x7e]/g, '') };
            return new Response(nullBody ? null : a.text, { status: a.status, headers });
          }) as typeof globalThis.fetch;
          const port = createWairSalesClient({
            baseUrl: 'http://wair.invalid',
            tenant: 't',
            username: 'u',
            password: 'p',
            maxAttempts: 3,
            initialDelayMs: 0,
            maxDelayMs: 0,
            fetch,
            sleep: async () => undefined,
          });
          let outcome: unknown;
          try {
            if (op === 'postSales') outcome = await port.postSales(sales);
            else if (op === 'postStockNotForReplenishment')
              outcome = await port.postStockNotForReplenishment({} as never);
            else outcome = await port[op]();
          } catch (error) {
            expect(error).toBeInstanceOf(UpstreamCallError);
            expect((error as Error).message).not.toBe('');
            expect((error as Error).message).not.toMatch(ENGINE_ERROR);
            expect(typeof (error as UpstreamCallError).retriable).toBe('boolean');
            return;
          }
          if (op === 'postSales') {
            const results = outcome as Array<{ id: unknown; accepted: unknown; reason?: unknown }>;
            expect(results).toHaveLength(sales.length);
            for (const r of results) {
              expect(typeof r.id).toBe('string');
              expect(typeof r.accepted).toBe('boolean');
              if (r.reason !== undefined) expect(typeof r.reason).toBe('string');
            }
          } else {
            expect(outcome).toBeUndefined();
          }
        },
      ),
      {
        numRuns: RUNS,
        examples: [
          // Found by this test: a token answer of JSON `null` escaped as a destructuring TypeError.
          [[{ status: 200, text: '{}', retryAfter: undefined }], { status: 200, text: 'null' }, 'startBatch'],
        ],
      },
    );
    await settle();
  }, 600_000);
});
