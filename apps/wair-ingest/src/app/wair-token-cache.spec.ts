import { createTokenCache } from './wair-token-cache';

describe('WAIR token cache', () => {
  it('shares one refresh between concurrent callers and reuses the token until shortly before expiry', async () => {
    let now = 0;
    let fetches = 0;
    const cache = createTokenCache({
      marginSeconds: 60,
      clock: () => now,
      fetchToken: async () => ({ accessToken: `t${++fetches}`, expiresIn: 600 }),
    });
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['t1', 't1', 't1']);
    now = 539_000;
    expect(await cache.get()).toBe('t1');
    now = 541_000;
    expect(await cache.get()).toBe('t2');
    cache.invalidate('t2');
    expect(await cache.get()).toBe('t3');
    expect(fetches).toBe(3);
  });

  it('renews short-lived tokens before they expire and surfaces a bad token response', async () => {
    let now = 0;
    let n = 0;
    const cache = createTokenCache({
      marginSeconds: 60,
      clock: () => now,
      fetchToken: async () => ({ accessToken: `a${++n}`, expiresIn: 10 }),
    });
    expect(await cache.get()).toBe('a1');
    now = 7_900;
    expect(await cache.get()).toBe('a1');
    // A fifth of the lifetime is the margin when the configured one would exceed it.
    now = 8_100;
    expect(await cache.get()).toBe('a2');
    const broken = createTokenCache({
      marginSeconds: 60,
      fetchToken: async () => ({ accessToken: '', expiresIn: 10 }),
    });
    await expect(broken.get()).rejects.toThrow(/accessToken/);
  });
});
