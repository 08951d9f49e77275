import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@wair-sfcc/observability';
import type { SchemaCodec } from './schema-codec';
import { isRetriable } from './kafka-errors';
import { backoffDelay } from './backoff';

/** A compacted topic held in memory as a key → row map, kept current after catching up. */
export interface TableReader<Row> {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every record up to the end offsets seen at start has been applied. */
  caughtUp(): Promise<void>;
  isCaughtUp(): boolean;
  get(key: string): Row | undefined;
  size(): number;
  entries(): IterableIterator<[string, Row]>;
}

/** Where a reader keeps its rows; a `Map` by default. */
export interface RowStore<Row> {
  readonly size: number;
  get(key: string): Row | undefined;
  set(key: string, row: Row): unknown;
  delete(key: string): unknown;
  entries(): IterableIterator<[string, Row]>;
}

export interface TableReaderOptions<Value, Row> {
  kafka: Kafka;
  codec: SchemaCodec;
  logger: Logger;
  topic: string;
  /** Keeps memory bounded: store only what the app needs of each value. */
  project?: (value: Value, key: string) => Row;
  /** Lets an app pack rows or share keys across tables (e.g. millions of rows keyed by SKU). */
  store?: RowStore<Row>;
  /** Called for every applied change (row undefined = tombstone), after catch-up too. */
  onChange?: (key: string, row: Row | undefined, meta: { partition: number; offset: string }) => void;
  /** A record that cannot be decoded is skipped and reported here (the owning consumer parks it). */
  onUndecodable?: (error: Error, meta: { partition: number; offset: string; key: string | null }) => void;
}

/**
 * Reads a compacted topic from the beginning. Tables are read without committing offsets: every
 * start rebuilds from offset 0, which is what compaction makes cheap.
 */
export function createTableReader<Value, Row = Value>(
  options: TableReaderOptions<Value, Row>,
): TableReader<Row> {
  const { kafka, codec, logger, topic } = options;
  const rows: RowStore<Row> = options.store ?? new Map<string, Row>();
  const project = options.project ?? ((v: Value) => v as unknown as Row);
  const pendingEnds = new Map<number, bigint>();
  let resolveCaughtUp!: () => void;
  const caughtUpPromise = new Promise<void>((r) => (resolveCaughtUp = r));
  let caughtUp = false;
  let consumer: Consumer | undefined;

  const markProgress = (partition: number, offset: bigint): void => {
    const end = pendingEnds.get(partition);
    if (end !== undefined && offset + 1n >= end) pendingEnds.delete(partition);
    if (!caughtUp && pendingEnds.size === 0) {
      caughtUp = true;
      resolveCaughtUp();
    }
  };

  return {
    async start() {
      const admin = kafka.admin();
      await admin.connect();
      try {
        for (const p of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(p.high) > BigInt(p.low)) pendingEnds.set(p.partition, BigInt(p.high));
        }
      } finally {
        await admin.disconnect();
      }
      markProgress(-1, 0n);
      consumer = kafka.consumer({ groupId: `table.${topic}.${randomUUID()}`, allowAutoTopicCreation: false });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch, heartbeat }) => {
          for (const message of batch.messages) {
            const key = message.key?.toString('utf8') ?? null;
            const meta = { partition: batch.partition, offset: message.offset };
            if (key !== null) {
              if (message.value === null) {
                rows.delete(key);
                options.onChange?.(key, undefined, meta);
              } else {
                for (let attempt = 0; ; attempt += 1) {
                  try {
                    const row = project((await codec.decode(message.value)) as Value, key);
                    rows.set(key, row);
                    options.onChange?.(key, row, meta);
                    break;
                  } catch (error) {
                    if (!isRetriable(error)) {
                      options.onUndecodable?.(error as Error, { ...meta, key });
                      break;
                    }
                    logger.warn({ err: error, topic }, 'table reader waiting for the registry');
                    await new Promise((r) => setTimeout(r, backoffDelay(attempt, 200, 10_000)));
                    await heartbeat();
                  }
                }
              }
            }
            markProgress(batch.partition, BigInt(message.offset));
          }
        },
      });
    },
    async stop() {
      await consumer?.disconnect();
    },
    caughtUp: () => caughtUpPromise,
    isCaughtUp: () => caughtUp,
    get: (key) => rows.get(key),
    size: () => rows.size,
    entries: () => rows.entries(),
  };
}
