import { backOff } from 'exponential-backoff';
import { isRetriableSfccError } from '../sfcc-errors';

export interface RetryOptions {
  /** Total attempts including the first (≥ 1). */
  maxAttempts: number;
  /** Ceiling of the first retry's delay; doubles per attempt up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Default: the error's `retriable` flag. */
  shouldRetry?: (error: unknown) => boolean;
  onRetry?: (error: unknown, nextAttempt: number) => void;
}

/**
 * Runs `fn`, retrying retriable errors with exponential backoff and full jitter (each delay is
 * uniform in [0, min(maxDelay, initial·2ⁿ)]) so that many clients retrying after one outage spread out.
 */
export function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const shouldRetry = options.shouldRetry ?? isRetriableSfccError;
  const attempts = Math.max(1, options.maxAttempts);
  return backOff(fn, {
    numOfAttempts: attempts,
    startingDelay: options.initialDelayMs,
    maxDelay: options.maxDelayMs,
    timeMultiple: 2,
    jitter: 'full',
    retry: (error: unknown, nextAttempt: number) => {
      // exponential-backoff asks even after the last attempt; that answer is ignored, so say no.
      if (nextAttempt >= attempts || !shouldRetry(error)) return false;
      options.onRetry?.(error, nextAttempt);
      return true;
    },
  });
}
