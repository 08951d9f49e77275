/** Context attached to an observability error so logs show what was being configured or served. */
export type ObservabilityErrorContext = Readonly<Record<string, unknown>>;

/**
 * A configuration value that can never work (unknown log level, non-positive interval, ...).
 * Not retriable: the process must be restarted with a corrected configuration.
 */
export class ObservabilityConfigError extends Error {
  override readonly name = 'ObservabilityConfigError';
  readonly retriable = false;

  constructor(
    message: string,
    readonly context: ObservabilityErrorContext = {},
  ) {
    super(message);
  }
}

/**
 * The ops HTTP server could not start or was used out of order.
 * `retriable` is true when the cause is transient (e.g. the port is still held by a previous process).
 */
export class OpsServerError extends Error {
  override readonly name = 'OpsServerError';

  constructor(
    message: string,
    readonly retriable: boolean,
    readonly context: ObservabilityErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
