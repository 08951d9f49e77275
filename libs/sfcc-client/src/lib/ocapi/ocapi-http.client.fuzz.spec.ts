import fc from 'fast-check';
import { createSfccResilience } from '../resilience/sfcc-resilience';
import { SfccHttpError, SfccUnavailableError } from '../sfcc-errors';
import { createOcapiHttpClient } from './ocapi-http.client';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

const anyJson = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  fc
    .record({ type: fc.oneof(fc.constant('InvalidAccessTokenException'), fc.string()), message: anyJson })
    .map((fault) => JSON.stringify({ _v: '24.5', fault })),
  fc.string({ maxLength: 40 }),
  fc.nat(200_000).map((n) => `{"fault":{"type":"X","message":"${'m'.repeat(n)}`),
);
const header = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('0', '1', '-5', 'Wed, 21 Oct 2015 07:28:00 GMT'),
);
/** One HTTP answer (any status, odd Retry-After and load headers, any body) or a transport failure. */
const answer = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      status: fc.oneof(
        fc.constantFrom(200, 204, 400, 401, 404, 429, 500, 503),
        fc.integer({ min: 200, max: 599 }),
      ),
      text,
      retryAfter: fc.option(header, { nil: undefined }),
      load: fc.option(fc.oneof(header, fc.constantFrom('OK', 'WARN', 'THROTTLE')), { nil: undefined }),
    }),
  },
  fc.constantFrom(new TypeError('fetch failed'), new DOMException('timed out', 'TimeoutError')),
);

const printable = (v: string): string => v.replace(/[^\x20-\x7e]/g, '?');

describe('OCAPI http client under fuzzed answers', () => {
  // One resilience for all cases (as in production); time is fake so Retry-After pauses pass at once
  // and the breaker, when a case opens it, half-opens for the next ones.
  let clock = Date.now();
  const resilience = createSfccResilience({
    rateLimit: {
      ratePerSecond: 1e6,
      concurrency: 4,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    },
    retry: { maxAttempts: 3, initialDelayMs: 0, maxDelayMs: 0 },
    circuitBreaker: { resetTimeoutMs: 1 },
  });
  afterAll(() => resilience.stop());

  it('returns a 2xx/4xx response or rejects with a typed, explained SFCC error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 6 }), async (given) => {
        const answers = [...given];
        const fetch = (async () => {
          const a = answers.shift() ?? new TypeError('fetch failed');
          if (a instanceof Error) throw a;
          const headers = new Headers();
          if (a.retryAfter !== undefined) headers.set('retry-after', printable(a.retryAfter));
          if (a.load !== undefined) headers.set('sfdc_load_status', printable(a.load));
          const nullBody = [204, 205, 304].includes(a.status);
          return new Response(nullBody ? null : a.text, { status: a.status, headers });
        }) as unknown as typeof globalThis.fetch;
        const http = createOcapiHttpClient({
          host: 'http://sfcc.invalid',
          tokens: { getToken: async () => 't', invalidate: () => undefined },
          resilience,
          fetch,
        });
        try {
          const res = await http.request({ method: 'GET', path: '/s/-/dw/data/v24_5/x' });
          expect(res.status === 401 || res.status === 429 || res.status >= 500).toBe(false);
          expect(Buffer.isBuffer(res.body)).toBe(true);
        } catch (error) {
          expect([SfccHttpError, SfccUnavailableError].some((t) => error instanceof t)).toBe(true);
          expect((error as Error).message).toMatch(/GET \/s\/-\/dw\/data\/v24_5\/x|circuit|SFCC/i);
          expect(typeof (error as SfccHttpError).retriable).toBe('boolean');
        }
      }),
      { numRuns: RUNS },
    );
    await settle();
  }, 600_000);
});
