import { isUpstreamCallError, type UpstreamCallError, type WairSale } from '@wair-sfcc/order-domain';
import { createWairSalesClient } from './wair-sales.adapter';

type Scripted = { status: number; body?: unknown; headers?: Record<string, string> } | 'reset';

/** A fetch that answers /Token with a fresh token and other paths from a script, recording calls. */
function scriptedFetch(script: Scripted[]) {
  const calls: Array<{ path: string; auth: string | null }> = [];
  let tokens = 0;
  const impl = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const path = new URL(String(url)).pathname;
    const headers = new Headers(init?.headers);
    calls.push({ path, auth: headers.get('authorization') });
    if (path === '/Token') {
      tokens += 1;
      return Response.json({ accessToken: `tok${tokens}`, expiresIn: 3600, tokenType: 'Bearer' });
    }
    const next = script.shift() ?? { status: 200, body: {} };
    if (next === 'reset') throw new TypeError('fetch failed');
    return Response.json(next.body ?? {}, { status: next.status, headers: next.headers });
  };
  return { impl: impl as typeof fetch, calls };
}

function client(script: Scripted[], maxAttempts = 4) {
  const fetch = scriptedFetch(script);
  const sleeps: number[] = [];
  const retries: Array<number | undefined> = [];
  const port = createWairSalesClient({
    baseUrl: 'http://wair.test/',
    tenant: 't1',
    username: 'u',
    password: 'p',
    maxAttempts,
    initialDelayMs: 1,
    maxDelayMs: 2,
    fetch: fetch.impl,
    sleep: async (ms) => void sleeps.push(ms),
    onRetry: ({ status }) => retries.push(status),
  });
  return { port, calls: fetch.calls, sleeps, retries };
}

const sale = { id: 'O1' } as WairSale;

async function failure(p: Promise<unknown>): Promise<UpstreamCallError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isUpstreamCallError(error)) throw new Error(`expected UpstreamCallError, got ${String(error)}`);
  return error;
}

describe('createWairSalesClient', () => {
  it('sends Bearer + X-Tenant and returns per-sale verdicts', async () => {
    const { port, calls } = client([
      {
        status: 200,
        body: { results: [{ id: 'O1', accepted: false, reason: 'lines[0].quantity: must not be 0' }] },
      },
    ]);
    expect(await port.postSales([sale])).toEqual([
      { id: 'O1', accepted: false, reason: 'lines[0].quantity: must not be 0' },
    ]);
    expect(calls.map((c) => c.path)).toEqual(['/Token', '/api/v1/Sales']);
    expect(calls[1]?.auth).toBe('Bearer tok1');
  });

  it("reads WAIR's reservation time (ignoring a missing or unreadable one) and any reason as text", async () => {
    const { port } = client([
      {
        status: 200,
        body: {
          results: [
            { id: 'O1', accepted: true, reservedDateTime: '2026-11-27T04:00:00.250Z' },
            { id: 'O2', accepted: true },
            { id: 'O3', accepted: true, reservedDateTime: 'soon' },
            { id: 'O4', accepted: false, reason: { toString: 1 } },
          ],
        },
      },
    ]);
    const four = ['O2', 'O3', 'O4'].map((id) => ({ id }) as WairSale);
    expect(await port.postSales([sale, ...four])).toEqual([
      { id: 'O1', accepted: true, reservedAt: Date.parse('2026-11-27T04:00:00.250Z') },
      { id: 'O2', accepted: true },
      { id: 'O3', accepted: true },
      // A reason that is not text is shown as JSON (String() of this object would throw).
      { id: 'O4', accepted: false, reason: '{"toString":1}' },
    ]);
  });

  it('honours Retry-After on 429 and backs off on 5xx and resets, then succeeds', async () => {
    const { port, sleeps, retries } = client([
      { status: 429, headers: { 'Retry-After': '3' } },
      { status: 503 },
      'reset',
    ]);
    await port.startBatch();
    expect(retries).toEqual([429, 503, undefined]);
    expect(sleeps).toEqual([3000]);
  });

  it('caps a long Retry-After at maxRetryAfterMs (30 s by default)', async () => {
    const { port, sleeps } = client([{ status: 429, headers: { 'Retry-After': '600' } }]);
    await port.stopBatch();
    expect(sleeps).toEqual([30_000]);
  });

  it('gives up after maxAttempts with a retriable error', async () => {
    const { port, calls } = client([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }], 4);
    const error = await failure(port.postStockNotForReplenishment({ fullLoad: false, records: [] }));
    expect(error).toMatchObject({ system: 'WAIR', status: 500, retriable: true });
    expect(error.operation).toBe('postStockNotForReplenishment');
    expect(calls.filter((c) => c.path !== '/Token')).toHaveLength(4);
  });

  it('re-authenticates once on 401, and a second 401 is not retriable', async () => {
    const ok = client([{ status: 401 }, { status: 200, body: {} }]);
    await ok.port.startBatch();
    expect(ok.calls.map((c) => c.auth ?? c.path)).toEqual(['/Token', 'Bearer tok1', '/Token', 'Bearer tok2']);
    const refused = client([{ status: 401 }, { status: 401 }]);
    expect(await failure(refused.port.startBatch())).toMatchObject({ status: 401, retriable: false });
  });

  it('throws 409 at once as retriable and 400 as not retriable', async () => {
    const conflict = client([{ status: 409, body: { error: 'no_batch_started', message: 'start first' } }]);
    const e409 = await failure(conflict.port.postSales([sale]));
    expect(e409).toMatchObject({ status: 409, retriable: true });
    expect(e409.message).toContain('no_batch_started');
    expect(conflict.retries).toEqual([]);
    const bad = client([{ status: 400, body: { error: 'invalid_request' } }]);
    expect(await failure(bad.port.postSales([sale]))).toMatchObject({ status: 400, retriable: false });
  });

  it('takes a 409 on Batch/stop after a lost answer as done, but not on the first attempt', async () => {
    const lost = client(['reset', { status: 409 }]);
    await expect(lost.port.stopBatch()).resolves.toBeUndefined();
    const plain = client([{ status: 409 }]);
    expect(await failure(plain.port.stopBatch())).toMatchObject({ status: 409, retriable: true });
  });

  it('refuses a Sales answer without one verdict per sale', async () => {
    const { port } = client([{ status: 200, body: { results: [] } }]);
    expect(await failure(port.postSales([sale]))).toMatchObject({ retriable: false });
  });
});
