import type { Kafka, Message, ProducerBatch, ProducerConfig } from 'kafkajs';
import { contractSamples, dlqTopicName, topicCatalogue, TOPICS, type TopicSpec } from '@wair-sfcc/contracts';
import { createLogger } from '@wair-sfcc/observability';
import { compileAvro } from './avro-framing';
import { RecordEncodeError } from './kafka-errors';
import type { SchemaCodec } from './schema-codec';
import { createTypedProducer, type TypedProducerOptions } from './typed-producer';

const specOf = (name: string): TopicSpec => {
  const spec = topicCatalogue.find((t) => t.name === name);
  if (!spec) throw new Error(`no ${name} in the catalogue`);
  return spec;
};
const stock = specOf(TOPICS.wairStock);
const skus = specOf(TOPICS.wairSkus);
const dlq: TopicSpec = { ...stock, name: dlqTopicName(stock.name), valueSchema: null, valueSubject: null };
const stockSample = contractSamples[TOPICS.wairStock];
const skuSample = contractSamples[TOPICS.wairSkus];
const ids: Record<string, number> = { [stock.valueSubject ?? '']: 41, [skus.valueSubject ?? '']: 42 };

/** A kafkajs client whose producer keeps its config and every request instead of talking to Kafka. */
function fakeKafka() {
  const configs: ProducerConfig[] = [];
  const requests: ProducerBatch[] = [];
  let failNext: Error | undefined;
  const kafka = {
    producer: (config: ProducerConfig) => {
      configs.push(config);
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        sendBatch: async (batch: ProducerBatch) => {
          requests.push(batch);
          const failure = failNext;
          failNext = undefined;
          if (failure) throw failure;
          return [];
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, configs, requests, failNextRequest: (error: Error) => (failNext = error) };
}

/** A registry that knows one id per subject and counts how often it is asked. */
function fakeCodec() {
  const resolved: string[] = [];
  const codec: SchemaCodec = {
    resolveId: async (subject) => {
      resolved.push(subject);
      const id = ids[subject];
      if (id === undefined) throw new Error(`unknown subject ${subject}`);
      return id;
    },
    encode: () => Promise.reject(new Error('the producer frames values itself')),
    decode: () => Promise.reject(new Error('not used by the producer')),
    setCompatibility: async () => undefined,
  };
  return { codec, resolved };
}

function setup(extra: Partial<TypedProducerOptions> = {}) {
  const fake = fakeKafka();
  const registry = fakeCodec();
  const producer = createTypedProducer({
    kafka: fake.kafka,
    codec: registry.codec,
    logger: createLogger({ app: 'producer-spec', level: 'silent' }),
    topics: [stock, skus, dlq],
    ...extra,
  });
  return { ...fake, ...registry, producer };
}

const messagesOf = (requests: ProducerBatch[], topic?: string): Message[] =>
  requests.flatMap((r) =>
    (r.topicMessages ?? [])
      .filter((t) => topic === undefined || t.topic === topic)
      .flatMap((t) => t.messages),
  );

describe('typed producer', () => {
  it('resolves each schema id once at connect, never per message', async () => {
    const { producer, resolved, requests } = setup();
    await producer.connect();
    // Once per topic with a schema; the DLQ carries raw bytes and needs none.
    expect(resolved).toEqual([stock.valueSubject, skus.valueSubject]);

    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < 150; i += 1) {
      sends.push(producer.send(stock.name, `SKU-${i}`, { ...stockSample.value, sku: `SKU-${i}` }));
      sends.push(producer.send(skus.name, skuSample.key, skuSample.value));
    }
    sends.push(producer.sendMany([{ topic: stock.name, key: stockSample.key, value: stockSample.value }]));
    await Promise.all(sends);
    await producer.disconnect();

    expect(resolved).toHaveLength(2);
    const stockType = compileAvro(stock.valueSchema);
    const stockMessages = messagesOf(requests, stock.name);
    expect(stockMessages).toHaveLength(151);
    for (const message of stockMessages) {
      const value = message.value as Buffer;
      // Confluent wire format: magic byte 0, then the id resolved at connect.
      expect(value[0]).toBe(0);
      expect(value.readInt32BE(1)).toBe(41);
    }
    expect(stockType.fromBuffer((stockMessages[0]?.value as Buffer).subarray(5))).toEqual({
      ...stockSample.value,
      sku: 'SKU-0',
    });
    expect(messagesOf(requests, skus.name).every((m) => (m.value as Buffer).readInt32BE(1) === 42)).toBe(
      true,
    );
  });

  it('refuses to send before connect (no id resolved yet) instead of asking the registry per message', async () => {
    const { producer, resolved } = setup();
    await expect(producer.send(stock.name, stockSample.key, stockSample.value)).rejects.toBeInstanceOf(
      RecordEncodeError,
    );
    expect(resolved).toEqual([]);
  });

  it('uses an idempotent producer and acks from all in-sync replicas on every request', async () => {
    const { producer, configs, requests } = setup({ maxBatchRecords: 10 });
    await producer.connect();
    await Promise.all(
      Array.from({ length: 35 }, (_, i) =>
        producer.send(stock.name, `SKU-${i}`, { ...stockSample.value, sku: `SKU-${i}` }),
      ),
    );
    await producer.sendRaw(dlq.name, 'SKU-X', Buffer.from('raw'), { reason: 'test' });
    await producer.disconnect();

    expect(configs).toHaveLength(1);
    // Idempotence needs a single in-flight request per connection to keep per-key order.
    expect(configs[0]).toMatchObject({ idempotent: true, maxInFlightRequests: 1 });
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.map((r) => r.acks)).toEqual(requests.map(() => -1));
  });

  it('puts many records sent close together into one request, across topics and in order', async () => {
    const { producer, requests } = setup();
    await producer.connect();
    const keys = Array.from({ length: 200 }, (_, i) => `SKU-${i}`);
    await Promise.all([
      ...keys.map((key) => producer.send(stock.name, key, { ...stockSample.value, sku: key })),
      producer.send(skus.name, skuSample.key, skuSample.value),
      producer.send(stock.name, 'SKU-0', null),
    ]);
    await producer.disconnect();

    expect(requests).toHaveLength(1);
    expect(requests[0]?.topicMessages?.map((t) => [t.topic, t.messages.length])).toEqual([
      [stock.name, 201],
      [skus.name, 1],
    ]);
    // The tombstone comes after the key's earlier value, so a compacted table ends with it.
    expect(messagesOf(requests, stock.name).map((m) => m.key)).toEqual([...keys, 'SKU-0']);
    expect(messagesOf(requests, stock.name).at(-1)?.value).toBeNull();
  });

  it('splits at maxBatchRecords, sending the requests one after another in order', async () => {
    const { producer, requests } = setup({ maxBatchRecords: 40 });
    await producer.connect();
    const keys = Array.from({ length: 100 }, (_, i) => `SKU-${i}`);
    await producer.sendMany(
      keys.map((key) => ({ topic: stock.name, key, value: { ...stockSample.value, sku: key } })),
    );
    await producer.disconnect();

    expect(requests.map((r) => messagesOf([r]).length)).toEqual([40, 40, 20]);
    expect(messagesOf(requests).map((m) => m.key)).toEqual(keys);
  });

  it('rejects every send of a failed request, so callers keep their offsets', async () => {
    const { producer, failNextRequest } = setup();
    await producer.connect();
    failNextRequest(Object.assign(new Error('broker unreachable'), { retriable: true }));
    const outcomes = await Promise.allSettled(
      ['A', 'B', 'C'].map((key) => producer.send(stock.name, key, { ...stockSample.value, sku: key })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // The next request is unaffected.
    await expect(producer.send(stock.name, 'D', { ...stockSample.value, sku: 'D' })).resolves.toBeUndefined();
    await producer.disconnect();
  });
});
