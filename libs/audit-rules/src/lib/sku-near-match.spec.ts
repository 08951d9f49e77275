import { describeNearMatch, NearMatchIndex, nearMatchKey } from './sku-near-match';

describe('near matches', () => {
  it.each([
    ['ABC-123-M', 'abc-123-m', ['CASE']],
    ['ABC-123-M', ' ABC-123-M ', ['WHITESPACE']],
    ['ABC-123-M', 'ABC-0123-M', ['LEADING_ZEROS']],
    ['ABC-123-M', 'ABC_123.M', ['SEPARATORS']],
    ['ABC-123-M', 'ABC 123 M', ['SEPARATORS']],
    ['ABC-123-M', 'ABC123M', ['SEPARATORS']],
    ['ABC-123-M', 'abc_0123 m', ['CASE', 'LEADING_ZEROS', 'SEPARATORS']],
    ['00123', '123', ['LEADING_ZEROS']],
    // The simulator's deliberate typo: a zero after the letter prefix of the style number.
    ['ST10000-GRN-L', 'ST010000-GRN-L', ['LEADING_ZEROS']],
    ['ABC-123-M', 'ABC-124-M', []],
    ['ABC-123-M', 'ABC-123-M', []],
  ])('%p vs %p → %p', (a, b, kinds) => {
    expect(describeNearMatch(a, b)).toEqual(kinds);
    if (kinds.length > 0) expect(nearMatchKey(a)).toBe(nearMatchKey(b));
  });

  it('keeps meaningful zeros', () => {
    expect(nearMatchKey('A-100')).toBe('A100');
    expect(nearMatchKey('A-0')).toBe('A0');
    expect(nearMatchKey('ABC-10-M')).not.toBe(nearMatchKey('ABC-1-M'));
  });

  it('finds candidates through the key index, closest first, excluding the id itself', () => {
    const index = new NearMatchIndex(['ABC-123-M', 'abc_0123_m', 'abc-123-m', 'XYZ-1']);
    expect(index.candidates('ABC-123-M')).toEqual(['abc-123-m', 'abc_0123_m']);
    expect(index.candidates('nothing')).toEqual([]);
  });
});
