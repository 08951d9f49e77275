/** What a table view reads: typed values, and the stored rows behind them for cheap scans. */
export interface ViewSource<Row, T> {
  readonly size: number;
  get(key: string): T | undefined;
  has(key: string): boolean;
  entries(): IterableIterator<[string, T]>;
  raw(key: string): Row | undefined;
  rawEntries(): IterableIterator<[string, Row]>;
}

/** A reader's own rows (the order-keyed tables keep the contract values as they are). */
export function valueSource<T>(rows: {
  get(key: string): T | undefined;
  size(): number;
  entries(): IterableIterator<[string, T]>;
}): ViewSource<T, T> {
  return {
    get size() {
      return rows.size();
    },
    get: (key) => rows.get(key),
    has: (key) => rows.get(key) !== undefined,
    entries: () => rows.entries(),
    raw: (key) => rows.get(key),
    rawEntries: () => rows.entries(),
  };
}

/**
 * A typed, read-only map over a table: the audit rules (which take `ReadonlyMap`/`Iterable` of
 * contract types) run over the packed tables without a copy; rows are decoded on access.
 */
export class TableView<Row, T> implements ReadonlyMap<string, T> {
  constructor(private readonly source: ViewSource<Row, T>) {}

  get size(): number {
    return this.source.size;
  }

  get(key: string): T | undefined {
    return this.source.get(key);
  }

  /** The stored row itself (cheap checks that need no decoding). */
  raw(key: string): Row | undefined {
    return this.source.raw(key);
  }

  has(key: string): boolean {
    return this.source.has(key);
  }

  *entries(): MapIterator<[string, T]> {
    yield* this.source.entries();
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.source.rawEntries()) yield key;
  }

  *values(): MapIterator<T> {
    for (const [, value] of this.source.entries()) yield value;
  }

  /** Stored rows, for scans that filter before decoding (a packed row's reader is reused per step). */
  rawEntries(): IterableIterator<[string, Row]> {
    return this.source.rawEntries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}
