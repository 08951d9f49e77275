import express, { type Router } from 'express';
import type { TokenStore } from '../auth/token-store';
import { checkOcapiToken } from './ocapi-auth';
import type { OcapiDataDispatcher } from './ocapi-data-dispatcher';
import { ocapiFault } from './ocapi-fault';
import { parseJsonBody, sendApiResult } from './send-api-result';

export interface OcapiDataRoutesOptions {
  version: string;
  tokens: TokenStore;
  dispatch: OcapiDataDispatcher;
}

/** `/s/-/dw/data/{version}/...`: single OCAPI Data API calls, authenticated with an AM bearer token. */
export function createOcapiDataRoutes(options: OcapiDataRoutesOptions): Router {
  const { version } = options;
  const router = express.Router();
  router.use('/s/-/dw/data', express.text({ type: () => true, limit: '5mb' }), (req, res) => {
    const [, requested = '', ...rest] = req.path.split('/');
    if (requested !== version) {
      sendApiResult(
        res,
        ocapiFault(
          version,
          404,
          'ResourcePathNotFoundException',
          `Unsupported or unknown API version '${requested}'; this instance serves '${version}'.`,
        ),
      );
      return;
    }
    const denied = checkOcapiToken(options.tokens, version, req.headers.authorization);
    if (denied) {
      sendApiResult(res, denied);
      return;
    }
    const body = parseJsonBody(req.body);
    if (!body.ok) {
      sendApiResult(res, ocapiFault(version, 400, 'MalformedDocumentException', body.message));
      return;
    }
    const url = new URL(req.originalUrl, 'http://sim');
    sendApiResult(
      res,
      options.dispatch({
        method: req.method,
        path: `/${rest.join('/')}`,
        query: url.searchParams,
        body: body.value,
        via: 'ocapi',
        clientId: options.tokens.clientOf(req.headers.authorization),
        baseUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}/s/-/dw/data/${version}`,
      }),
    );
  });
  return router;
}
