import { AccountManagerAuthError } from '../sfcc-errors';

/** A source of Account Manager bearer tokens, shared by OCAPI and SCAPI clients. */
export interface AccessTokenProvider {
  /** A valid token: the cached one, or a fresh one (concurrent callers share one request). */
  getToken(): Promise<string>;
  /**
   * Drops the cached token after SFCC answered `InvalidAccessTokenException`. Pass the token that
   * failed: a token that was already replaced by a newer one is left alone.
   */
  invalidate(token?: string): void;
}

export interface AccountManagerTokenClientOptions {
  /** Account Manager base URL, e.g. `https://account.demandware.com` (or the simulator). */
  amHost: string;
  clientId: string;
  clientSecret: string;
  /** Refresh this long before `expires_in` runs out, so no call goes out with a dying token. */
  refreshMarginMs?: number;
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
}

/**
 * Account Manager client credentials grant (`POST /dwsso/oauth2/access_token`, HTTP Basic client
 * id/secret, form `grant_type=client_credentials`). The token is cached until `refreshMarginMs`
 * before it expires. The secret is only ever sent in the Authorization header, never logged.
 */
export function createAccountManagerTokenClient(
  options: AccountManagerTokenClientOptions,
): AccessTokenProvider {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const margin = options.refreshMarginMs ?? 60_000;
  const url = `${options.amHost.replace(/\/+$/, '')}/dwsso/oauth2/access_token`;
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const requestToken = async (): Promise<string> => {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new AccountManagerAuthError(`Account Manager unreachable: ${(error as Error).message}`, true);
    }
    if (!res.ok) {
      await res.text().catch(() => '');
      const retriable = res.status === 429 || res.status >= 500;
      throw new AccountManagerAuthError(
        `Account Manager answered ${res.status} to the token request`,
        retriable,
        {
          status: res.status,
        },
      );
    }
    // `?? {}`: a 200 whose body is JSON `null` must end in the explained error below.
    const body = ((await res.json().catch(() => ({}))) ?? {}) as TokenResponse;
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AccountManagerAuthError('Account Manager answered without access_token', true, {
        status: res.status,
      });
    }
    const expiresInMs = (typeof body.expires_in === 'number' ? body.expires_in : 1799) * 1000;
    // A margin larger than half the lifetime would refresh on every call; cap it.
    cached = { token: body.access_token, refreshAt: now() + expiresInMs - Math.min(margin, expiresInMs / 2) };
    return body.access_token;
  };

  return {
    getToken() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      inFlight ??= requestToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate(token) {
      if (!cached || token === undefined || cached.token === token) cached = undefined;
    },
  };
}
