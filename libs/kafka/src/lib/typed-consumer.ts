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
  /** Waits between retries; `signal` aborts when `stop()` is called, so a long backoff ends early. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface TypedConsumer {
  start(): Promise<void>;
  /**
   * Stops gracefully. In `auto` mode the rest of the batch in hand is handled (or parked), its
   * offsets are committed, then the consumer leaves the group and disconnects. Exceptions:
   * - the batch turned stale (a rebalance gave its partition to another member): handling stops
   *   at once and only what was already handled is committed;
   * - a record failing with a retriable error: once stop began there is no further retry, so
   *   stop waits at most for the attempt in flight (a backoff in progress is cut short); that
   *   record and the rest of the batch stay uncommitted and are redelivered to the next member.
   *
   * In `manual` mode only the record in hand is finished: the app commits its own work (commit
   * before stopping; kafkajs drops commits made once stop began), so handling more would only be
   * repeated after the restart.
   */
  stop(): Promise<void>;
  /** True while the consumer is a member of its group (for readiness). */
  isJoined(): boolean;
  /** Commits `offset` (the next offset to read) for a partition; for `manual` mode. */
  commit(offsets: Array<{ topic: string; partition: number; offset: string }>): Promise<void>;
}

const STOPPED = Symbol('stopped');

/** Resolves after `ms`, or as soon as `signal` aborts (clearing the timer, so nothing lingers). */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Like `sleep`, but never outlasts an abort even when a custom sleep ignores the signal. */
function sleepUnlessAborted(
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([sleep(ms, signal), aborted]).finally(() => {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  });
}

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
  const sleep = options.sleep ?? abortableSleep;
  const manual = options.commitMode === 'manual';
  // Aborted by stop(): a retry backoff must not keep a stopping consumer waiting.
  let stopSignal = new AbortController();
  const consumer: Consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  consumer.on(consumer.events.STOP, () => (joined = false));
  consumer.on(consumer.events.DISCONNECT, () => (joined = false));
  consumer.on(consumer.events.CRASH, (event) => {
    joined = false;
    logger.error({ err: event.payload.error, groupId: options.groupId }, 'consumer crashed');
  });

  const stopping = (payload: EachBatchPayload): boolean => stopSignal.signal.aborted || !payload.isRunning();

  /**
   * Retries a retriable failure until it succeeds, the consumer is stopping or the batch is
   * stale. Once stop began, a retriable failure is not retried (stop stays bounded by the
   * attempt in flight): STOPPED leaves the record unresolved for the next member.
   */
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
        if (stopping(payload) || payload.isStale()) {
          logger.warn(
            { ...ctx, err: error, attempt },
            `${what} failed while stopping (or stale); left for redelivery`,
          );
          return STOPPED;
        }
        const delay = backoffDelay(attempt, retry.initialMs, retry.maxMs);
        logger.warn({ ...ctx, err: error, attempt, delayMs: delay }, `${what} failed, retrying`);
        await sleepUnlessAborted(sleep, delay, stopSignal.signal);
        if (stopping(payload) || payload.isStale()) return STOPPED;
        await payload.heartbeat();
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
    const { batch, resolveOffset, heartbeat, isStale } = payload;
    for (const message of batch.messages) {
      // A stale batch's partition now belongs to another member: stop at once, even when stopping.
      if (isStale()) break;
      // Auto mode finishes the batch in hand on stop (then commits it); see TypedConsumer.stop.
      if (manual && stopping(payload)) break;
      if (!(await processRecord(message, payload))) break;
      resolveOffset(message.offset);
      await heartbeat();
    }
    // When stopping, commit now what was resolved: the group is left right after this batch.
    if (!manual)
      await payload.commitOffsetsIfNecessary(stopping(payload) ? payload.uncommittedOffsets() : undefined);
  }

  return {
    async start() {
      stopSignal = new AbortController();
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
      stopSignal.abort();
      // kafkajs' stop waits for the batch in hand (eachBatch) to return before leaving the group.
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
