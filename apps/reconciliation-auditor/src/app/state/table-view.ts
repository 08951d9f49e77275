/** What a table view reads: the rows of a compacted-topic reader, keyed by record key. */
export interface RowSource<Row> {
  get(key: string): Row | undefined;
  size(): number;
  entries(): IterableIterator<[string, Row]>;
}

/**
 * A typed, read-only map over compact rows: rows are decoded on access, so the audit rules (which
 * take `ReadonlyMap`/`Iterable` of contract types) run over the compact tables without a copy.
 */
export class TableView<Row, T> implements ReadonlyMap<string, T> {
  constructor(
    private readonly source: RowSource<Row>,
    private readonly decode: (key: string, row: Row) => T,
  ) {}

  get size(): number {
    return this.source.size();
  }

  get(key: string): T | undefined {
    const row = this.source.get(key);
    return row === undefined ? undefined : this.decode(key, row);
  }

  /** The compact row itself (cheap checks that need no decoding). */
  raw(key: string): Row | undefined {
    return this.source.get(key);
  }

  has(key: string): boolean {
    return this.source.get(key) !== undefined;
  }

  *entries(): MapIterator<[string, T]> {
    for (const [key, row] of this.source.entries()) yield [key, this.decode(key, row)];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.source.entries()) yield key;
  }

  *values(): MapIterator<T> {
    for (const [key, row] of this.source.entries()) yield this.decode(key, row);
  }

  /** Raw rows, for scans that filter before decoding. */
  rawEntries(): IterableIterator<[string, Row]> {
    return this.source.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}
