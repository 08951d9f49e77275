import { createObservedFetch } from './observed-fetch';

describe('observed fetch', () => {
  it('reports the status of every attempt and network failures, passing responses through', async () => {
    const seen: string[] = [];
    const answers = [new Response('ok', { status: 200 }), new Response('slow down', { status: 429 })];
    const inner = (async () => {
      const next = answers.shift();
      if (!next) throw new TypeError('fetch failed');
      return next;
    }) as typeof fetch;
    const observed = createObservedFetch((s) => seen.push(s), inner);

    expect(await (await observed('http://sfcc/a')).text()).toBe('ok');
    expect((await observed('http://sfcc/b')).status).toBe(429);
    await expect(observed('http://sfcc/c')).rejects.toThrow('fetch failed');
    expect(seen).toEqual(['200', '429', 'network_error']);
  });
});
