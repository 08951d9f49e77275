import type { RowStore, TableReader } from '@wair-sfcc/kafka';
import type { TableReaderFactory } from '../state/auditor-tables';

/**
 * Table readers without Kafka, for unit tests and the bench: `put` applies a value (or a
 * tombstone) through the same projection and change hook a real reader uses.
 */
export interface InMemoryTableReaders {
  factory: TableReaderFactory;
  put(topic: string, key: string, value: unknown): void;
  /** Readers report caught up only after this (mirrors the real catch-up at start). */
  markCaughtUp(): void;
}

export function createInMemoryTableReaders(): InMemoryTableReaders {
  const byTopic = new Map<string, (key: string, value: unknown) => void>();
  const marks: Array<() => void> = [];
  const factory: TableReaderFactory = <Value, Row>(options: {
    topic: string;
    project?: (value: Value, key: string) => Row;
    store?: RowStore<Row>;
    onChange?: (key: string, row: Row | undefined) => void;
  }): TableReader<Row> => {
    const rows: RowStore<Row> = options.store ?? new Map<string, Row>();
    let caughtUp = false;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    marks.push(() => {
      caughtUp = true;
      resolve();
    });
    byTopic.set(options.topic, (key, value) => {
      if (value === null || value === undefined) {
        rows.delete(key);
        options.onChange?.(key, undefined);
        return;
      }
      const row = options.project ? options.project(value as Value, key) : (value as Row);
      rows.set(key, row);
      options.onChange?.(key, row);
    });
    return {
      start: async () => undefined,
      stop: async () => undefined,
      caughtUp: () => done,
      isCaughtUp: () => caughtUp,
      get: (key) => rows.get(key),
      size: () => rows.size,
      entries: () => rows.entries(),
    };
  };
  return {
    factory,
    put(topic, key, value) {
      const apply = byTopic.get(topic);
      if (!apply) throw new Error(`no table reader for ${topic}`);
      apply(key, value);
    },
    markCaughtUp: () => marks.forEach((m) => m()),
  };
}
