/** What an SFCC error is about; never holds credentials or personal data. */
export interface SfccErrorContext {
  method?: string;
  /** Path without host or query secrets. */
  path?: string;
  status?: number;
  /** OCAPI fault type, e.g. `InvalidAccessTokenException`. */
  faultType?: string;
  inventoryListId?: string;
  productId?: string;
  jobId?: string;
  executionId?: string;
}

/**
 * A failed call to SFCC. `retriable` is true for 429, 5xx, timeouts and connection errors: the
 * same call may succeed later. `retryAfterMs` carries a 429's `Retry-After`.
 */
export class SfccHttpError extends Error {
  readonly retriable: boolean;
  readonly status?: number;
  readonly faultType?: string;
  readonly retryAfterMs?: number;
  constructor(
    message: string,
    readonly context: SfccErrorContext & { retriable: boolean; retryAfterMs?: number },
  ) {
    super(message);
    this.name = 'SfccHttpError';
    this.retriable = context.retriable;
    this.status = context.status;
    this.faultType = context.faultType;
    this.retryAfterMs = context.retryAfterMs;
  }
}

/** The circuit breaker is open: SFCC looked down, calls fail fast until a probe succeeds. */
export class SfccUnavailableError extends Error {
  readonly retriable = true;
  constructor(
    message: string,
    readonly context: SfccErrorContext = {},
  ) {
    super(message);
    this.name = 'SfccUnavailableError';
  }
}

/** Account Manager refused or failed to issue a token. 401/400 are not retriable (bad credentials). */
export class AccountManagerAuthError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly context: { status?: number } = {},
  ) {
    super(message);
    this.name = 'AccountManagerAuthError';
  }
}

/** An IMPEX import did not complete (job error, timeout, upload refused). */
export class ImpexImportError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly context: SfccErrorContext = {},
  ) {
    super(message);
    this.name = 'ImpexImportError';
  }
}

/** True for errors that say the same call may succeed later. */
export function isRetriableSfccError(error: unknown): boolean {
  if (error && typeof error === 'object' && 'retriable' in error) {
    return (error as { retriable: unknown }).retriable === true;
  }
  // Network failures from fetch (connection reset, refused, aborted by timeout) surface as TypeError
  // or AbortError/TimeoutError without our flag: they are transient.
  return error instanceof Error && ['TypeError', 'AbortError', 'TimeoutError'].includes(error.name);
}
