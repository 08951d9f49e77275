import { accountManagerRoute, startStub, type StubServer } from '../testing/stub-server.test-helper';
import { AccountManagerAuthError } from '../sfcc-errors';
import { createAccountManagerTokenClient } from './account-manager-token.client';

describe('Account Manager token client', () => {
  const state = { issued: 0, expiresIn: 1799 };
  let stub: StubServer;
  beforeAll(async () => {
    stub = await startStub((app) => accountManagerRoute(app, state));
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    state.issued = 0;
  });

  it('sends client credentials and caches the token until shortly before expires_in', async () => {
    let now = 0;
    const client = createAccountManagerTokenClient({
      amHost: stub.url,
      clientId: 'client',
      clientSecret: 'secret',
      refreshMarginMs: 60_000,
      now: () => now,
    });
    expect(await client.getToken()).toBe('token-1');
    now = 1799_000 - 60_001;
    expect(await client.getToken()).toBe('token-1');
    now = 1799_000 - 60_000;
    expect(await client.getToken()).toBe('token-2');
    expect(state.issued).toBe(2);
  });

  it('shares one request between concurrent callers (single flight)', async () => {
    const client = createAccountManagerTokenClient({
      amHost: stub.url,
      clientId: 'client',
      clientSecret: 'secret',
    });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => client.getToken()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(state.issued).toBe(1);
  });

  it('fetches a new token after invalidate, but not when a newer token already replaced the failed one', async () => {
    const client = createAccountManagerTokenClient({
      amHost: stub.url,
      clientId: 'client',
      clientSecret: 'secret',
    });
    const first = await client.getToken();
    client.invalidate(first);
    const second = await client.getToken();
    expect(second).toBe('token-2');
    client.invalidate(first);
    expect(await client.getToken()).toBe('token-2');
  });

  it('refuses bad credentials with a non-retriable error that does not contain the secret', async () => {
    const client = createAccountManagerTokenClient({
      amHost: stub.url,
      clientId: 'client',
      clientSecret: 'wrong-secret',
    });
    const error = await client.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountManagerAuthError);
    expect(error).toMatchObject({ retriable: false, context: { status: 401 } });
    expect(String((error as Error).message)).not.toContain('wrong-secret');
  });

  it('reports an unreachable Account Manager as retriable', async () => {
    const client = createAccountManagerTokenClient({
      amHost: 'http://127.0.0.1:1',
      clientId: 'client',
      clientSecret: 'secret',
    });
    await expect(client.getToken()).rejects.toMatchObject({ retriable: true });
  });
});
