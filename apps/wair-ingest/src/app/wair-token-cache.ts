import { WairApiError } from './wair-api.error';

export interface TokenCacheOptions {
  /** Fetches a new token: the token and its lifetime in seconds. */
  fetchToken(): Promise<{ accessToken: string; expiresIn: number }>;
  /** Renew this long before expiry (capped at a fifth of the lifetime for short-lived tokens). */
  marginSeconds: number;
  clock?: () => number;
}

/** Caches the WAIR token until shortly before expiry; concurrent callers share one refresh. */
export function createTokenCache(options: TokenCacheOptions) {
  const clock = options.clock ?? Date.now;
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  return {
    async get(): Promise<string> {
      if (cached && clock() < cached.renewAt) return cached.token;
      inFlight ??= options
        .fetchToken()
        .then(({ accessToken, expiresIn }) => {
          if (!accessToken || !(expiresIn > 0)) {
            throw new WairApiError('token response lacks accessToken/expiresIn', true, { path: 'token' });
          }
          const margin = Math.min(options.marginSeconds, expiresIn * 0.2);
          cached = { token: accessToken, renewAt: clock() + (expiresIn - margin) * 1000 };
          return accessToken;
        })
        .finally(() => (inFlight = undefined));
      return inFlight;
    },
    /** Forgets a token WAIR refused, so the next get() fetches a new one. */
    invalidate(token: string): void {
      if (cached?.token === token) cached = undefined;
    },
  };
}

export type TokenCache = ReturnType<typeof createTokenCache>;
