import { createAdaptiveRateLimiter, parseRetryAfter } from './adaptive-rate-limiter';

describe('adaptive rate limiter', () => {
  const clock = () => {
    const c = { now: 0, sleeps: [] as number[] };
    return {
      c,
      now: () => c.now,
      sleep: async (ms: number) => {
        c.sleeps.push(ms);
        c.now += ms;
      },
    };
  };

  it('pauses every call until a 429 Retry-After has passed', async () => {
    const { c, now, sleep } = clock();
    const limiter = createAdaptiveRateLimiter({ ratePerSecond: 1000, concurrency: 2, now, sleep });
    limiter.observe({ status: 429, retryAfterMs: 3000 });
    expect(limiter.pausedUntil()).toBe(3000);
    const started: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.schedule(async () => void started.push(c.now))));
    await limiter.stop();
    expect(Math.min(...started)).toBeGreaterThanOrEqual(3000);
    // released one interval (1 ms at 700/s after the 429's decrease) apart, not as one burst
    expect(new Set(started).size).toBe(3);
    expect(limiter.pausedUntil()).toBe(0);
  });

  it('halves on 503 or THROTTLE, takes 20% off on WARN, once per cooldown, never below the floor', () => {
    const { c, now, sleep } = clock();
    const limiter = createAdaptiveRateLimiter({
      ratePerSecond: 100,
      concurrency: 1,
      minRatePerSecond: 20,
      now,
      sleep,
    });
    limiter.observe({ status: 503 });
    limiter.observe({ status: 503 }); // same overload, within the cooldown
    expect(limiter.currentRate()).toBe(50);
    c.now += 1000;
    limiter.observe({ status: 200, loadStatus: 'WARN' });
    expect(limiter.currentRate()).toBe(40);
    c.now += 1000;
    limiter.observe({ status: 200, loadStatus: 'throttle' });
    expect(limiter.currentRate()).toBe(20);
    c.now += 1000;
    limiter.observe({ status: 503 });
    expect(limiter.currentRate()).toBe(20);
    void limiter.stop();
  });

  it('recovers gradually (a tenth of the ceiling per quiet interval) up to the ceiling', () => {
    const { c, now, sleep } = clock();
    const limiter = createAdaptiveRateLimiter({
      ratePerSecond: 100,
      concurrency: 1,
      recoveryIntervalMs: 2000,
      now,
      sleep,
    });
    limiter.observe({ status: 503 });
    c.now += 1000;
    limiter.observe({ status: 200 });
    expect(limiter.currentRate()).toBe(50); // too soon after the decrease
    const seen: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      c.now += 2000;
      limiter.observe({ status: 200 });
      seen.push(limiter.currentRate());
    }
    expect(seen).toEqual([60, 70, 80, 90, 100, 100, 100, 100]);
    void limiter.stop();
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:05 GMT', Date.UTC(2026, 10, 26, 12, 0, 0))).toBe(5000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
