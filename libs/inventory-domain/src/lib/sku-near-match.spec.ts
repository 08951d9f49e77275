import {
  describeNearMatch,
  NearMatchIndex,
  nearMatchHash,
  nearMatchKey,
  nearMatchWords,
} from './sku-near-match';

describe('near matches', () => {
  it.each([
    ['ABC-123-M', 'abc-123-m', ['CASE']],
    ['ABC-123-M', ' ABC-123-M ', ['WHITESPACE']],
    ['ABC-123-M', 'ABC-123-M ', ['WHITESPACE']],
    ['ABC-123-M', 'ABC-0123-M', ['LEADING_ZEROS']],
    ['ABC-123-M', 'ABC_123.M', ['SEPARATORS']],
    ['ABC-123-M', 'ABC 123 M', ['SEPARATORS']],
    ['ABC-123-M', 'ABC123M', ['SEPARATORS']],
    ['ABC-123-M', 'abc_0123 m', ['CASE', 'LEADING_ZEROS', 'SEPARATORS']],
    ['ABC-123-M', 'abc-123-m ', ['CASE', 'WHITESPACE']],
    // Both sides lower case: they differ in the zero only, not in case.
    ['abc-0123-m', 'abc-123-m', ['LEADING_ZEROS']],
    ['00123', '123', ['LEADING_ZEROS']],
    // The simulator's deliberate typos: a zero after the letter prefix of the style number, or
    // in front of a numeric size.
    ['ST10000-GRN-L', 'ST010000-GRN-L', ['LEADING_ZEROS']],
    ['ST10000-GRN-8', 'ST10000-GRN-08', ['LEADING_ZEROS']],
    ['ABC-123-M', 'ABC-124-M', []],
    ['ABC-123-M', 'ABC-123-M', []],
  ])('%p vs %p → %p', (a, b, kinds) => {
    expect(describeNearMatch(a, b)).toEqual(kinds);
    expect(describeNearMatch(b, a)).toEqual(kinds);
    if (kinds.length > 0) expect(nearMatchKey(a)).toBe(nearMatchKey(b));
  });

  it('keeps meaningful zeros', () => {
    expect(nearMatchKey('A-100')).toBe('A100');
    expect(nearMatchKey('A-0')).toBe('A0');
    expect(nearMatchKey('ABC-10-M')).not.toBe(nearMatchKey('ABC-1-M'));
  });

  it.each([
    [['CASE'], 'case'],
    [['CASE', 'LEADING_ZEROS'], 'case and leading zeros'],
    [['CASE', 'WHITESPACE', 'SEPARATORS'], 'case, whitespace and separators'],
  ] as const)('%p in words: %p', (kinds, words) => {
    expect(nearMatchWords(kinds)).toBe(words);
  });
});

describe('NearMatchIndex', () => {
  it('finds candidates through the key index, closest first, excluding the id itself', () => {
    const index = new NearMatchIndex(['ABC-123-M', 'abc_0123_m', 'abc-123-m', 'XYZ-1']);
    expect(index.candidates('ABC-123-M')).toEqual(['abc-123-m', 'abc_0123_m']);
    expect(index.candidates('nothing')).toEqual([]);
  });

  it('adds idempotently and deletes, from single-id and shared buckets alike', () => {
    const index = new NearMatchIndex();
    index.add('A-1');
    index.add('A-1');
    index.add('a-1');
    index.add('B-2');
    expect(index.size).toBe(3);
    expect(index.candidates('A-01')).toEqual(['A-1', 'a-1']);
    index.delete('A-1');
    index.delete('A-1');
    index.delete('never-added');
    expect(index.size).toBe(2);
    expect(index.candidates('A-01')).toEqual(['a-1']);
    index.delete('a-1');
    expect(index.candidates('A-01')).toEqual([]);
    expect(index.candidates('b-2')).toEqual(['B-2']);
  });
});

describe('nearMatchHash', () => {
  // The reference: FNV-1a (30 bits) over the key string itself.
  const reference = (id: string) => {
    let h = 0x811c9dc5;
    for (const ch of nearMatchKey(id)) {
      for (let i = 0; i < ch.length; i += 1) h = Math.imul(h ^ ch.charCodeAt(i), 0x01000193);
    }
    return h & 0x3fffffff;
  };
  it.each([
    'ABC-123-M',
    ' abc_0123 m\t',
    'ST010000-GRN-L',
    'ST10000-GRN-08',
    '00123',
    '000',
    'A-0',
    'ST00A',
    'ST0A-00-0B',
    '--A..B__',
    '-0-01',
    'x',
    '',
    'Straße-01',
    'ÉTÉ-007 ',
  ])('%p equals the hash of its key', (id) => {
    expect(nearMatchHash(id)).toBe(reference(id));
  });

  it('agrees with the key on generated ids', () => {
    const alphabet = ['A', 'b', '0', '0', '1', '9', '-', '_', '.', ' ', 'z', '0'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    const disagreeing: string[] = [];
    for (let n = 0; n < 5_000; n += 1) {
      const id = Array.from({ length: 1 + (n % 12) }, () => alphabet[next()]).join('');
      if (nearMatchHash(id) !== reference(id)) disagreeing.push(id);
    }
    expect(disagreeing).toEqual([]);
  });
});
