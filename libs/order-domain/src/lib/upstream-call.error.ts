/**
 * A call to SFCC or WAIR that failed after the adapter's own bounded retries. The bridge decides
 * what happens next from `retriable` (keep the work and try later) versus not (the other system
 * refused the content: raise an exception, do not retry the same request forever).
 */
export class UpstreamCallError extends Error {
  constructor(
    readonly system: 'SFCC' | 'WAIR',
    readonly operation: string,
    /** HTTP status, or undefined when no response came back (reset, timeout, refused). */
    readonly status: number | undefined,
    readonly retriable: boolean,
    detail: string,
  ) {
    super(`${system} ${operation} failed${status === undefined ? '' : ` (${status})`}: ${detail}`);
    this.name = 'UpstreamCallError';
  }
}

/** True for an {@link UpstreamCallError}, also across bundle boundaries. */
export function isUpstreamCallError(error: unknown): error is UpstreamCallError {
  return error instanceof Error && error.name === 'UpstreamCallError' && 'retriable' in error;
}
