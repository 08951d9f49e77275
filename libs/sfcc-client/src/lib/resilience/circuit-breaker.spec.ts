import { SfccHttpError, SfccUnavailableError } from '../sfcc-errors';
import { createSfccCircuitBreaker, isOutage } from './circuit-breaker';

describe('SFCC circuit breaker', () => {
  it('opens after outages and fails fast without calling SFCC', async () => {
    const breaker = createSfccCircuitBreaker({
      volumeThreshold: 2,
      errorThresholdPercentage: 50,
      resetTimeoutMs: 60_000,
    });
    const states: string[] = [];
    breaker.onStateChange((s) => states.push(s));
    let calls = 0;
    const down = async () => {
      calls += 1;
      throw new SfccHttpError('500', { status: 500, retriable: true });
    };
    await expect(breaker.run(down)).rejects.toMatchObject({ status: 500 });
    await expect(breaker.run(down)).rejects.toMatchObject({ status: 500 });
    await expect(breaker.run(down)).rejects.toBeInstanceOf(SfccUnavailableError);
    expect(calls).toBe(2);
    expect(states).toEqual(['OPEN']);
    breaker.shutdown();
  });

  it('does not count 4xx or 429 as outages', async () => {
    expect(isOutage(new SfccHttpError('429', { status: 429, retriable: true }))).toBe(false);
    expect(isOutage(new SfccHttpError('400', { status: 400, retriable: false }))).toBe(false);
    expect(isOutage(new SfccHttpError('reset', { retriable: true }))).toBe(true);
    const breaker = createSfccCircuitBreaker({ volumeThreshold: 1, errorThresholdPercentage: 1 });
    for (let i = 0; i < 5; i += 1) {
      await expect(
        breaker.run(async () => {
          throw new SfccHttpError('429', { status: 429, retriable: true });
        }),
      ).rejects.toMatchObject({ status: 429 });
    }
    expect(breaker.state()).toBe('CLOSED');
    breaker.shutdown();
  });
});
