import { testWairClientOptions } from '../testing/test-wair-client';
import { WairApiError } from './wair-api.error';
import { createWairClient } from './wair-client';

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * WAIR behind a stubbed fetch: every token request hands out the next token (T1, T2, …); page
 * requests get the scripted answers in order, and each records the token it carried.
 */
function setup(pages: Answer[]) {
  let issued = 0;
  const used: string[] = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const reply = (a: Answer) =>
      new Response(JSON.stringify(a.body), {
        status: a.status,
        headers: { 'content-type': 'application/json', ...a.headers },
      });
    if (String(input).includes('/Token')) {
      issued += 1;
      return reply({ status: 200, body: { accessToken: `T${issued}`, expiresIn: 3600 } });
    }
    used.push(String(new Headers(init?.headers).get('authorization')).replace('Bearer ', ''));
    return reply(pages.shift() ?? { status: 200, body: { records: [], moreRecordsAvailable: false } });
  });
  const client = createWairClient(testWairClientOptions({ maxRetries: 3 }));
  return { client, used, issued: () => issued };
}

const refused = { status: 401, body: { error: 'invalid_token', message: 'unknown token' } };
const ok = { status: 200, body: { records: [{ skuCode: 'A' }], moreRecordsAvailable: false } };

describe('createWairClient authentication', () => {
  afterEach(() => jest.restoreAllMocks());

  it('renews a token again when one it had accepted expires during a Retry-After wait', async () => {
    const { client, used, issued } = setup([
      refused,
      { status: 429, body: { error: 'rate_limited' }, headers: { 'retry-after': '0' } },
      refused,
      ok,
    ]);
    await expect(client.getPage('/StockLevels', { Offset: 0 })).resolves.toEqual({
      records: [{ skuCode: 'A' }],
      moreRecordsAvailable: false,
    });
    expect(used).toEqual(['T1', 'T2', 'T2', 'T3']);
    expect(issued()).toBe(3);
  });

  it('renews a token revoked right after it was fetched', async () => {
    const { client, used } = setup([refused, refused, ok]);
    await expect(client.getPage('/StockLevels', {})).resolves.toMatchObject({ records: [{ skuCode: 'A' }] });
    expect(used).toEqual(['T1', 'T2', 'T3']);
  });

  it('gives up, not retriable, when WAIR refuses every fresh token (wrong credentials or tenant)', async () => {
    const { client, used, issued } = setup([refused, refused, refused, refused, ok]);
    const error = await client.getPage('/StockLevels', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WairApiError);
    expect(error).toMatchObject({ retriable: false, context: { status: 401 } });
    expect(used).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(issued()).toBe(4);
  });
});
