import express, { type Router } from 'express';
import type { TokenStore } from '../auth/token-store';
import { buildMultipartMixed, parseMultipartMixed, type MimePart } from './batch-multipart';
import { checkOcapiToken } from './ocapi-auth';
import type { OcapiDataDispatcher } from './ocapi-data-dispatcher';
import { ocapiFault, type ApiResult } from './ocapi-fault';
import { parseJsonBody, sendApiResult } from './send-api-result';

export const BATCH_MAX_PARTS = 50;
export const BATCH_MAX_BYTES = 5 * 1024 * 1024;

export interface BatchRoutesOptions {
  version: string;
  tokens: TokenStore;
  dispatch: OcapiDataDispatcher;
}

// Accepts `/s/-/dw/data/v24_5/...` (the documented form) and the shorter `data/v24_5/...`.
const RESOURCE = /^(?:\/s\/[^/]+\/dw\/|\/?dw\/|\/)?data\/(v\d+_\d+)(\/.*)?$/;

function joinPath(base: string, extension: string | undefined): string {
  if (!extension) return base;
  return `${base.replace(/\/+$/, '')}/${extension.replace(/^\/+/, '')}`;
}

/**
 * OCAPI batch: `POST /s/-/dw/batch` with a `multipart/mixed` body. Each part is one Data API
 * sub-request: method and resource path come from the main request's `x-dw-http-method` and
 * `x-dw-resource-path` unless the part sets its own; `x-dw-resource-path-extension` is appended.
 * The answer is `multipart/mixed` with `x-dw-content-id` and `x-dw-status-code` per part.
 */
export function createBatchRoutes(options: BatchRoutesOptions): Router {
  const { version } = options;
  const router = express.Router();
  router.post('/s/-/dw/batch', express.raw({ type: () => true, limit: '64mb' }), (req, res) => {
    const denied = checkOcapiToken(options.tokens, version, req.headers.authorization);
    if (denied) return sendApiResult(res, denied);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (raw.length > BATCH_MAX_BYTES) {
      return sendApiResult(
        res,
        ocapiFault(
          version,
          400,
          'RequestEntityTooLargeException',
          `The batch request is ${raw.length} bytes; at most ${BATCH_MAX_BYTES} are allowed.`,
          {
            size: raw.length,
            max: BATCH_MAX_BYTES,
          },
        ),
      );
    }
    const parsed = parseMultipartMixed(req.headers['content-type'] ?? '', raw);
    if (!parsed.ok)
      return sendApiResult(res, ocapiFault(version, 400, 'MalformedMediaTypeException', parsed.message));
    if (parsed.parts.length > BATCH_MAX_PARTS) {
      return sendApiResult(
        res,
        ocapiFault(
          version,
          400,
          'QuotaExceededException',
          `The batch request has ${parsed.parts.length} sub-requests; at most ${BATCH_MAX_PARTS} are allowed.`,
          {
            count: parsed.parts.length,
            max: BATCH_MAX_PARTS,
          },
        ),
      );
    }
    const mainMethod = req.get('x-dw-http-method');
    const mainPath = req.get('x-dw-resource-path');
    const clientId = options.tokens.clientOf(req.headers.authorization);
    const baseUrl = `${req.protocol}://${req.get('host') ?? 'localhost'}/s/-/dw/data/${version}`;
    const answers: MimePart[] = parsed.parts.map((part, index) => {
      const contentId = part.headers['x-dw-content-id'] ?? String(index + 1);
      const result = runPart(part, mainMethod, mainPath, baseUrl, clientId);
      const headers: Record<string, string> = {
        'x-dw-content-id': contentId,
        'x-dw-status-code': String(result.status),
      };
      if (result.body !== undefined) headers['content-type'] = 'application/json';
      return { headers, body: result.body === undefined ? '' : JSON.stringify(result.body) };
    });
    const out = buildMultipartMixed(answers);
    res.status(200).set('Content-Type', out.contentType).send(out.body);
  });

  function runPart(
    part: MimePart,
    mainMethod: string | undefined,
    mainPath: string | undefined,
    baseUrl: string,
    clientId: string | undefined,
  ): ApiResult {
    const method = (part.headers['x-dw-http-method'] ?? mainMethod ?? '').toUpperCase();
    const base = part.headers['x-dw-resource-path'] ?? mainPath;
    if (!method)
      return ocapiFault(version, 400, 'MissingHeaderException', "Sub-request has no 'x-dw-http-method'.");
    if (!base)
      return ocapiFault(version, 400, 'MissingHeaderException', "Sub-request has no 'x-dw-resource-path'.");
    const full = joinPath(base, part.headers['x-dw-resource-path-extension']);
    const [pathOnly = '', queryString = ''] = full.split('?');
    const match = RESOURCE.exec(pathOnly);
    if (!match)
      return ocapiFault(version, 404, 'ResourcePathNotFoundException', `Unknown resource path '${full}'.`);
    if (match[1] !== version) {
      return ocapiFault(
        version,
        404,
        'ResourcePathNotFoundException',
        `Unsupported API version '${match[1]}'; this instance serves '${version}'.`,
      );
    }
    const body = parseJsonBody(part.body);
    if (!body.ok) return ocapiFault(version, 400, 'MalformedDocumentException', body.message);
    return options.dispatch({
      method,
      path: match[2] ?? '/',
      query: new URLSearchParams(queryString),
      body: body.value,
      via: 'batch',
      baseUrl,
      clientId,
    });
  }
  return router;
}
