import { SfccHttpError } from '../sfcc-errors';
import { withRetry } from './retry-policy';

const transient = () => new SfccHttpError('503', { status: 503, retriable: true });

describe('withRetry', () => {
  afterEach(() => jest.useRealTimers());

  it('retries retriable errors with exponential backoff and full jitter, bounded by maxAttempts', async () => {
    jest.useFakeTimers();
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const setTimeoutSpy = jest.spyOn(global, 'setTimeout');
    let calls = 0;
    const retried: number[] = [];
    const promise = withRetry(
      async () => {
        calls += 1;
        throw transient();
      },
      { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 300, onRetry: (_e, n) => retried.push(n) },
    ).catch((e: unknown) => e);
    await jest.runAllTimersAsync();
    const error = await promise;
    expect(error).toBeInstanceOf(SfccHttpError);
    expect(calls).toBe(4);
    expect(retried).toEqual([1, 2, 3]);
    // full jitter: random (0.5) × ceilings 100, 200, 300 (200·2 capped at maxDelayMs)
    const delays = setTimeoutSpy.mock.calls
      .map((args) => args[1])
      .filter((d) => typeof d === 'number' && d > 0);
    expect(delays).toEqual([50, 100, 150]);
  });

  it('does not retry a non-retriable error', async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls += 1;
        throw new SfccHttpError('400', { status: 400, retriable: false });
      },
      { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toMatchObject({ status: 400 });
  });

  it('returns the first success', async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw transient();
        return 'done';
      },
      { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 1 },
    );
    expect([value, calls]).toEqual(['done', 3]);
  });
});
