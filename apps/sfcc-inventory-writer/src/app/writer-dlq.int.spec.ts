import { DLQ_HEADERS, TOPICS, findTopic, type SfccProduct, type StockLevel } from '@wair-sfcc/contracts';
import type { IncomingRecord, KafkaRuntime, TypedConsumer, TypedProducer } from '@wair-sfcc/kafka';
import {
  createInMemoryProducer,
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import {
  createInMemoryInventoryImporter,
  createInMemoryInventoryWriter,
} from '@wair-sfcc/sfcc-client/testing';
import { APP_NAME, loadConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import { writerTopicNames } from './writer-test-harness';
import { figure, T0 } from './testing/pipeline-harness';

const spec = (name: string) => findTopic(name) as NonNullable<ReturnType<typeof findTopic>>;

describe('sfcc-inventory-writer: impossible stock records go to the DLQ, the partition keeps flowing', () => {
  const run = uniqueName('iwdlq');
  const topics = writerTopicNames(run);
  const dlqTopic = `${topics.stock}.dlq`;
  const sku = (s: string) => `${run}-${s}`;
  const groupId = uniqueName('iwdlq.group');
  const writer = createInMemoryInventoryWriter();
  let runtime: KafkaRuntime;
  let producer: TypedProducer;
  let dlq: TypedConsumer | undefined;
  const parked: IncomingRecord[] = [];
  let app: WriterApp | undefined;

  const startApp = async (): Promise<WriterApp> => {
    const config = loadConfig({
      ...process.env,
      KAFKA_GROUP_ID: groupId,
      OPS_PORT: '0',
      LOG_LEVEL: 'silent',
      INVENTORY_LISTS: 'web:WEB01+DC01',
      STOCK_BUFFERS: 'global=0',
      COMMIT_INTERVAL_MS: '100',
      CLOCK_SKEW_MARGIN_MS: '0',
      FULL_REFRESH_CRON: 'off',
    });
    const started = createApp({
      config,
      logger: createLogger({ app: 'iwdlq-test', level: 'silent' }),
      kafka: createIntegrationRuntime('iwdlq-test'),
      sfcc: { writer, importer: createInMemoryInventoryImporter(writer.state) },
      topics,
    });
    await started.start();
    return started;
  };
  const allocation = (s: string) => writer.state.get(`web\u0000${sku(s)}`)?.allocation;
  const stock = (s: string, dt: number, available: Record<string, number>) => {
    const value: StockLevel = figure(sku(s), dt, available);
    return { topic: topics.stock, key: value.sku, value };
  };
  /** Committed offset (next to read) of the writer's group on the stock topic's only partition. */
  const committed = async () => (await runtime.admin.fetchCommittedOffsets(groupId, topics.stock))[0]?.offset;
  const dlqRecordCount = async () =>
    (await runtime.admin.fetchTopicEndOffsets(dlqTopic)).reduce((n, p) => n + Number(p.offset), 0);

  beforeAll(async () => {
    runtime = createIntegrationRuntime('iwdlq-test');
    // One partition, so good and bad records of different SKUs share it and their order is known.
    await createTestTopic(runtime, { ...topicSpecFor(spec(TOPICS.wairStock), topics.stock), partitions: 1 });
    const products = topicSpecFor(spec(TOPICS.sfccProducts), topics.products);
    for (const s of [
      products,
      topicSpecFor(spec(TOPICS.sfccOrders), topics.orders),
      topicSpecFor(spec(TOPICS.sfccInventorySync), topics.sync),
      topicSpecFor(spec(TOPICS.integrationExceptions), topics.exceptions),
    ])
      await createTestTopic(runtime, s, false);
    producer = runtime.producer({ topics: [topicSpecFor(spec(TOPICS.wairStock), topics.stock), products] });
    await producer.connect();
    const product = (s: string): SfccProduct => ({
      productId: sku(s),
      type: 'VARIANT',
      masterId: sku('M'),
      variationValues: {},
      online: true,
      searchable: true,
      pulledAt: T0,
    });
    // Every SKU is sellable, so only the validator can keep a figure from SFCC.
    await producer.sendMany(
      ['GOOD1', 'NEG', 'LOC', 'GOOD2', 'LAST', 'GOOD3'].map((s) => ({
        topic: topics.products,
        key: sku(s),
        value: product(s),
      })),
    );
    dlq = runtime.consumer({
      app: 'iwdlq-test',
      groupId: uniqueName('iwdlq.dlq'),
      topics: [dlqTopic],
      dlqProducer: createInMemoryProducer(),
      handle: async (r) => void parked.push(r),
    });
    await dlq.start();
  });

  afterAll(async () => {
    await app?.stop();
    await dlq?.stop();
    await producer?.disconnect();
    await runtime?.admin.disconnect();
  });

  it('parks negative availability and unknown locations with reasons, writes what follows, commits past parked records and never parks twice', async () => {
    app = await startApp();
    await producer.sendMany([
      stock('GOOD1', 100, { DC01: 5 }), // offset 0
      stock('NEG', 100, { DC01: -3 }), // offset 1
      stock('LOC', 100, { XX99: 3 }), // offset 2
      stock('GOOD2', 100, { WEB01: 2, DC01: 4 }), // offset 3
    ]);
    await waitFor(
      'the good record after the bad ones written',
      () => allocation('GOOD2') !== undefined,
      30_000,
    );
    expect(allocation('GOOD1')).toBe(5);
    expect(allocation('GOOD2')).toBe(6);
    expect(allocation('NEG')).toBeUndefined();
    expect(allocation('LOC')).toBeUndefined();

    await waitFor('two parked records', () => parked.length >= 2, 30_000);
    const bySku = new Map(parked.map((r) => [(r.value as StockLevel).sku, r]));
    const expected = [
      { s: 'NEG', offset: '1', reason: /location DC01: available -3 is negative/ },
      { s: 'LOC', offset: '2', reason: /unknown WAIR location\(s\) XX99/ },
    ];
    for (const { s, offset, reason } of expected) {
      const record = bySku.get(sku(s));
      expect(record?.key).toBe(sku(s));
      expect(record?.headers).toMatchObject({
        [DLQ_HEADERS.sourceTopic]: topics.stock,
        [DLQ_HEADERS.sourcePartition]: '0',
        [DLQ_HEADERS.sourceOffset]: offset,
        [DLQ_HEADERS.app]: APP_NAME,
        [DLQ_HEADERS.errorClass]: 'RecordValidationError',
      });
      expect(record?.headers[DLQ_HEADERS.errorMessage]).toMatch(reason);
      const failedAt = record?.headers[DLQ_HEADERS.failedAt] ?? '';
      expect(new Date(failedAt).toISOString()).toBe(failedAt);
    }

    // A parked record that is the last of its partition: nothing after it moves the commit.
    await producer.send(topics.stock, sku('LAST'), figure(sku('LAST'), 100, { DC01: -1 })); // offset 4
    await waitFor('the last record parked', () => parked.length >= 3, 30_000);
    expect(parked[2]?.headers[DLQ_HEADERS.sourceOffset]).toBe('4');
    await waitFor('offset committed past the parked last record', async () => (await committed()) === '5');

    // Restart with the same group: the parked records are not read (nor parked) again.
    await app.stop();
    app = undefined;
    expect(await committed()).toBe('5');
    app = await startApp();
    await producer.send(topics.stock, sku('GOOD3'), figure(sku('GOOD3'), 100, { DC01: 7 })); // offset 5
    await waitFor('the record after the restart written', () => allocation('GOOD3') === 7, 30_000);
    // Records of the partition are handled in order, so a second DLQ copy of offset 4 would have
    // been acknowledged before GOOD3 was handled.
    expect(app.pipeline.stats.handled).toBe(1);
    expect(await dlqRecordCount()).toBe(3);
    await waitFor('offset committed past the last record', async () => (await committed()) === '6');
    expect(parked).toHaveLength(3);
  });
});
