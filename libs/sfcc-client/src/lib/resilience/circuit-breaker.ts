import CircuitBreaker from 'opossum';
import { SfccHttpError, SfccUnavailableError } from '../sfcc-errors';

export interface SfccCircuitBreakerOptions {
  /** Share of failed calls in the rolling window that opens the circuit. */
  errorThresholdPercentage?: number;
  /** Calls in the window before the percentage is judged. */
  volumeThreshold?: number;
  /** How long the circuit stays open before one probe call is let through. */
  resetTimeoutMs?: number;
  rollingCountTimeoutMs?: number;
  name?: string;
}

export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** Fails fast while SFCC is down instead of queueing calls that cannot succeed. */
export interface SfccCircuitBreaker {
  run<T>(fn: () => Promise<T>): Promise<T>;
  state(): CircuitState;
  onStateChange(listener: (state: CircuitState) => void): void;
  shutdown(): void;
}

/**
 * Only outages count: 5xx and network failures. 4xx (our mistake or a bad record) and 429
 * (throttling, handled by the limiter) pass through without moving the circuit.
 */
export function isOutage(error: unknown): boolean {
  if (error instanceof SfccHttpError)
    return error.retriable && (error.status === undefined || error.status >= 500);
  return error instanceof Error && ['TypeError', 'AbortError', 'TimeoutError'].includes(error.name);
}

/** An opossum circuit breaker around arbitrary SFCC calls. */
export function createSfccCircuitBreaker(options: SfccCircuitBreakerOptions = {}): SfccCircuitBreaker {
  const breaker = new CircuitBreaker(<T>(fn: () => Promise<T>) => fn(), {
    name: options.name ?? 'sfcc',
    timeout: false,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    volumeThreshold: options.volumeThreshold ?? 10,
    resetTimeout: options.resetTimeoutMs ?? 30_000,
    rollingCountTimeout: options.rollingCountTimeoutMs ?? 10_000,
    errorFilter: (error: unknown) => !isOutage(error),
  });
  const state = (): CircuitState => (breaker.opened ? 'OPEN' : breaker.halfOpen ? 'HALF_OPEN' : 'CLOSED');
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(fn)) as T;
      } catch (error) {
        if ((error as { code?: string }).code === 'EOPENBREAKER') {
          throw new SfccUnavailableError('SFCC circuit is open: calls fail fast until a probe succeeds');
        }
        throw error;
      }
    },
    state,
    onStateChange(listener) {
      breaker.on('open', () => listener(state()));
      breaker.on('halfOpen', () => listener(state()));
      breaker.on('close', () => listener(state()));
    },
    shutdown: () => breaker.shutdown(),
  };
}
