import { randomBytes } from 'node:crypto';

/** An issued Account Manager access token. */
export interface IssuedToken {
  accessToken: string;
  clientId: string;
  scope: string[];
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck =
  { ok: true; token: IssuedToken } | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'revoked' };

export interface TokenStoreOptions {
  ttlSeconds: number;
  now: () => number;
}

/** Tokens the simulated Account Manager issued; revocable so tests can force re-authentication. */
export function createTokenStore(options: TokenStoreOptions) {
  const tokens = new Map<string, IssuedToken>();
  const revoked = new Set<string>();
  let ttlSeconds = options.ttlSeconds;
  return {
    issue(clientId: string, scope: string[]): IssuedToken {
      const issuedAt = options.now();
      const token: IssuedToken = {
        accessToken: randomBytes(24).toString('base64url'),
        clientId,
        scope,
        issuedAt,
        expiresAt: issuedAt + ttlSeconds * 1000,
      };
      tokens.set(token.accessToken, token);
      return token;
    },
    get ttlSeconds(): number {
      return ttlSeconds;
    },
    setTtlSeconds(seconds: number): void {
      ttlSeconds = seconds;
    },
    /** Checks an `Authorization` header value (`Bearer <token>`). */
    check(authorization: string | undefined): TokenCheck {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match?.[1]) return { ok: false, reason: 'missing' };
      const value = match[1];
      if (revoked.has(value)) return { ok: false, reason: 'revoked' };
      const token = tokens.get(value);
      if (!token) return { ok: false, reason: 'unknown' };
      if (token.expiresAt <= options.now()) return { ok: false, reason: 'expired' };
      return { ok: true, token };
    },
    /** The client a bearer header belongs to, valid or not (rate limiting keys on it). */
    clientOf(authorization: string | undefined): string | undefined {
      const value = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      return value ? tokens.get(value)?.clientId : undefined;
    },
    /** Revokes one token, or every token issued so far when none is named; returns how many. */
    revoke(accessToken?: string): number {
      const targets = accessToken ? [accessToken] : [...tokens.keys()];
      for (const t of targets) {
        revoked.add(t);
        tokens.delete(t);
      }
      return targets.length;
    },
    active(): number {
      const now = options.now();
      return [...tokens.values()].filter((t) => t.expiresAt > now).length;
    },
    reset(): void {
      tokens.clear();
      revoked.clear();
      ttlSeconds = options.ttlSeconds;
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
