import { UpstreamCallError } from '@wair-sfcc/order-domain';
import type { AccessTokenProvider } from '../auth/account-manager-token.client';
import { parseRetryAfter } from '../resilience/adaptive-rate-limiter';
import type { SfccResilience } from '../resilience/sfcc-resilience';
import { SfccHttpError } from '../sfcc-errors';

/** commerce-sdk throws `ResponseError` carrying the raw fetch `response` on non-2xx. */
interface SdkResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}
const responseOf = (error: unknown): SdkResponse | undefined =>
  (error as { response?: SdkResponse } | undefined)?.response;

/** The RFC 7807 `detail` (or `title`) of an error answer, shortened; never the whole body. */
async function problemDetail(res: SdkResponse): Promise<string> {
  try {
    const body = JSON.parse(await res.text()) as { detail?: unknown; title?: unknown };
    const text =
      typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : '';
    return text.slice(0, 300);
  } catch {
    return '';
  }
}

export interface ScapiCallContext {
  tokens: AccessTokenProvider;
  resilience: SfccResilience;
  now: () => number;
}

/**
 * Runs one SCAPI operation with a bearer token under the shared resilience (rate limiter, bounded
 * retries with backoff for 429/5xx/network, breaker). 401 drops the token and repeats once; a
 * 429's `Retry-After` pauses the limiter so the retry waits for it. `on404` turns 404 into a value.
 * Whatever is left after the retries is an {@link UpstreamCallError}.
 */
export async function callScapi<T>(
  ctx: ScapiCallContext,
  operation: string,
  fn: (headers: Record<string, string>) => Promise<T>,
  on404?: () => T,
): Promise<T> {
  const attempt = async (): Promise<T> => {
    for (let reauthed = false; ; reauthed = true) {
      const token = await ctx.tokens.getToken();
      let res: SdkResponse | undefined;
      try {
        const result = await fn({ authorization: `Bearer ${token}` });
        ctx.resilience.limiter.observe({ status: 200 });
        return result;
      } catch (error) {
        res = responseOf(error);
        if (!res) {
          throw new SfccHttpError(`${operation} failed: ${(error as Error).message}`, {
            path: operation,
            retriable: true,
          });
        }
      }
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), ctx.now());
      ctx.resilience.limiter.observe({
        status: res.status,
        retryAfterMs,
        loadStatus: res.headers.get('sfdc_load_status'),
      });
      if (res.status === 404 && on404) return on404();
      if (res.status === 401) {
        ctx.tokens.invalidate(token);
        if (!reauthed) continue;
      }
      throw new SfccHttpError(`${operation} answered ${res.status}: ${await problemDetail(res)}`, {
        path: operation,
        status: res.status,
        retriable: res.status === 429 || res.status >= 500,
        retryAfterMs,
      });
    }
  };
  try {
    return await ctx.resilience.execute(attempt);
  } catch (error) {
    throw toUpstreamCallError(operation, error);
  }
}

function toUpstreamCallError(operation: string, error: unknown): UpstreamCallError {
  const e = error as {
    status?: unknown;
    retriable?: unknown;
    context?: { status?: unknown };
    message?: string;
  };
  const status =
    typeof e.status === 'number'
      ? e.status
      : typeof e.context?.status === 'number'
        ? e.context.status
        : undefined;
  const retriable =
    typeof e.retriable === 'boolean' ? e.retriable : status === undefined || status === 429 || status >= 500;
  return new UpstreamCallError('SFCC', operation, status, retriable, e.message ?? String(error));
}
