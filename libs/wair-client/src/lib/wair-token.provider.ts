/** A WAIR access token and its lifetime, as `POST /Token` returns them. */
export interface WairToken {
  accessToken: string;
  expiresIn: number;
}

export interface WairTokenProviderOptions {
  /** Calls `POST /Token`; throws on failure. */
  fetchToken(): Promise<WairToken>;
  /** Renew this long before expiry (capped at a fifth of the lifetime for short-lived tokens). */
  marginSeconds: number;
  clock?: () => number;
}

/** Hands out a WAIR bearer token, fetching a new one shortly before expiry or after a 401. */
export interface WairTokenProvider {
  get(): Promise<string>;
  /** Forgets a token WAIR refused, so the next `get` fetches a new one. */
  invalidate(token: string): void;
}

/**
 * Caches the token until `marginSeconds` before it expires. Concurrent callers share one
 * in-flight `POST /Token`, so a burst of calls after expiry does not become a burst of logins.
 */
export function createWairTokenProvider(options: WairTokenProviderOptions): WairTokenProvider {
  const clock = options.clock ?? Date.now;
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  return {
    get(): Promise<string> {
      if (cached && clock() < cached.renewAt) return Promise.resolve(cached.token);
      inFlight ??= options
        .fetchToken()
        .then((token) => {
          // Typed loosely on purpose: the body is whatever WAIR answered, JSON `null` included.
          const { accessToken, expiresIn } = (token ?? {}) as { accessToken?: unknown; expiresIn?: unknown };
          const lifetime =
            typeof expiresIn === 'number' || typeof expiresIn === 'string' ? Number(expiresIn) : NaN;
          if (typeof accessToken !== 'string' || !accessToken || !(lifetime > 0))
            throw new Error('token response lacks accessToken/expiresIn');
          const margin = Math.min(options.marginSeconds, lifetime * 0.2);
          cached = { token: accessToken, renewAt: clock() + (lifetime - margin) * 1000 };
          return accessToken;
        })
        .finally(() => (inFlight = undefined));
      return inFlight;
    },
    invalidate(token: string): void {
      if (cached?.token === token) cached = undefined;
    },
  };
}
