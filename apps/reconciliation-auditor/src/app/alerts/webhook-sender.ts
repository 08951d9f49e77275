import { backOff } from 'exponential-backoff';
import type { WebhookTarget } from './alert-config';

/** How one delivery ended; `error` never contains the webhook URL. */
export interface WebhookDelivery {
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

/** Posts a JSON body to a webhook; resolves with the outcome and never rejects. */
export type WebhookSend = (target: WebhookTarget, body: unknown) => Promise<WebhookDelivery>;

export interface WebhookSenderOptions {
  timeoutMs: number;
  attempts: number;
  /** First backoff delay; doubled on each retry (with full jitter), capped at `maxDelayMs`. */
  startingDelayMs?: number;
  maxDelayMs?: number;
  fetch?: typeof fetch;
}

/** A non-2xx answer; 408, 429 and 5xx are worth another attempt, other 4xx are not. */
class WebhookStatusError extends Error {
  constructor(readonly status: number) {
    super(`webhook answered ${status}`);
    this.name = 'WebhookStatusError';
  }
  get retriable(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** The error's message with the URL (and its path, where tokens live) cut out. */
function describe(error: unknown, url: string): string {
  const e = error as Error & { cause?: { code?: string } };
  const base = e.name === 'TimeoutError' ? 'timed out' : `${e.name}: ${e.message}`;
  const text = e.cause?.code ? `${base} (${e.cause.code})` : base;
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    path = '';
  }
  let out = text.split(url).join('<webhook>');
  if (path.length > 1) out = out.split(path).join('<path>');
  return out;
}

/**
 * Creates the webhook poster: one JSON POST per attempt, each bounded by `timeoutMs`, retried with
 * exponential backoff on network errors, timeouts, 408, 429 and 5xx, at most `attempts` times.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSend {
  const doFetch = options.fetch ?? fetch;
  return async (target, body) => {
    let attempts = 0;
    let lastStatus: number | undefined;
    try {
      await backOff(
        async () => {
          attempts += 1;
          const res = await doFetch(target.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(options.timeoutMs),
            redirect: 'error',
          });
          lastStatus = res.status;
          // The body is not needed; reading it frees the connection.
          await res.arrayBuffer().catch(() => undefined);
          if (!res.ok) throw new WebhookStatusError(res.status);
        },
        {
          numOfAttempts: options.attempts,
          startingDelay: options.startingDelayMs ?? 500,
          maxDelay: options.maxDelayMs ?? 10_000,
          jitter: 'full',
          retry: (error: unknown, next: number) =>
            next <= options.attempts && !(error instanceof WebhookStatusError && !error.retriable),
        },
      );
      return { ok: true, attempts, status: lastStatus };
    } catch (error) {
      return { ok: false, attempts, status: lastStatus, error: describe(error, target.url) };
    }
  };
}
