import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from '@wair-sfcc/observability';
import type { SchemaCodec } from './schema-codec';
import type { TypedProducer } from './typed-producer';
import { parkRecord } from './dlq-parking';
import { backoffDelay } from './backoff';
import { RecordValidationError, isRetriable } from './kafka-errors';

/** A decoded record handed to an app; `value: null` is a tombstone. */
export interface IncomingRecord<T = unknown> {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: T | null;
  headers: Record<string, string>;
  timestamp: number;
}

/** Returns why a decoded record is impossible (it is then parked), or undefined when it is fine. */
export type RecordValidator = (record: IncomingRecord) => string | undefined;

export interface TypedConsumerOptions {
  kafka: Kafka;
  codec: SchemaCodec;
  logger: Logger;
  app: string;
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  /** A connected producer used to park records on `<topic>.dlq`. */
  dlqProducer: TypedProducer;
  validators?: Record<string, RecordValidator>;
  handle: (record: IncomingRecord) => Promise<void>;
  /**
   * `auto`: offsets are committed once the handler (or parking) succeeded. `manual`: the app
   * commits with `commit()` when its own work (e.g. an SFCC write) is safely done.
   */
  commitMode?: 'auto' | 'manual';
  retry?: { initialMs: number; maxMs: number };
  /**
   * Called once a record is durably on its DLQ (the producer's acks=all answer came back) and
   * before the next record of its partition is handled. In `manual` mode the handler never saw
   * the record, so this is where the app learns its offset may be committed.
   */
  onParked?: (record: IncomingRecord<Buffer>, error: Error) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface TypedConsumer {
  start(): Promise<void>;
  /** Finishes the record in hand, commits what was handled, leaves the group. */
  stop(): Promise<void>;
  /** True while the consumer is a member of its group (for readiness). */
  isJoined(): boolean;
  /** Commits `offset` (the next offset to read) for a partition; for `manual` mode. */
  commit(offsets: Array<{ topic: string; partition: number; offset: string }>): Promise<void>;
}

const STOPPED = Symbol('stopped');

function headersOf(message: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return out;
}

export function createTypedConsumer(options: TypedConsumerOptions): TypedConsumer {
  const { kafka, codec, logger, app, handle } = options;
  const retry = options.retry ?? { initialMs: 200, maxMs: 30_000 };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const manual = options.commitMode === 'manual';
  const consumer: Consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  consumer.on(consumer.events.STOP, () => (joined = false));
  consumer.on(consumer.events.DISCONNECT, () => (joined = false));
  consumer.on(consumer.events.CRASH, (event) => {
    joined = false;
    logger.error({ err: event.payload.error, groupId: options.groupId }, 'consumer crashed');
  });

  /** Retries a retriable failure until it succeeds or the consumer is stopping. */
  async function withRetry<R>(
    what: string,
    fn: () => Promise<R>,
    payload: EachBatchPayload,
    ctx: object,
  ): Promise<R | typeof STOPPED> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        if (!isRetriable(error)) throw error;
        const delay = backoffDelay(attempt, retry.initialMs, retry.maxMs);
        logger.warn({ ...ctx, err: error, attempt, delayMs: delay }, `${what} failed, retrying`);
        await sleep(delay);
        await payload.heartbeat();
        if (!payload.isRunning() || payload.isStale()) return STOPPED;
      }
    }
  }

  async function park(message: KafkaMessage, topic: string, partition: number, error: Error): Promise<void> {
    const record: IncomingRecord<Buffer> = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      value: message.value,
      headers: headersOf(message),
      timestamp: Number(message.timestamp),
    };
    logger.warn(
      {
        topic,
        partition,
        offset: message.offset,
        key: record.key,
        reason: error.message,
        errorClass: error.name,
      },
      'record parked on DLQ',
    );
    await parkRecord(options.dlqProducer, {
      app,
      topic,
      partition,
      offset: message.offset,
      key: record.key,
      value: message.value,
      headers: record.headers,
      error,
    });
    options.onParked?.(record, error);
  }

  /**
   * Decodes, validates and handles one record; a non-retriable failure at any step parks it.
   * Returns false when the consumer is stopping (or rebalancing) and the record stays unresolved.
   */
  async function processRecord(message: KafkaMessage, payload: EachBatchPayload): Promise<boolean> {
    const { topic, partition } = payload.batch;
    const key = message.key?.toString('utf8') ?? null;
    const ctx = { topic, partition, offset: message.offset, key };
    let failure: Error | undefined;
    try {
      const outcome = await withRetry(
        'handle',
        async () => {
          const value = message.value === null ? null : await codec.decode(message.value);
          const record: IncomingRecord = {
            ...ctx,
            value,
            headers: headersOf(message),
            timestamp: Number(message.timestamp),
          };
          const reason = value === null ? undefined : options.validators?.[topic]?.(record);
          if (reason) throw new RecordValidationError(reason, ctx);
          await handle(record);
        },
        payload,
        ctx,
      );
      if (outcome === STOPPED) return false;
    } catch (error) {
      failure = error as Error;
    }
    if (failure) {
      const parked = await withRetry('park', () => park(message, topic, partition, failure), payload, ctx);
      if (parked === STOPPED) return false;
    }
    return true;
  }

  async function eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      if (!(await processRecord(message, payload))) break;
      resolveOffset(message.offset);
      await heartbeat();
    }
    if (!manual)
      await payload.commitOffsetsIfNecessary(isRunning() ? undefined : payload.uncommittedOffsets());
  }

  return {
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: !manual,
        autoCommitInterval: 1000,
        autoCommitThreshold: 500,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch,
      });
    },
    async stop() {
      await consumer.stop();
      await consumer.disconnect();
      joined = false;
    },
    isJoined: () => joined,
    async commit(offsets) {
      await consumer.commitOffsets(offsets);
    },
  };
}
