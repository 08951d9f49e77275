import { SfccUnavailableError, isRetriableSfccError } from '../sfcc-errors';
import {
  createAdaptiveRateLimiter,
  type AdaptiveRateLimiter,
  type AdaptiveRateLimiterOptions,
} from './adaptive-rate-limiter';
import {
  createSfccCircuitBreaker,
  type SfccCircuitBreaker,
  type SfccCircuitBreakerOptions,
} from './circuit-breaker';
import { withRetry, type RetryOptions } from './retry-policy';

export interface SfccResilienceOptions {
  rateLimit: AdaptiveRateLimiterOptions;
  retry?: Partial<Omit<RetryOptions, 'shouldRetry'>>;
  circuitBreaker?: SfccCircuitBreakerOptions;
}

/** Rate limiting, retries and circuit breaking shared by every call to one SFCC instance. */
export interface SfccResilience {
  /** Runs one logical call: retried with backoff, each attempt through the breaker and the limiter. */
  execute<T>(fn: () => Promise<T>): Promise<T>;
  limiter: AdaptiveRateLimiter;
  breaker: SfccCircuitBreaker;
  stop(): Promise<void>;
}

/**
 * An open circuit is not retried inside the call: the caller keeps its work (queued figures,
 * uncommitted offsets) and comes back later, which is what "fail fast" is for.
 */
export function createSfccResilience(options: SfccResilienceOptions): SfccResilience {
  const limiter = createAdaptiveRateLimiter(options.rateLimit);
  const breaker = createSfccCircuitBreaker(options.circuitBreaker);
  const retry: RetryOptions = {
    maxAttempts: options.retry?.maxAttempts ?? 4,
    initialDelayMs: options.retry?.initialDelayMs ?? 200,
    maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
    onRetry: options.retry?.onRetry,
    shouldRetry: (error) => isRetriableSfccError(error) && !(error instanceof SfccUnavailableError),
  };
  return {
    limiter,
    breaker,
    execute: (fn) => withRetry(() => breaker.run(() => limiter.schedule(fn)), retry),
    async stop() {
      breaker.shutdown();
      await limiter.stop();
    },
  };
}
