/** How two identifiers differ when they are near-matches. */
export type NearMatchKind = 'CASE' | 'WHITESPACE' | 'SEPARATORS' | 'LEADING_ZEROS';

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

const STEPS: ReadonlyArray<[NearMatchKind, (s: string) => string]> = [
  ['CASE', (s) => s.toUpperCase()],
  ['WHITESPACE', (s) => s.trim().replace(/\s+/g, ' ')],
  ['LEADING_ZEROS', (s) => s.replace(/(^|[-_.\s])([A-Za-z]*)0+(?=\d)/g, '$1$2')],
  ['SEPARATORS', (s) => s.replace(/[-_.\s]+/g, '')],
];

/** Which normalisations make `a` and `b` equal, in the order applied; empty when equal or unrelated. */
export function describeNearMatch(a: string, b: string): NearMatchKind[] {
  const kinds: NearMatchKind[] = [];
  let x = a;
  let y = b;
  for (const [kind, step] of STEPS) {
    if (x === y) break;
    const nx = step(x);
    const ny = step(y);
    if (nx !== x || ny !== y) kinds.push(kind);
    x = nx;
    y = ny;
  }
  return x === y ? kinds : [];
}

/**
 * An index of ids by {@link nearMatchKey}: building it is O(n) and each look-up O(1), so a
 * million-SKU catalogue never needs pairwise comparison.
 */
export class NearMatchIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(ids: Iterable<string>) {
    for (const id of ids) {
      const key = nearMatchKey(id);
      const list = this.byKey.get(key);
      if (list) list.push(id);
      else this.byKey.set(key, [id]);
    }
  }

  /** Ids that near-match `id` (excluding `id` itself), most similar first. */
  candidates(id: string): string[] {
    const list = this.byKey.get(nearMatchKey(id)) ?? [];
    return list
      .filter((c) => c !== id)
      .sort((a, b) => describeNearMatch(id, a).length - describeNearMatch(id, b).length);
  }
}
