import { classifyPriority } from './priority';

describe('classifyPriority', () => {
  it.each<[number, number | undefined, number, number, string]>([
    [0, 5, 3, 0, 'stock-out'],
    [2, 8, 3, 0, 'drop below the low-stock threshold'],
    [3, 8, 3, 1, 'drop to the threshold is not below it'],
    [6, 8, 3, 1, 'drop that stays above the threshold'],
    [2, 2, 3, 1, 'no change (new reset date)'],
    [4, 0, 3, 2, 'back in stock'],
    [9, 5, 3, 1, 'increase'],
    [0, undefined, 3, 0, 'zero, nothing written yet'],
    [5, undefined, 3, 1, 'stock, nothing written yet'],
    [0, 0, 3, 1, 'still zero'],
  ])('%d after %s (threshold %d) → class %d: %s', (next, last, threshold, expected) => {
    expect(classifyPriority(next, last, threshold)).toBe(expected);
  });
});
