/** How two identifiers differ when they are near-matches. */
export type NearMatchKind = 'CASE' | 'WHITESPACE' | 'LEADING_ZEROS' | 'SEPARATORS';

const SEPARATOR = /[-_.\s]+/;

/**
 * The key under which near-identical ids collide: upper case, no whitespace, no separators
 * (`-`, `_`, `.`, space), no leading zeros in the number that starts a token or follows its letter
 * prefix. `abc-0123 m` and `ABC_123.M` both become `ABC123M`; `ST010000` and `ST10000` collide.
 */
export function nearMatchKey(id: string): string {
  return id
    .trim()
    .split(SEPARATOR)
    .map((token) => token.replace(/^([A-Za-z]*)0+(?=\d)/, '$1'))
    .join('')
    .toUpperCase();
}

// Each step removes one kind of difference and nothing another step removes (outer whitespace is
// WHITESPACE's alone, inner whitespace a separator), so "which steps are needed" is well defined.
const STEPS: ReadonlyArray<[NearMatchKind, (s: string) => string]> = [
  ['CASE', (s) => s.toUpperCase()],
  ['WHITESPACE', (s) => s.trim()],
  ['LEADING_ZEROS', (s) => s.replace(/(^|[-_.\s])([A-Za-z]*)0+(?=\d)/g, '$1$2')],
  ['SEPARATORS', (s) => s.replace(/\s*[-_.]+\s*/g, '').replace(/(?<=\S)\s+(?=\S)/g, '')],
];

const normalise = (s: string, skip?: NearMatchKind): string =>
  STEPS.reduce((acc, [kind, step]) => (kind === skip ? acc : step(acc)), s);

/**
 * Which kinds of difference separate `a` from `b` (in the order case, whitespace, leading zeros,
 * separators); empty when they are equal or differ in more than these. A kind is listed only when
 * the two really differ in it: `abc-0123` and `abc-123` differ in leading zeros, not in case.
 */
export function describeNearMatch(a: string, b: string): NearMatchKind[] {
  if (a === b || normalise(a) !== normalise(b)) return [];
  return STEPS.map(([kind]) => kind).filter((kind) => normalise(a, kind) !== normalise(b, kind));
}

const KIND_WORDS: Readonly<Record<NearMatchKind, string>> = {
  CASE: 'case',
  WHITESPACE: 'whitespace',
  LEADING_ZEROS: 'leading zeros',
  SEPARATORS: 'separators',
};

/** `case`, `case and leading zeros`, `case, whitespace and separators`: for exception details. */
export function nearMatchWords(kinds: readonly NearMatchKind[]): string {
  const words = kinds.map((k) => KIND_WORDS[k]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 30-bit FNV-1a of a string (30 bits keep it a small integer, which a `Map` holds unboxed). */
function fnv(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h & 0x3fffffff;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
// `-`, `_`, `.` and ASCII whitespace: the separators of nearMatchKey for an ASCII id.
const isSeparator = (c: number) => c === 45 || c === 95 || c === 46 || c === 32 || (c >= 9 && c <= 13);

/**
 * The 30-bit FNV-1a hash of {@link nearMatchKey}(id), computed in one pass without building the
 * key, so indexing a million ids allocates no string per id. Ids with non-ASCII characters (whose
 * upper case and whitespace follow Unicode) take the exact, slower path through the key.
 */
export function nearMatchHash(id: string): number {
  let h = FNV_OFFSET;
  let i = 0;
  const n = id.length;
  while (i < n) {
    const c = id.charCodeAt(i);
    if (c > 127) return fnv(nearMatchKey(id));
    if (isSeparator(c)) {
      i += 1;
      continue;
    }
    // A token: its letter prefix, then leading zeros dropped when a digit follows them.
    while (i < n && isAsciiLetter(id.charCodeAt(i))) {
      const l = id.charCodeAt(i);
      h = Math.imul(h ^ (l >= 97 ? l - 32 : l), FNV_PRIME);
      i += 1;
    }
    let zeros = 0;
    while (i + zeros < n && id.charCodeAt(i + zeros) === 48) zeros += 1;
    if (zeros > 0) {
      // `0+(?=\d)`: all the zeros before another digit, all but the last one otherwise.
      const keep = i + zeros < n && isDigit(id.charCodeAt(i + zeros)) ? 0 : 1;
      i += zeros - keep;
    }
    while (i < n) {
      const t = id.charCodeAt(i);
      if (t > 127) return fnv(nearMatchKey(id));
      if (isSeparator(t)) break;
      h = Math.imul(h ^ (t >= 97 && t <= 122 ? t - 32 : t), FNV_PRIME);
      i += 1;
    }
  }
  return h & 0x3fffffff;
}

/**
 * An index of ids by {@link nearMatchKey}: building it is O(n), each look-up and change O(1), so a
 * million-SKU catalogue never needs a pairwise comparison or a scan per SKU. It holds the ids it
 * is given (no copies), under an integer hash of their key.
 */
export class NearMatchIndex {
  private readonly buckets = new Map<number, string | string[]>();
  private count = 0;

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  /** Number of ids held. */
  get size(): number {
    return this.count;
  }

  /** Adds `id`; adding an id already held does nothing. */
  add(id: string): void {
    const hash = nearMatchHash(id);
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) this.buckets.set(hash, id);
    else if (typeof bucket === 'string') {
      if (bucket === id) return;
      this.buckets.set(hash, [bucket, id]);
    } else if (!bucket.includes(id)) bucket.push(id);
    else return;
    this.count += 1;
  }

  /** Removes `id` if held. */
  delete(id: string): void {
    const hash = nearMatchHash(id);
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) return;
    if (typeof bucket === 'string') {
      if (bucket !== id) return;
      this.buckets.delete(hash);
    } else {
      const at = bucket.indexOf(id);
      if (at < 0) return;
      bucket.splice(at, 1);
      if (bucket.length === 1) this.buckets.set(hash, bucket[0] as string);
    }
    this.count -= 1;
  }

  /** Ids that near-match `id` (excluding `id` itself), fewest kinds of difference first. */
  candidates(id: string): string[] {
    const bucket = this.buckets.get(nearMatchHash(id));
    if (bucket === undefined) return [];
    return (typeof bucket === 'string' ? [bucket] : bucket)
      .map((c) => ({ c, kinds: describeNearMatch(id, c).length }))
      .filter((x) => x.kinds > 0)
      .sort((x, y) => x.kinds - y.kinds || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
      .map((x) => x.c);
  }
}
