import type { HttpTarget } from './ops-settings';

/** An HTTP call that did not give the expected answer; `status` is absent when nothing answered. */
export class OpsHttpError extends Error {
  readonly retriable = false;
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OpsHttpError';
  }
}

const HINTS: Record<number, string> = {
  401: 'check the bearer token (AUDITOR_TOKEN / ADMIN_TOKEN)',
  503: 'the service is not ready or its authentication is not configured',
};

/**
 * Calls `method path` on the target with the bearer token and parses the JSON answer. 404 resolves
 * to `undefined` when `allowNotFound`; other non-2xx answers throw with the service's own message.
 */
export async function requestJson<T>(
  target: HttpTarget,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; allowNotFound?: boolean } = {},
): Promise<T | undefined> {
  const url = `${target.baseUrl}${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.token) headers['authorization'] = `Bearer ${target.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${target.timeoutMs} ms`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new OpsHttpError(`${method} ${url} failed: ${why}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.status === 404 && options.allowNotFound) return undefined;
  if (!res.ok) {
    const body = json as { error?: string; message?: string } | undefined;
    const said = body?.error ?? body?.message ?? (text.slice(0, 200) || res.statusText);
    const hint = HINTS[res.status] ? ` (${HINTS[res.status]})` : '';
    throw new OpsHttpError(`${method} ${url} answered ${res.status}: ${said}${hint}`, res.status);
  }
  if (json === undefined)
    throw new OpsHttpError(`${method} ${url} answered ${res.status} without JSON`, res.status);
  return json as T;
}
