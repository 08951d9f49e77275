import Bottleneck from 'bottleneck';
import type { Logger } from '@wair-sfcc/observability';
import type { FieldNames } from './field-names';
import { WairApiError } from './wair-api.error';
import { createWairTokenProvider } from '@wair-sfcc/wair-client';

export interface WairClientOptions {
  baseUrl: string;
  tenant: string;
  username: string;
  password: string;
  tokenPath: string;
  names: FieldNames;
  tokenMarginSeconds: number;
  maxConcurrency: number;
  maxRetries: number;
  timeoutMs: number;
  logger: Logger;
  /** Base of the exponential backoff on 5xx and network errors. */
  backoffBaseMs?: number;
}

/** One page of a WAIR feed, in the feed's own field names. */
export interface WairPage {
  records: unknown[];
  moreRecordsAvailable: boolean;
}

/** Reads WAIR's paged feeds (StockStream port): `getPage(path, {FromModifiedDateTime, Offset, Limit})`. */
export interface WairClient {
  getPage(
    path: string,
    params: Partial<Record<'FromModifiedDateTime' | 'Offset' | 'Limit', string | number>>,
  ): Promise<WairPage>;
}

/** Renewals of a refused token within one call before its 401 is final. */
const MAX_REAUTHENTICATIONS = 3;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Math.min(60_000, Math.max(0, Number.isFinite(ms) ? ms : 1000));
}

/**
 * Hand-written client of the WAIR API (no maintained one exists): token cached and refreshed
 * single-flight, re-authentication on 401 (up to MAX_REAUTHENTICATIONS times per call), 429
 * Retry-After honoured, exponential backoff with
 * jitter on 5xx and network errors, at most `maxConcurrency` calls at a time.
 */
export function createWairClient(options: WairClientOptions): WairClient {
  const { names, logger } = options;
  const base = options.baseUrl.replace(/\/$/, '');
  const limiter = new Bottleneck({ maxConcurrent: options.maxConcurrency });
  const backoff = (attempt: number): number =>
    Math.random() * Math.min(30_000, (options.backoffBaseMs ?? 200) * 2 ** attempt);

  const tokens = createWairTokenProvider({
    marginSeconds: options.tokenMarginSeconds,
    async fetchToken() {
      const res = await fetch(`${base}${options.tokenPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Tenant': options.tenant },
        body: JSON.stringify({ username: options.username, password: options.password }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!res.ok) {
        await res.arrayBuffer();
        throw new WairApiError(
          `token request answered ${res.status}`,
          res.status !== 401 && res.status !== 403,
          {
            path: options.tokenPath,
            status: res.status,
          },
        );
      }
      // Scalars only: the token provider explains a missing or malformed token.
      const body = (await res.json()) as Record<string, unknown> | null;
      const scalar = (v: unknown): string =>
        typeof v === 'string' || typeof v === 'number' ? String(v) : '';
      return {
        accessToken: scalar(body?.[names.accessToken]),
        expiresIn: Number(scalar(body?.[names.expiresIn]) || NaN),
      };
    },
  });

  async function call(path: string, query: string): Promise<unknown> {
    // A token can expire or be revoked between being fetched and being used (during a Retry-After
    // wait, or right after a renewal), so a 401 renews it a few times; WAIR refusing every fresh
    // one means the credentials or the tenant are wrong, and asking on would not help.
    let reauthentications = 0;
    for (let attempt = 0; ; attempt += 1) {
      let status: number | undefined;
      try {
        const token = await tokens.get();
        const res = await fetch(`${base}${path}?${query}`, {
          headers: {
            Authorization: `Bearer ${token}`,
            'X-Tenant': options.tenant,
            accept: 'application/json',
          },
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        status = res.status;
        if (res.ok) return await res.json();
        const text = await res.text();
        if (res.status === 401 && reauthentications < MAX_REAUTHENTICATIONS) {
          reauthentications += 1;
          tokens.invalidate(token);
          attempt -= 1;
          continue;
        }
        if (res.status === 429 && attempt < options.maxRetries) {
          await sleep(retryAfterMs(res.headers.get('retry-after')));
          continue;
        }
        const retriable = res.status === 429 || res.status >= 500;
        if (!retriable || attempt >= options.maxRetries) {
          throw new WairApiError(`GET ${path} answered ${res.status}: ${text.slice(0, 200)}`, retriable, {
            path,
            status: res.status,
          });
        }
      } catch (error) {
        if (error instanceof WairApiError && (!error.retriable || attempt >= options.maxRetries)) throw error;
        if (!(error instanceof WairApiError) && attempt >= options.maxRetries) {
          throw new WairApiError(`GET ${path} failed: ${(error as Error).message}`, true, { path });
        }
      }
      const delay = backoff(attempt);
      logger.debug({ path, status, attempt, delay }, 'retrying WAIR call');
      await sleep(delay);
    }
  }

  return {
    async getPage(path, params) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(params)) {
        if (value !== undefined) query.set(names[name as keyof typeof params], String(value));
      }
      const body = await limiter.schedule(() => call(path, query.toString()));
      const records = (body as Record<string, unknown> | null)?.[names.records];
      if (!Array.isArray(records)) {
        throw new WairApiError(`GET ${path}: response has no "${names.records}" array`, true, { path });
      }
      return {
        records,
        moreRecordsAvailable: (body as Record<string, unknown>)[names.moreRecordsAvailable] === true,
      };
    },
  };
}
