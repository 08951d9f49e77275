import { Kafka } from 'kafkajs';
import { contractSamples, topicCatalogue, TOPICS, dlqTopicName, DLQ_HEADERS } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, createTestTopic, topicSpecFor, uniqueName, waitFor } from '../testing';
import type { IncomingRecord } from './typed-consumer';

const stockBase = topicCatalogue.find((t) => t.name === TOPICS.wairStock);
if (!stockBase) throw new Error('no stock topic in catalogue');
const sample = contractSamples[TOPICS.wairStock];

/** Reads raw records (bytes and headers) of a topic with plain kafkajs, as an outside observer. */
async function readRaw(topic: string, count: number) {
  const kafka = new Kafka({ brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','), logLevel: 0 });
  const consumer = kafka.consumer({ groupId: uniqueName('raw-reader') });
  const seen: Array<{ key: string | null; value: Buffer | null; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
      seen.push({ key: message.key?.toString() ?? null, value: message.value, headers });
    },
  });
  await waitFor(`${count} records on ${topic}`, () => seen.length >= count, 30_000);
  await consumer.disconnect();
  return seen;
}

describe('typed consumer', () => {
  const runtime = createIntegrationRuntime('typed-consumer');
  afterAll(() => runtime.admin.disconnect());

  it('parks a corrupt record and an impossible one on the DLQ with their reasons, and keeps the partition flowing', async () => {
    const spec = { ...topicSpecFor(stockBase, uniqueName('tc.stock')), partitions: 1 };
    await createTestTopic(runtime, spec);
    const dlqCounts = new Map<string, number>();
    runtime.onDlqRecords((topic, count) => dlqCounts.set(topic, (dlqCounts.get(topic) ?? 0) + count));
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    const corrupt = Buffer.from('definitely not avro');
    await producer.sendRaw(spec.name, 'SKU-BAD', corrupt, { origin: 'test' });
    await producer.send(spec.name, 'SKU-NEG', {
      ...sample.value,
      sku: 'SKU-NEG',
      locations: sample.value.locations.map((l) => ({ ...l, available: -5 })),
    });
    await producer.send(spec.name, sample.key, sample.value);

    const handled: IncomingRecord[] = [];
    const consumer = runtime.consumer({
      app: 'int-test',
      groupId: uniqueName('tc.group'),
      topics: [spec.name],
      dlqProducer: producer,
      validators: {
        [spec.name]: (r) =>
          (r.value as typeof sample.value).locations.some((l) => l.available < 0)
            ? 'negative available stock'
            : undefined,
      },
      handle: async (record) => {
        handled.push(record);
      },
    });
    await consumer.start();
    await waitFor('the valid record to be handled', () => handled.length >= 1);
    await consumer.stop();
    await producer.disconnect();

    expect(handled.map((h) => h.key)).toEqual([sample.key]);
    expect(handled[0]?.value).toEqual(sample.value);
    const parked = await readRaw(dlqTopicName(spec.name), 2);
    // What kafka_dlq_records_total counts: both parked records, on the DLQ topic's name.
    expect(Object.fromEntries(dlqCounts)).toEqual({ [dlqTopicName(spec.name)]: 2 });
    const bad = parked.find((p) => p.key === 'SKU-BAD');
    expect(bad?.value?.equals(corrupt)).toBe(true);
    expect(bad?.headers[DLQ_HEADERS.sourceTopic]).toBe(spec.name);
    expect(bad?.headers[DLQ_HEADERS.sourceOffset]).toBe('0');
    expect(bad?.headers[DLQ_HEADERS.errorClass]).toBe('RecordDecodeError');
    expect(bad?.headers[DLQ_HEADERS.app]).toBe('int-test');
    expect(bad?.headers['origin']).toBe('test');
    const negative = parked.find((p) => p.key === 'SKU-NEG');
    expect(negative?.headers[DLQ_HEADERS.errorClass]).toBe('RecordValidationError');
    expect(negative?.headers[DLQ_HEADERS.errorMessage]).toBe('negative available stock');
  });

  it('retries a retriable handler error and commits only after success', async () => {
    const spec = { ...topicSpecFor(stockBase, uniqueName('tc.retry')), partitions: 1 };
    await createTestTopic(runtime, spec);
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    await producer.send(spec.name, sample.key, sample.value);
    let attempts = 0;
    const groupId = uniqueName('tc.retry.group');
    const consumer = runtime.consumer({
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      retry: { initialMs: 10, maxMs: 50 },
      handle: async () => {
        attempts += 1;
        if (attempts < 3) throw Object.assign(new Error('SFCC busy'), { retriable: true });
      },
    });
    await consumer.start();
    await waitFor('three attempts', () => attempts >= 3);
    await consumer.stop();
    await producer.disconnect();
    const committed = await runtime.admin.fetchCommittedOffsets(groupId, spec.name);
    expect(committed).toEqual([{ partition: 0, offset: '1' }]);
    expect(attempts).toBe(3);
  });
});
