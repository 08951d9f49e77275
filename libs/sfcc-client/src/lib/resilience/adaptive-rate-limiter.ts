import Bottleneck from 'bottleneck';

/** What one SFCC response says about load: status, `Retry-After`, `sfdc_load_status`. */
export interface RateSignal {
  status?: number;
  retryAfterMs?: number;
  /** Value of the `sfdc_load_status` response header (`OK`, `WARN`, `THROTTLE`), if present. */
  loadStatus?: string | null;
}

export interface AdaptiveRateLimiterOptions {
  /** Ceiling and starting rate, requests per second. */
  ratePerSecond: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** The rate never goes below this. Default: a twentieth of `ratePerSecond`. */
  minRatePerSecond?: number;
  /** Used when a 429 has no usable `Retry-After`. */
  defaultRetryAfterMs?: number;
  /** Decreases closer together than this count once: concurrent 503s report the same overload. */
  decreaseCooldownMs?: number;
  /** After this long without a load signal the rate grows by a tenth of the ceiling. */
  recoveryIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Token-bucket limiter that slows down when SFCC says it is loaded and recovers gradually. */
export interface AdaptiveRateLimiter {
  schedule<T>(fn: () => Promise<T>): Promise<T>;
  /** Feeds a response's load signals back: 429 pauses every call, 503/THROTTLE/WARN lower the rate. */
  observe(signal: RateSignal): void;
  /** Current rate in requests per second (export it as a gauge). */
  currentRate(): number;
  /** Epoch ms until which calls are held because of a 429's `Retry-After` (0 when not paused). */
  pausedUntil(): number;
  stop(): Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Bottleneck spaces request starts by `1000 / rate` ms (a token bucket of depth one) and bounds
 * concurrency; this wrapper adds the pause on 429 and the multiplicative decrease / additive
 * increase of the rate that SFCC's load headers call for.
 */
export function createAdaptiveRateLimiter(options: AdaptiveRateLimiterOptions): AdaptiveRateLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const maxRate = options.ratePerSecond;
  const minRate = options.minRatePerSecond ?? maxRate / 20;
  const cooldown = options.decreaseCooldownMs ?? 1000;
  const recoveryInterval = options.recoveryIntervalMs ?? 2000;
  let rate = maxRate;
  let paused = 0;
  let lastChange = Number.NEGATIVE_INFINITY;
  let lastDecrease = Number.NEGATIVE_INFINITY;
  const bottleneck = new Bottleneck({ maxConcurrent: options.concurrency, minTime: Math.ceil(1000 / rate) });

  const setRate = (next: number): void => {
    const bounded = Math.max(minRate, Math.min(maxRate, next));
    lastChange = now();
    if (bounded === rate) return;
    rate = bounded;
    bottleneck.updateSettings({ minTime: Math.ceil(1000 / rate) });
  };
  const decrease = (factor: number): void => {
    if (now() - lastDecrease < cooldown) return;
    lastDecrease = now();
    setRate(rate * factor);
  };
  let staggerUntil = 0;
  let staggering = false;
  // Bottleneck spaces the starts while the limiter runs; calls held by a pause would all start at
  // once when it ends (a burst that earns the next 429), so after a pause calls take turns one
  // interval apart until one arrives with nobody ahead of it.
  const waitTurn = async (): Promise<void> => {
    for (;;) {
      const t = now();
      const at = Math.max(paused, staggering ? staggerUntil : 0);
      if (at <= t) {
        if (staggering) {
          const interval = 1000 / rate;
          if (t >= staggerUntil + interval) staggering = false;
          staggerUntil = t + interval;
        }
        return;
      }
      await sleep(at - t);
    }
  };

  return {
    schedule(fn) {
      return bottleneck.schedule(async () => {
        await waitTurn();
        return fn();
      });
    },
    observe({ status, retryAfterMs, loadStatus }) {
      const load = loadStatus?.trim().toUpperCase();
      if (status === 429) {
        paused = Math.max(paused, now() + (retryAfterMs ?? options.defaultRetryAfterMs ?? 1000));
        staggering = true;
        staggerUntil = paused;
        decrease(0.7);
      } else if (status === 503 || load === 'THROTTLE') {
        decrease(0.5);
      } else if (load === 'WARN') {
        decrease(0.8);
      } else if (
        status !== undefined &&
        status < 500 &&
        rate < maxRate &&
        now() - lastChange >= recoveryInterval
      ) {
        setRate(rate + maxRate / 10);
      }
    },
    currentRate: () => rate,
    pausedUntil: () => (paused > now() ? paused : 0),
    async stop() {
      await bottleneck.stop({ dropWaitingJobs: false });
    },
  };
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
