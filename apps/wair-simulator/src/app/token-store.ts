import { randomBytes } from 'node:crypto';

/** Access tokens issued by POST /Token, each valid for one tenant until it expires. */
export function createTokenStore(ttlSeconds: number, clock: () => number = Date.now) {
  const tokens = new Map<string, { tenant: string; expiresAt: number }>();
  let ttl = ttlSeconds;
  return {
    issue(tenant: string) {
      const accessToken = randomBytes(24).toString('base64url');
      tokens.set(accessToken, { tenant, expiresAt: clock() + ttl * 1000 });
      return { accessToken, expiresIn: ttl, tokenType: 'Bearer' as const };
    },
    /** Why a token is not accepted for the tenant, or undefined when it is. */
    problem(token: string | undefined, tenant: string | undefined): string | undefined {
      if (!token) return 'missing bearer token';
      const entry = tokens.get(token);
      if (!entry) return 'unknown token';
      if (entry.expiresAt <= clock()) {
        tokens.delete(token);
        return 'token expired';
      }
      if (entry.tenant !== tenant) return 'token was issued for another tenant';
      return undefined;
    },
    /** Test control: every issued token expires now. */
    expireAll(): number {
      const n = tokens.size;
      tokens.clear();
      return n;
    },
    setTtl(seconds: number): void {
      ttl = seconds;
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
