import {
  DLQ_HEADERS,
  TOPICS,
  findTopic,
  type IntegrationException,
  type InventorySync,
  type OrderFact,
  type SfccProduct,
} from '@wair-sfcc/contracts';
import type { IncomingRecord, KafkaRuntime, TypedProducer } from '@wair-sfcc/kafka';
import {
  createInMemoryProducer,
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import type { InventoryRecordWrite, InventoryWriter } from '@wair-sfcc/sfcc-client';
import {
  createInMemoryInventoryImporter,
  createInMemoryInventoryWriter,
} from '@wair-sfcc/sfcc-client/testing';
import { loadConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import { writerTopicNames } from './writer-test-harness';
import { figure, T0 } from './testing/pipeline-harness';

const spec = (name: string) => findTopic(name) as NonNullable<ReturnType<typeof findTopic>>;

describe('sfcc-inventory-writer against the real Kafka stack (fake SFCC)', () => {
  const run = uniqueName('iw');
  const topics = writerTopicNames(run);
  const sku = (s: string) => `${run}-${s}`;
  let runtime: KafkaRuntime;
  let producer: TypedProducer;
  const writer = createInMemoryInventoryWriter();
  // A gate lets the test pile figures up in the queue before any write returns.
  let gate: Promise<void> = Promise.resolve();
  const gatedWriter: InventoryWriter = {
    async write(records) {
      await gate;
      return writer.write(records);
    },
  };
  const groupId = uniqueName('iw.group');
  const apps: WriterApp[] = [];

  const startApp = async (): Promise<WriterApp> => {
    const config = loadConfig({
      ...process.env,
      KAFKA_GROUP_ID: groupId,
      OPS_PORT: '0',
      LOG_LEVEL: 'silent',
      INVENTORY_LISTS: 'web:WEB01+DC01;stores:ST01',
      STOCK_BUFFERS: 'global=0',
      LOW_STOCK_THRESHOLD: '2',
      COMMIT_INTERVAL_MS: '100',
      CLOCK_SKEW_MARGIN_MS: '0',
      FULL_REFRESH_CRON: 'off',
      WRITE_BATCH_SIZE: '10',
      WRITE_CONCURRENCY: '1',
    });
    const app = createApp({
      config,
      logger: createLogger({ app: 'iw-test', level: 'silent' }),
      kafka: createIntegrationRuntime('iw-test'),
      sfcc: { writer: gatedWriter, importer: createInMemoryInventoryImporter(writer.state) },
      topics,
    });
    apps.push(app);
    await app.start();
    return app;
  };
  const allocation = (list: string, s: string) => writer.state.get(`${list}\u0000${sku(s)}`)?.allocation;
  const resetDate = (list: string, s: string) => writer.state.get(`${list}\u0000${sku(s)}`)?.resetDate;
  const product = (s: string, type: SfccProduct['type'] = 'VARIANT'): SfccProduct => ({
    productId: sku(s),
    type,
    masterId: type === 'VARIANT' ? sku('M') : null,
    variationValues: {},
    online: true,
    searchable: true,
    pulledAt: T0,
  });

  beforeAll(async () => {
    runtime = createIntegrationRuntime('iw-test');
    const specs = {
      stock: topicSpecFor(spec(TOPICS.wairStock), topics.stock),
      products: topicSpecFor(spec(TOPICS.sfccProducts), topics.products),
      orders: topicSpecFor(spec(TOPICS.sfccOrders), topics.orders),
      sync: topicSpecFor(spec(TOPICS.sfccInventorySync), topics.sync),
      exceptions: topicSpecFor(spec(TOPICS.integrationExceptions), topics.exceptions),
    };
    await createTestTopic(runtime, specs.stock);
    for (const s of [specs.products, specs.orders, specs.sync, specs.exceptions])
      await createTestTopic(runtime, s, false);
    producer = runtime.producer({ topics: [specs.stock, specs.products, specs.orders] });
    await producer.connect();
    const catalog = ['A', 'B', 'C', 'INFLIGHT', 'OUT', ...Array.from({ length: 10 }, (_, i) => `BURST${i}`)];
    await producer.sendMany([
      ...catalog.map((s) => ({ topic: topics.products, key: sku(s), value: product(s) })),
      { topic: topics.products, key: sku('M'), value: product('M', 'MASTER') },
    ]);
    const order: OrderFact = {
      orderNo: `${run}-o1`,
      siteId: 'RefArch',
      createdAt: T0 + 50,
      lines: [{ itemId: '1', sku: sku('INFLIGHT'), quantity: 3, inventoryListId: 'web' }],
      state: 'CAPTURED',
      capturedAt: T0 + 60,
      acceptedAt: null,
      rejectionReason: null,
      orderTotal: null,
      currency: 'EUR',
    };
    await producer.send(topics.orders, order.orderNo, order);
  });

  afterAll(async () => {
    // The first app was stopped by the test itself (restart scenario).
    await apps[apps.length - 1]?.stop();
    await producer?.disconnect();
    await runtime?.admin.disconnect();
  });

  it('writes allocations end to end, subtracts in-flight orders, parks bad records, raises mismatches, coalesces, survives a restart', async () => {
    const app = await startApp();
    const f = (s: string, dt: number, available: Record<string, number>) => {
      const value = { ...figure(sku(s), dt, available) };
      return { topic: topics.stock, key: value.sku, value };
    };
    await producer.sendMany([
      f('A', 100, { WEB01: 2, DC01: 5, ST01: 4 }),
      f('INFLIGHT', 100, { DC01: 10 }),
      f('M', 100, { DC01: 10 }),
      f('NOPE', 100, { DC01: 10 }),
      f('B', 100, { DC01: -3 }),
      f('C', 100, { XX99: 3 }),
      f('OUT', 100, { DC01: 8 }),
    ]);
    await waitFor(
      'first figures written',
      () => allocation('web', 'OUT') !== undefined && allocation('web', 'INFLIGHT') !== undefined,
      30_000,
    );
    expect(allocation('web', 'A')).toBe(7);
    expect(allocation('stores', 'A')).toBe(4);
    expect(resetDate('web', 'A')).toBe(T0 + 100);
    // 10 available − 3 units ordered in SFCC but not yet accepted by WAIR.
    expect(allocation('web', 'INFLIGHT')).toBe(7);
    expect(writer.calls.flat().map((w) => w.productId)).not.toEqual(
      expect.arrayContaining([sku('M'), sku('NOPE'), sku('B'), sku('C')]),
    );

    // Exceptions and sync outcomes, read back from Kafka.
    const exceptions = runtime.tableReader<IntegrationException>({ topic: topics.exceptions });
    const sync = runtime.tableReader<InventorySync>({ topic: topics.sync });
    await exceptions.start();
    await sync.start();
    try {
      const mismatch = await waitFor('SKU_MISMATCH exceptions', () => {
        const m = exceptions.get(`SKU_MISMATCH:${sku('M')}`);
        const n = exceptions.get(`SKU_MISMATCH:${sku('NOPE')}`);
        return m && n ? { m, n } : undefined;
      });
      expect(mismatch.m).toMatchObject({
        owner: 'MERCH',
        type: 'SKU_MISMATCH',
        data: { reason: 'NOT_A_VARIANT' },
      });
      expect(mismatch.n.detail).toMatch(/not in the SFCC catalog/);
      await waitFor('sync rows', () => sync.get(sku('A'))?.lists.length === 2 && sync.get(sku('NOPE')));
      expect(sync.get(sku('NOPE'))?.lists[0]?.outcome).toBe('SKU_NOT_IN_CATALOG');
      expect(sync.get(sku('A'))?.lists.every((l) => l.outcome === 'OK' && l.resetDate === T0 + 100)).toBe(
        true,
      );
    } finally {
      await exceptions.stop();
      await sync.stop();
    }

    // Impossible records are parked with their reasons.
    const parked: IncomingRecord[] = [];
    const dlq = runtime.consumer({
      app: 'iw-test',
      groupId: uniqueName('iw.dlq'),
      topics: [`${topics.stock}.dlq`],
      dlqProducer: createInMemoryProducer(),
      handle: async (r) => void parked.push(r),
    });
    await dlq.start();
    try {
      await waitFor('two parked records', () => parked.length >= 2);
      const reasons = parked.map((r) => r.headers[DLQ_HEADERS.errorMessage]).join('\n');
      expect(reasons).toMatch(/available -3 is negative/);
      expect(reasons).toMatch(/unknown WAIR location\(s\) XX99/);
    } finally {
      await dlq.stop();
    }

    // Burst: 300 changes over 10 SKUs while SFCC holds the first write: ≤ one write per key after.
    let open!: () => void;
    gate = new Promise<void>((r) => (open = r));
    const handledBefore = app.pipeline.stats.handled;
    const burst = [];
    for (let i = 0; i < 300; i += 1)
      burst.push(f(`BURST${i % 10}`, 200 + i, { DC01: 20 + (i % 5), ST01: 5 }));
    burst.push(f('OUT', 600, { DC01: 0 }));
    await producer.sendMany(burst);
    await waitFor('burst consumed', () => app.pipeline.stats.handled >= handledBefore + 301, 30_000);
    const callsBefore = writer.calls.length;
    open();
    await waitFor(
      'burst written',
      () =>
        app.pipeline.queue.depth() === 0 &&
        app.pipeline.queue.inFlight() === 0 &&
        allocation('web', 'OUT') === 0,
      30_000,
    );
    const burstWrites = writer.calls.slice(callsBefore).flat();
    expect(burstWrites.length).toBeLessThanOrEqual(11 * 2 + 10);
    const firstBatch = writer.calls[callsBefore] as InventoryRecordWrite[];
    for (let k = 0; k < 10; k += 1) {
      const last = 290 + k;
      expect(allocation('web', `BURST${k}`)).toBe(20 + (last % 5));
      expect(resetDate('web', `BURST${k}`)).toBe(T0 + 200 + last);
    }
    // The stock-out was queued last but written first (the gate held at most one batch in flight).
    expect(burstWrites.findIndex((w) => w.productId === sku('OUT'))).toBeLessThanOrEqual(firstBatch.length);

    // Restart: what was written is not rewritten; an older figure never overwrites a newer one.
    await app.stop();
    const writesBeforeRestart = writer.calls.length;
    await producer.sendMany([f('A', 90, { DC01: 99 }), f('A', 700, { DC01: 1 })]);
    await startApp();
    await waitFor('figure after restart written', () => resetDate('web', 'A') === T0 + 700, 30_000);
    const after = writer.calls.slice(writesBeforeRestart).flat();
    expect(after.map((w) => w.productId)).toEqual([sku('A'), sku('A')]);
    expect(after.every((w) => w.resetDate === T0 + 700)).toBe(true);
    const history = new Map<string, number[]>();
    for (const w of writer.calls.flat()) {
      const k = `${w.inventoryListId}/${w.productId}`;
      history.set(k, [...(history.get(k) ?? []), w.resetDate]);
    }
    for (const dates of history.values()) expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });
});
