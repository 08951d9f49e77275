import { createWairTokenProvider } from './wair-token.provider';

describe('createWairTokenProvider', () => {
  it('shares one fetch between concurrent callers and renews before expiry', async () => {
    let now = 0;
    let fetches = 0;
    const tokens = createWairTokenProvider({
      marginSeconds: 60,
      clock: () => now,
      fetchToken: async () => ({ accessToken: `t${++fetches}`, expiresIn: 600 }),
    });
    expect(await Promise.all([tokens.get(), tokens.get(), tokens.get()])).toEqual(['t1', 't1', 't1']);
    now = 539_000;
    expect(await tokens.get()).toBe('t1');
    now = 541_000;
    expect(await tokens.get()).toBe('t2');
    tokens.invalidate('stale');
    expect(await tokens.get()).toBe('t2');
    tokens.invalidate('t2');
    expect(await tokens.get()).toBe('t3');
  });

  it('caps the margin for short-lived tokens and refuses a token response without a token', async () => {
    let now = 0;
    let n = 0;
    const tokens = createWairTokenProvider({
      marginSeconds: 60,
      clock: () => now,
      fetchToken: async () => ({ accessToken: `a${++n}`, expiresIn: 10 }),
    });
    expect(await tokens.get()).toBe('a1');
    now = 7_900;
    expect(await tokens.get()).toBe('a1');
    now = 8_000;
    expect(await tokens.get()).toBe('a2');
    const broken = createWairTokenProvider({
      marginSeconds: 60,
      fetchToken: async () => ({ accessToken: '', expiresIn: 10 }),
    });
    await expect(broken.get()).rejects.toThrow('lacks accessToken');
  });
});
