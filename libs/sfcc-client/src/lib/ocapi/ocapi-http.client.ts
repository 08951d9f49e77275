import type { AccessTokenProvider } from '../auth/account-manager-token.client';
import { parseRetryAfter } from '../resilience/adaptive-rate-limiter';
import type { SfccResilience } from '../resilience/sfcc-resilience';
import { SfccHttpError } from '../sfcc-errors';
import { isInvalidAccessToken, parseOcapiFault } from './ocapi-fault';

export interface OcapiRequest {
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under the host, e.g. `/s/-/dw/batch`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A response of 2xx or 4xx (other than a token problem); 429 and 5xx are thrown as errors. */
export interface OcapiResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface OcapiHttpClientOptions {
  /** Instance host with scheme, e.g. `https://dev01-eu01-acme.demandware.net`. */
  host: string;
  tokens: AccessTokenProvider;
  resilience: SfccResilience;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Authorised HTTP to OCAPI and WebDAV: bearer token, re-auth once on 401, throttled, retried. */
export interface OcapiHttpClient {
  request(request: OcapiRequest): Promise<OcapiResponse>;
}

/**
 * One attempt goes: token → fetch → feed the load signals to the limiter → on 401
 * `InvalidAccessTokenException` drop the token and repeat once → 429/5xx become retriable errors
 * so the resilience layer backs off and retries.
 */
export function createOcapiHttpClient(options: OcapiHttpClientOptions): OcapiHttpClient {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const host = options.host.replace(/\/+$/, '');

  const attempt = async (request: OcapiRequest): Promise<OcapiResponse> => {
    for (let reauthed = false; ; reauthed = true) {
      const token = await options.tokens.getToken();
      let res: Response;
      try {
        res = await doFetch(`${host}${request.path}`, {
          method: request.method,
          headers: { ...request.headers, authorization: `Bearer ${token}` },
          body: request.body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        throw new SfccHttpError(`${request.method} ${request.path} failed: ${(error as Error).message}`, {
          method: request.method,
          path: request.path,
          retriable: true,
        });
      }
      const body = Buffer.from(await res.arrayBuffer());
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
      options.resilience.limiter.observe({
        status: res.status,
        retryAfterMs,
        loadStatus: res.headers.get('sfdc_load_status'),
      });
      const fault = res.ok ? undefined : parseOcapiFault(body);
      if (isInvalidAccessToken(res.status, fault)) {
        options.tokens.invalidate(token);
        if (!reauthed) continue;
      }
      if (res.status === 429 || res.status >= 500 || res.status === 401) {
        throw new SfccHttpError(
          `${request.method} ${request.path} answered ${res.status}${fault ? ` ${fault.type}: ${fault.message ?? ''}` : ''}`,
          {
            method: request.method,
            path: request.path,
            status: res.status,
            faultType: fault?.type,
            retriable: res.status !== 401,
            retryAfterMs,
          },
        );
      }
      return { status: res.status, headers: res.headers, body };
    }
  };

  return { request: (request) => options.resilience.execute(() => attempt(request)) };
}
