import fc from 'fast-check';
import { AccountManagerAuthError } from '../sfcc-errors';
import { createAccountManagerTokenClient } from './account-manager-token.client';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

const anyJson = fc.jsonValue({ maxDepth: 3 });
const tokenBody = fc.record(
  {
    access_token: fc.oneof(fc.constant('tok'), fc.constant(''), anyJson),
    expires_in: fc.oneof(fc.integer({ min: -10, max: 4000 }), fc.constant(1e308), anyJson),
    token_type: fc.constant('Bearer'),
  },
  { requiredKeys: [] },
);
/** One answer of Account Manager, or a transport failure. */
const answer = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ status: fc.constant(200), text: tokenBody.map((b) => JSON.stringify(b)) }),
  },
  fc.record({ status: fc.constant(200), text: anyJson.map((v) => JSON.stringify(v)) }),
  fc.record({ status: fc.constant(200), text: tokenBody.map((b) => JSON.stringify(b).slice(0, -3)) }),
  fc.record({ status: fc.constant(200), text: fc.string({ maxLength: 3000 }) }),
  fc.record({ status: fc.integer({ min: 201, max: 599 }), text: fc.string({ maxLength: 30 }) }),
  fc.constant('network' as const),
);

describe('Account Manager token client under fuzzed answers', () => {
  it('hands out a non-empty token or rejects with an explained AccountManagerAuthError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 4 }), async (given) => {
        const answers = [...given];
        let now = 0;
        const fetch = (async () => {
          const a = answers.shift() ?? 'network';
          if (a === 'network') throw new TypeError('fetch failed');
          return new Response(a.text, { status: a.status });
        }) as unknown as typeof globalThis.fetch;
        const client = createAccountManagerTokenClient({
          amHost: 'http://am.invalid',
          clientId: 'c',
          clientSecret: 's',
          fetch,
          now: () => now,
        });
        for (let i = 0; i < given.length; i += 1) {
          try {
            const token = await client.getToken();
            expect(typeof token).toBe('string');
            expect(token).not.toBe('');
          } catch (error) {
            expect(error).toBeInstanceOf(AccountManagerAuthError);
            expect((error as Error).message).toMatch(/Account Manager/);
            expect(typeof (error as AccountManagerAuthError).retriable).toBe('boolean');
          }
          now += 10_000_000;
        }
      }),
      {
        numRuns: RUNS,
        // Found by this test: a 200 with a `null` body escaped as a TypeError.
        examples: [[[{ status: 200, text: 'null' }]]],
      },
    );
    await settle();
  }, 600_000);
});
