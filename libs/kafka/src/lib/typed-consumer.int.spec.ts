import { Kafka, type ConsumerConfig } from 'kafkajs';
import { contractSamples, topicCatalogue, TOPICS, dlqTopicName, DLQ_HEADERS } from '@wair-sfcc/contracts';
import { createLogger } from '@wair-sfcc/observability';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
  within,
} from '../testing';
import { createTypedConsumer, type IncomingRecord } from './typed-consumer';

const stockBase = topicCatalogue.find((t) => t.name === TOPICS.wairStock);
if (!stockBase) throw new Error('no stock topic in catalogue');
const sample = contractSamples[TOPICS.wairStock];

const brokers = (): string[] => (process.env['KAFKA_BROKERS'] ?? '').split(',');

/** A promise the test settles from outside, to gate a handler or hear from it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const retriable = (message: string): Error => Object.assign(new Error(message), { retriable: true });

/** Reads raw records (bytes and headers) of a topic with plain kafkajs, as an outside observer. */
async function readRaw(topic: string, count: number) {
  const kafka = new Kafka({ brokers: brokers(), logLevel: 0 });
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

  it('parks a record whose handler fails for good on the DLQ with its headers, then handles the next one', async () => {
    const spec = { ...topicSpecFor(stockBase, uniqueName('tc.park')), partitions: 1 };
    await createTestTopic(runtime, spec);
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    await producer.send(
      spec.name,
      'SKU-REFUSED',
      { ...sample.value, sku: 'SKU-REFUSED' },
      { origin: 'test' },
    );
    await producer.send(spec.name, 'SKU-OK', { ...sample.value, sku: 'SKU-OK' });

    class SkuRefusedError extends Error {
      override name = 'SkuRefusedError';
    }
    const events: string[] = [];
    const groupId = uniqueName('tc.park.group');
    const consumer = runtime.consumer({
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      retry: { initialMs: 10, maxMs: 50 },
      onParked: (record) => events.push(`parked ${record.offset}`),
      handle: async (record) => {
        // No `retriable` flag: the error is final, so the record is parked, not retried.
        if (record.key === 'SKU-REFUSED') throw new SkuRefusedError('SFCC refused the SKU');
        events.push(`handled ${record.offset}`);
      },
    });
    await consumer.start();
    await waitFor('the next record to be handled', () => events.includes('handled 1'));
    await consumer.stop();
    await producer.disconnect();

    // Parked once (not retried) and acknowledged before the next record of the partition ran.
    expect(events).toEqual(['parked 0', 'handled 1']);
    const parked = await readRaw(dlqTopicName(spec.name), 1);
    expect(parked).toHaveLength(1);
    const dlq = parked[0];
    expect(dlq?.key).toBe('SKU-REFUSED');
    // The original Avro bytes, still decodable with the source topic's schema.
    expect(dlq?.value && (await runtime.codec.decode(dlq.value))).toEqual({
      ...sample.value,
      sku: 'SKU-REFUSED',
    });
    expect(dlq?.headers).toEqual({
      origin: 'test',
      [DLQ_HEADERS.sourceTopic]: spec.name,
      [DLQ_HEADERS.sourcePartition]: '0',
      [DLQ_HEADERS.sourceOffset]: '0',
      [DLQ_HEADERS.app]: 'int-test',
      [DLQ_HEADERS.errorClass]: 'SkuRefusedError',
      [DLQ_HEADERS.errorMessage]: 'SFCC refused the SKU',
      [DLQ_HEADERS.failedAt]: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(await runtime.admin.fetchCommittedOffsets(groupId, spec.name)).toEqual([
      { partition: 0, offset: '2' },
    ]);
  });

  it('commits nothing past a record while its retriable handler error is being retried', async () => {
    const spec = { ...topicSpecFor(stockBase, uniqueName('tc.retry')), partitions: 1 };
    await createTestTopic(runtime, spec);
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    const groupId = uniqueName('tc.retry.group');
    const committed = () => runtime.admin.fetchCommittedOffsets(groupId, spec.name);
    let attempts = 0;
    const thirdFailureDone = deferred();
    const letSucceed = deferred();
    const consumer = runtime.consumer({
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      retry: { initialMs: 10, maxMs: 50 },
      handle: async (record) => {
        if (record.key !== 'SKU-BUSY') return;
        attempts += 1;
        if (attempts <= 3) throw retriable('SFCC busy');
        // Three attempts failed; hold the fourth until the test has looked at the commits.
        thirdFailureDone.resolve();
        await letSucceed.promise;
      },
    });
    await consumer.start();
    await producer.send(spec.name, 'SKU-FIRST', sample.value);
    await waitFor('the first record to be committed', async () => (await committed())[0]?.offset === '1');
    await producer.send(spec.name, 'SKU-BUSY', { ...sample.value, sku: 'SKU-BUSY' });

    await within('three failed attempts', thirdFailureDone.promise);
    expect(await committed()).toEqual([{ partition: 0, offset: '1' }]);
    letSucceed.resolve();
    await waitFor('the retried record to be committed', async () => (await committed())[0]?.offset === '2');
    await consumer.stop();
    await producer.disconnect();
    expect(attempts).toBe(4);
  });

  it('stop finishes the batch in hand, commits it, and a new member of the group gets none of it', async () => {
    const spec = { ...topicSpecFor(stockBase, uniqueName('tc.stop')), partitions: 1 };
    await createTestTopic(runtime, spec);
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    // Produced before the consumer starts, in one request: one fetch delivers all ten.
    await producer.sendMany(
      Array.from({ length: 10 }, (_, i) => ({
        topic: spec.name,
        key: `SKU-${i}`,
        value: { ...sample.value, sku: `SKU-${i}` },
      })),
    );

    // A kafkajs client that reports the batches it hands to eachBatch, so the test sees the batch.
    const kafka = new Kafka({ brokers: brokers(), logLevel: 0 });
    const batches: Array<{ size: number; first: string | null; last: string }> = [];
    const observed = {
      consumer: (config: ConsumerConfig) => {
        const consumer = kafka.consumer(config);
        consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) =>
          batches.push({ size: payload.batchSize, first: payload.firstOffset, last: payload.lastOffset }),
        );
        return consumer;
      },
    } as unknown as Kafka;
    const groupId = uniqueName('tc.stop.group');
    const firstInHand = deferred();
    const release = deferred();
    const handled: string[] = [];
    const consumer = createTypedConsumer({
      kafka: observed,
      codec: runtime.codec,
      logger: createLogger({ app: 'int-test', level: 'silent' }),
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      handle: async (record) => {
        if (record.offset === '0') {
          firstInHand.resolve();
          await release.promise;
        }
        handled.push(record.offset);
      },
    });
    await consumer.start();
    await within('the first record in hand', firstInHand.promise);
    const stopped = consumer.stop();
    release.resolve();
    await within('stop', stopped);

    expect(batches).toEqual([{ size: 10, first: '0', last: '9' }]);
    expect(handled).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(await runtime.admin.fetchCommittedOffsets(groupId, spec.name)).toEqual([
      { partition: 0, offset: '10' },
    ]);

    // A new member of the group starts after the ten: it sees only a record produced afterwards.
    await producer.send(spec.name, 'SKU-LATER', { ...sample.value, sku: 'SKU-LATER' });
    const seenByNext: string[] = [];
    const next = runtime.consumer({
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      handle: async (record) => void seenByNext.push(record.offset),
    });
    await next.start();
    await waitFor('the later record', () => seenByNext.includes('10'));
    await next.stop();
    await producer.disconnect();
    expect(seenByNext).toEqual(['10']);
  });

  it('stop does not wait out a retry backoff: the failing record and the rest stay uncommitted', async () => {
    const spec = { ...topicSpecFor(stockBase, uniqueName('tc.stopretry')), partitions: 1 };
    await createTestTopic(runtime, spec);
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    await producer.send(spec.name, 'SKU-BUSY', { ...sample.value, sku: 'SKU-BUSY' });
    await producer.send(spec.name, 'SKU-NEXT', { ...sample.value, sku: 'SKU-NEXT' });
    const groupId = uniqueName('tc.stopretry.group');
    const inBackoff = deferred();
    let attempts = 0;
    const consumer = runtime.consumer({
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      // A backoff that ignores the abort signal and never ends: only stop() can cut it short.
      sleep: () => {
        inBackoff.resolve();
        return new Promise<void>(() => undefined);
      },
      handle: async () => {
        attempts += 1;
        throw retriable('SFCC unreachable');
      },
    });
    await consumer.start();
    await within('the first backoff', inBackoff.promise);
    await within('stop', consumer.stop());
    expect(attempts).toBe(1);
    expect(await runtime.admin.fetchCommittedOffsets(groupId, spec.name)).toEqual([
      { partition: 0, offset: '-1' },
    ]);

    // Nothing was committed, so the next member of the group gets both records again.
    const seenByNext: string[] = [];
    const next = runtime.consumer({
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      handle: async (record) => void seenByNext.push(record.key ?? ''),
    });
    await next.start();
    await waitFor('both records again', () => seenByNext.length >= 2);
    await next.stop();
    await producer.disconnect();
    expect(seenByNext).toEqual(['SKU-BUSY', 'SKU-NEXT']);
  });
});
