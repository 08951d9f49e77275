import { backOff } from 'exponential-backoff';
import { UpstreamCallError } from '@wair-sfcc/order-domain';
import { createWairTokenProvider, type WairToken } from './wair-token.provider';

/** Connection, auth and retry settings of the WAIR write client. */
export interface WairClientOptions {
  /** e.g. `https://wair.example.com` (no trailing path). */
  baseUrl: string;
  tenant: string;
  username: string;
  password: string;
  /** Default `/Token`. */
  tokenPath?: string;
  /** Renew the token this long before expiry; default 60 s. */
  tokenMarginSeconds?: number;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Attempts per call including the first; default 5. */
  maxAttempts?: number;
  /** Ceiling of the first backoff; doubles per attempt up to `maxDelayMs`. Defaults 200 ms / 10 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After honoured; a longer one is cut to this. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Called before each retry, with no request or response body (they hold personal data). */
  onRetry?: (info: { operation: string; status: number | undefined; attempt: number }) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

/** One failed attempt: whether to try again here, and what the caller finally sees. */
class AttemptError extends Error {
  constructor(
    readonly status: number | undefined,
    /** Retry this call inside the client (429, 5xx, network). */
    readonly retryHere: boolean,
    /** What the caller may do once the client gives up. */
    readonly retriable: boolean,
    readonly retryAfterMs: number | undefined,
    detail: string,
  ) {
    super(detail);
  }
}

function retryAfterMs(header: string | null, clock: () => number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - clock();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** Error bodies are WAIR's `{error, message}`; never echo a request body (personal data). */
async function describe(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    return [body.error, body.message].filter((x) => typeof x === 'string').join(': ') || text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

export interface WairPostOptions {
  /**
   * Treat a 409 as success when an earlier attempt of this call got no answer: that attempt
   * probably went through (used for Batch/stop, whose retry then finds no batch open).
   */
  conflictIsSuccessAfterLostAnswer?: boolean;
}

/** Authenticated JSON POSTs to WAIR with one re-auth on 401 and bounded, jittered retries. */
export function createWairHttp(options: WairClientOptions) {
  const base = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;

  const networkError = (error: unknown): AttemptError =>
    error instanceof AttemptError
      ? error
      : new AttemptError(undefined, true, true, undefined, (error as Error).message ?? String(error));

  const tokens = createWairTokenProvider({
    marginSeconds: options.tokenMarginSeconds ?? 60,
    clock,
    async fetchToken(): Promise<WairToken> {
      const res = await doFetch(`${base}${options.tokenPath ?? '/Token'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Tenant': options.tenant },
        body: JSON.stringify({ username: options.username, password: options.password }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) {
        const transient = res.status === 429 || res.status >= 500;
        throw new AttemptError(
          res.status,
          transient,
          transient,
          retryAfterMs(res.headers.get('retry-after'), clock),
          `token request answered ${res.status}: ${await describe(res)}`,
        );
      }
      return (await res.json()) as WairToken;
    },
  });

  async function post(operation: string, path: string, body: unknown, opts: WairPostOptions = {}) {
    let reauthenticated = false;
    let answerLost = false;
    const attempt = async (): Promise<unknown> => {
      try {
        for (;;) {
          const token = await tokens.get();
          const res = await doFetch(`${base}${path}`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${token}`,
              'X-Tenant': options.tenant,
              'content-type': 'application/json',
              accept: 'application/json',
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(timeoutMs),
          }).catch((error: unknown) => {
            // Sent, but no answer: WAIR may or may not have done it.
            answerLost = true;
            throw error;
          });
          if (res.ok) return await res.json().catch(() => ({}));
          const detail = await describe(res);
          if (res.status === 401 && !reauthenticated) {
            reauthenticated = true;
            tokens.invalidate(token);
            continue;
          }
          if (res.status === 409 && opts.conflictIsSuccessAfterLostAnswer && answerLost) return {};
          const transient = res.status === 429 || res.status >= 500;
          // 409: the batch is gone; retrying the same write cannot help, restarting the cycle does.
          throw new AttemptError(
            res.status,
            transient,
            transient || res.status === 409,
            res.status === 429 ? retryAfterMs(res.headers.get('retry-after'), clock) : undefined,
            detail,
          );
        }
      } catch (error) {
        throw networkError(error);
      }
    };
    try {
      return await backOff(attempt, {
        numOfAttempts: maxAttempts,
        startingDelay: options.initialDelayMs ?? 200,
        maxDelay: options.maxDelayMs ?? 10_000,
        timeMultiple: 2,
        jitter: 'full',
        retry: async (error: AttemptError, next: number) => {
          if (!error.retryHere || next >= maxAttempts) return false;
          options.onRetry?.({ operation, status: error.status, attempt: next + 1 });
          if (error.retryAfterMs !== undefined) await sleep(Math.min(error.retryAfterMs, maxRetryAfterMs));
          return true;
        },
      });
    } catch (error) {
      const failure = networkError(error);
      throw new UpstreamCallError('WAIR', operation, failure.status, failure.retriable, failure.message);
    }
  }

  return { post };
}

export type WairHttp = ReturnType<typeof createWairHttp>;
