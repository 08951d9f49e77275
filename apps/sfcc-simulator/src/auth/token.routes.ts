import express, { type Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { TokenStore } from './token-store';

export interface TokenRoutesOptions {
  tokens: TokenStore;
  clientId: string;
  clientSecret: string;
  /** Scopes the client may be granted; a request asking for others gets `invalid_scope`. */
  scopes: string[];
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  if (at < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, at)), secret: decodeURIComponent(decoded.slice(at + 1)) };
}

/**
 * Account Manager's OAuth2 token endpoint for API clients (client credentials grant):
 * `POST /dwsso/oauth2/access_token` with HTTP Basic `client_id:client_secret` and the form body
 * `grant_type=client_credentials[&scope=...]`. Errors use OAuth2's `{error, error_description}`.
 */
export function createTokenRoutes(options: TokenRoutesOptions): Router {
  const router = express.Router();
  router.post(
    '/dwsso/oauth2/access_token',
    express.urlencoded({ extended: false, limit: '16kb' }),
    (req, res) => {
      const body = (req.body ?? {}) as Record<string, string | undefined>;
      const credentials = basicCredentials(req.headers.authorization);
      if (
        !credentials ||
        !sameText(credentials.id, options.clientId) ||
        !sameText(credentials.secret, options.clientSecret)
      ) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Basic realm="Account Manager"')
          .json({ error: 'invalid_client', error_description: 'Client authentication failed' });
        return;
      }
      if (body['grant_type'] !== 'client_credentials') {
        res.status(400).json({
          error: 'unsupported_grant_type',
          error_description: `grant_type must be client_credentials, got ${JSON.stringify(body['grant_type'] ?? null)}`,
        });
        return;
      }
      const requested = (body['scope'] ?? '').split(/\s+/).filter(Boolean);
      const unknown = requested.filter((s) => !options.scopes.includes(s));
      if (unknown.length > 0) {
        res
          .status(400)
          .json({ error: 'invalid_scope', error_description: `scope not granted: ${unknown.join(' ')}` });
        return;
      }
      const scope = requested.length > 0 ? requested : options.scopes;
      const token = options.tokens.issue(credentials.id, scope);
      res.set('Cache-Control', 'no-store').json({
        access_token: token.accessToken,
        scope: scope.join(' '),
        token_type: 'Bearer',
        expires_in: Math.round((token.expiresAt - token.issuedAt) / 1000),
      });
    },
  );
  return router;
}
