import type { IngestCursor } from '@wair-sfcc/contracts';
import type { KafkaRuntime, TableReader, TypedProducer } from '@wair-sfcc/kafka';

/** The poll cursors, kept on a compacted topic and read back at start. */
export function createCursorStore(
  kafka: KafkaRuntime,
  producer: TypedProducer,
  topic: string,
  clock: () => number = Date.now,
) {
  const table: TableReader<IngestCursor> = kafka.tableReader<IngestCursor>({ topic });
  const latest = new Map<string, IngestCursor>();
  return {
    async start(): Promise<void> {
      await table.start();
      await table.caughtUp();
      for (const [feed, cursor] of table.entries()) if (!latest.has(feed)) latest.set(feed, cursor);
      // Only this app writes the topic and it holds what it wrote: no need to keep reading.
      await table.stop();
    },
    isLoaded: () => table.isCaughtUp(),
    get: (feed: string): IngestCursor | undefined => latest.get(feed),
    /** Resolves once Kafka acknowledged the new cursor. */
    async save(feed: string, fromModifiedDateTime: number): Promise<void> {
      const cursor: IngestCursor = { feed, fromModifiedDateTime, offset: 0, updatedAt: clock() };
      await producer.send(topic, feed, cursor);
      latest.set(feed, cursor);
    },
    stop: () => table.stop(),
  };
}

export type CursorStore = ReturnType<typeof createCursorStore>;
