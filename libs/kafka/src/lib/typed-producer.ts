import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { isDlqTopic, type TopicSpec } from '@wair-sfcc/contracts';
import type { Logger } from '@wair-sfcc/observability';
import type avro from 'avsc';
import type { SchemaCodec } from './schema-codec';
import { compileAvro, explainInvalid, frame } from './avro-framing';
import { RecordEncodeError } from './kafka-errors';

/** A record to publish; `value: null` is a tombstone (deletes the key from a compacted table). */
export interface OutgoingRecord<T = unknown> {
  topic: string;
  key: string;
  value: T | null;
  headers?: Record<string, string>;
}

/** Publishes typed values, Avro-encoded against the registry, acknowledged by all in-sync replicas. */
export interface TypedProducer {
  connect(): Promise<void>;
  /** Resolves once Kafka acknowledged the record; records sent close together share one request. */
  send<T>(topic: string, key: string, value: T | null, headers?: Record<string, string>): Promise<void>;
  sendMany(records: OutgoingRecord[]): Promise<void>;
  /** Bytes as they are (DLQ parking keeps the original bytes). */
  sendRaw(
    topic: string,
    key: string | null,
    value: Buffer | null,
    headers: Record<string, string>,
  ): Promise<void>;
  disconnect(): Promise<void>;
}

export interface TypedProducerOptions {
  kafka: Kafka;
  codec: SchemaCodec;
  logger: Logger;
  /** Topics this producer writes; schema ids are resolved for them once at connect. */
  topics: readonly TopicSpec[];
  /** How long a record waits for companions before its batch is sent. */
  lingerMs?: number;
  maxBatchRecords?: number;
  /** Told how many records each DLQ topic (`<topic>.dlq`) received once Kafka acknowledged them. */
  onDlqRecords?: (dlqTopic: string, count: number) => void;
}

interface Pending {
  message: Message;
  topic: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export function createTypedProducer(options: TypedProducerOptions): TypedProducer {
  const { kafka, codec, logger, topics } = options;
  const lingerMs = options.lingerMs ?? 5;
  const maxBatch = options.maxBatchRecords ?? 1000;
  // Idempotence makes broker-side retries safe; it requires a single in-flight request. Retries
  // stay bounded so a long outage surfaces as a failed send (the caller keeps its offsets) instead
  // of a promise that never settles. The murmur2 partitioner matches the Java client's, so other
  // producers of the same keys land on the same partitions.
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const encoders = new Map<string, { id: number; type: avro.Type }>();
  let pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();

  const encode = (record: OutgoingRecord): Buffer | null => {
    if (record.value === null) return null;
    const encoder = encoders.get(record.topic);
    if (!encoder) {
      throw new RecordEncodeError(
        `topic ${record.topic} is not declared for this producer (or not connected)`,
        {
          topic: record.topic,
          key: record.key,
        },
      );
    }
    const problem = explainInvalid(encoder.type, record.value);
    if (problem) {
      throw new RecordEncodeError(
        `value for ${record.topic} key ${record.key} does not fit its schema: ${problem}`,
        {
          topic: record.topic,
          key: record.key,
        },
      );
    }
    return frame(encoder.id, encoder.type.toBuffer(record.value));
  };

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const byTopic = new Map<string, Message[]>();
    for (const p of batch) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.message]);
    // Flushes run one after another so records of a key keep their order across batches.
    chain = chain.then(async () => {
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
        for (const p of batch) p.resolve();
        if (options.onDlqRecords) {
          for (const [topic, messages] of byTopic)
            if (isDlqTopic(topic)) options.onDlqRecords(topic, messages.length);
        }
      } catch (error) {
        logger.warn({ err: error, records: batch.length }, 'produce failed');
        for (const p of batch) p.reject(error as Error);
      }
    });
  };

  const enqueue = (topic: string, message: Message): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      pending.push({ topic, message, resolve, reject });
      if (pending.length >= maxBatch) flush();
      else if (!timer) timer = setTimeout(flush, lingerMs);
    });

  const toMessage = (
    key: string | null,
    value: Buffer | null,
    headers?: Record<string, string>,
  ): Message => ({
    key,
    value,
    headers,
  });

  return {
    async connect() {
      await producer.connect();
      for (const spec of topics) {
        if (!spec.valueSchema || !spec.valueSubject) continue;
        const id = await codec.resolveId(spec.valueSubject, spec.valueSchema);
        encoders.set(spec.name, { id, type: compileAvro(spec.valueSchema) });
      }
    },
    send(topic, key, value, headers) {
      try {
        return enqueue(topic, toMessage(key, encode({ topic, key, value }), headers));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async sendMany(records) {
      const messages = records.map((r) => ({
        topic: r.topic,
        message: toMessage(r.key, encode(r), r.headers),
      }));
      await Promise.all(messages.map((m) => enqueue(m.topic, m.message)));
    },
    sendRaw(topic, key, value, headers) {
      return enqueue(topic, toMessage(key, value, headers));
    },
    async disconnect() {
      flush();
      await chain;
      await producer.disconnect();
    },
  };
}
