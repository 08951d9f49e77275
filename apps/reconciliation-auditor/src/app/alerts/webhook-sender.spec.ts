import { createWebhookSender } from './webhook-sender';

const URL_WITH_TOKEN = 'https://hooks.example.test/services/T1/B1/tok3n';
const target = { url: URL_WITH_TOKEN, format: 'generic' as const };

function fakeFetch(answers: Array<number | Error>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift() ?? 200;
    if (next instanceof Error) throw next;
    return new Response('{}', { status: next });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const sender = (fetchFn: typeof fetch, attempts = 3) =>
  createWebhookSender({ timeoutMs: 1_000, attempts, startingDelayMs: 1, maxDelayMs: 2, fetch: fetchFn });

describe('webhook sender', () => {
  it('POSTs the JSON body with a timeout signal', async () => {
    const f = fakeFetch([200]);
    await expect(sender(f.fn)(target, { a: 1 })).resolves.toEqual({ ok: true, attempts: 1, status: 200 });
    expect(f.calls[0]?.init).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(f.calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('retries network errors, 429 and 5xx up to the attempt limit', async () => {
    const f = fakeFetch([new TypeError('fetch failed'), 429, 503, 200]);
    expect(await sender(f.fn, 4)(target, {})).toMatchObject({ ok: true, attempts: 4 });
    const g = fakeFetch([500, 502, 503, 200]);
    expect(await sender(g.fn, 3)(target, {})).toEqual({
      ok: false,
      attempts: 3,
      status: 503,
      error: 'WebhookStatusError: webhook answered 503',
    });
  });

  it('does not retry other 4xx answers', async () => {
    const f = fakeFetch([404, 200]);
    expect(await sender(f.fn)(target, {})).toMatchObject({ ok: false, attempts: 1, status: 404 });
  });

  it('never reports the URL or its token in the error', async () => {
    const f = fakeFetch([
      new Error(`cannot reach ${URL_WITH_TOKEN}`),
      new Error('bad /services/T1/B1/tok3n'),
    ]);
    const result = await sender(f.fn, 2)(target, {});
    expect(result.ok).toBe(false);
    expect(result.error).toBe('Error: bad <path>');
    expect(result.error).not.toContain('tok3n');
  });
});
