import express, { type Router } from 'express';
import type { TokenStore } from '../auth/token-store';
import { normaliseImpexPath, type WebdavStore } from './webdav-store';

const PREFIX = '/on/demandware.servlet/webdav/Sites/Impex';

/**
 * The IMPEX WebDAV share (`/on/demandware.servlet/webdav/Sites/Impex/...`): PUT stores a file
 * (201 new, 204 replaced), GET reads it back, DELETE removes it, MKCOL succeeds (folders are
 * implicit here). Authenticated with the same Account Manager bearer token as OCAPI.
 */
export function createWebdavRoutes(options: {
  tokens: TokenStore;
  files: WebdavStore;
  now: () => number;
}): Router {
  const router = express.Router();
  router.use(PREFIX, express.raw({ type: () => true, limit: '512mb' }), (req, res) => {
    const check = options.tokens.check(req.headers.authorization);
    if (!check.ok) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .type('text/plain')
        .send(`Unauthorized (${check.reason} token)`);
      return;
    }
    const path = normaliseImpexPath(req.path);
    if (!path) {
      res.status(400).type('text/plain').send('A file path below Sites/Impex/ is required.');
      return;
    }
    switch (req.method) {
      case 'PUT': {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const outcome = options.files.put(path, body, options.now());
        res.status(outcome === 'created' ? 201 : 204).end();
        return;
      }
      case 'GET': {
        const content = options.files.get(path);
        if (!content) res.status(404).type('text/plain').send(`Not found: ${path}`);
        else res.status(200).type('application/octet-stream').send(content);
        return;
      }
      case 'DELETE':
        res.status(options.files.delete(path) ? 204 : 404).end();
        return;
      case 'MKCOL':
        res.status(201).end();
        return;
      default:
        res.status(405).set('Allow', 'PUT, GET, DELETE, MKCOL').end();
    }
  });
  return router;
}
