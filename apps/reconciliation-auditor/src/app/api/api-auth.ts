import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/** Who may use the JSON API. */
export interface ApiAuthSettings {
  /** Accepted as `Authorization: Bearer <token>`. */
  token?: string;
  /** `user:password` accepted as HTTP basic auth. */
  basic?: string;
  /** Lets anyone in (local runs only, explicitly configured). */
  allowAnonymous: boolean;
}

// Hashing first gives equal-length inputs, so the comparison time says nothing about the secret.
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

/** Bearer token or basic auth; 401 without valid credentials, 503 when no credentials are configured. */
export function createApiAuth(settings: ApiAuthSettings): RequestHandler {
  return (req, res, next) => {
    if (settings.allowAnonymous) return next();
    if (!settings.token && !settings.basic) {
      res
        .status(503)
        .json({ error: 'API authentication is not configured (API_TOKEN or API_BASIC_PASSWORD)' });
      return;
    }
    const header = req.get('authorization') ?? '';
    const [scheme = '', value = ''] = header.split(' ', 2);
    if (settings.token && scheme.toLowerCase() === 'bearer' && sameSecret(value, settings.token))
      return next();
    if (settings.basic && scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      if (sameSecret(decoded, settings.basic)) return next();
    }
    res
      .status(401)
      .set('WWW-Authenticate', settings.basic ? 'Basic realm="reconciliation-auditor"' : 'Bearer')
      .json({ error: 'authentication required' });
  };
}
