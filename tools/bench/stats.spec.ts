import { percentile, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is the smallest value with at least p % of the sample at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('rounds the rank up on small samples, so p99 of few values is the largest', () => {
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30], 99)).toBe(30);
    expect(percentile([7], 0)).toBe(7);
  });

  it('is NaN for an empty sample', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts a copy and reports count, p50, p95, p99 and max', () => {
    const values = [5, 1, 4, 2, 3];
    expect(summarize(values)).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5 });
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('is null for no values', () => {
    expect(summarize([])).toBeNull();
  });
});
