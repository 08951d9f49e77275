import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt and stays within [ceiling/2, ceiling]', () => {
    expect(backoffDelay(0, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(800);
  });

  it('never exceeds the maximum, even for huge attempt numbers', () => {
    expect(backoffDelay(500, 100, 10_000, () => 1)).toBe(10_000);
  });
});
