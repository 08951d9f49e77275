import { createServer } from 'node:net';
import { TOPICS, findTopic, type OrderFact, type SfccProduct, type StockLevel } from '@wair-sfcc/contracts';
import type { KafkaRuntime, TypedProducer } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { createSfccInventoryClients, type SfccInventoryClients } from '@wair-sfcc/sfcc-client';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { loadConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import { writerTopicNames } from './writer-test-harness';

const LIST = 'inventory_webshop';
const spec = (name: string) => findTopic(name) as NonNullable<ReturnType<typeof findTopic>>;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * DESIGN §4 against the real sfcc-simulator and the real sfcc-client: an order placed on the
 * storefront but not yet accepted by WAIR must be subtracted, or the next sync re-inflates SFCC's
 * stock and the storefront sells units that do not exist.
 */
describe('in-flight orders against the sfcc-simulator (real OCAPI client, real Kafka)', () => {
  const run = uniqueName('iw-inflight');
  const topics = writerTopicNames(run);
  const WITH = `${run}-WITH`.toUpperCase().replace(/[^A-Z0-9-]/g, '-');
  const WITHOUT = `${run}-WITHOUT`.toUpperCase().replace(/[^A-Z0-9-]/g, '-');
  let sim: SpawnedService;
  let runtime: KafkaRuntime;
  let producer: TypedProducer;
  let clients: SfccInventoryClients;
  let app: WriterApp;

  const record = async (sku: string) => {
    const res = await fetch(`${sim.opsUrl}/__sim/inventory/${LIST}/${encodeURIComponent(sku)}`);
    if (!res.ok) return undefined;
    return (
      (await res.json()) as {
        record: { ats: number; allocation: { amount: number; reset_date: string } } | null;
      }
    ).record;
  };
  const buy = async (sku: string, quantity: number) =>
    fetch(`${sim.opsUrl}/__sim/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ productId: sku, quantity, listId: LIST }] }),
    });
  const stock = (sku: string, asOf: number, seq: number, units: number): StockLevel => ({
    sku,
    asOf,
    sourceSequence: seq,
    origin: 'WEBHOOK',
    ingestedAt: asOf,
    locations: [
      { locationCode: 'DC01', onHand: units, reserved: 0, available: units, modifiedAt: asOf, sequence: seq },
    ],
  });

  beforeAll(async () => {
    sim = spawnService('sfcc-simulator', { SIM_ORDERS_PER_MINUTE: '0', LOG_LEVEL: 'warn' }, await freePort());
    runtime = createIntegrationRuntime('iw-inflight');
    const specs = {
      stock: topicSpecFor(spec(TOPICS.wairStock), topics.stock),
      products: topicSpecFor(spec(TOPICS.sfccProducts), topics.products),
      orders: topicSpecFor(spec(TOPICS.sfccOrders), topics.orders),
    };
    await createTestTopic(runtime, specs.stock);
    for (const s of [
      specs.products,
      specs.orders,
      topicSpecFor(spec(TOPICS.sfccInventorySync), topics.sync),
      topicSpecFor(spec(TOPICS.integrationExceptions), topics.exceptions),
    ])
      await createTestTopic(runtime, s, false);
    producer = runtime.producer({ topics: Object.values(specs) });
    await producer.connect();
    const product = (productId: string): SfccProduct => ({
      productId,
      type: 'VARIANT',
      masterId: 'M',
      variationValues: {},
      online: true,
      searchable: true,
      pulledAt: Date.now(),
    });
    await producer.sendMany(
      [WITH, WITHOUT].map((sku) => ({ topic: topics.products, key: sku, value: product(sku) })),
    );
    await sim.waitUntilReady(60_000);
    clients = createSfccInventoryClients({
      host: sim.opsUrl,
      amHost: sim.opsUrl,
      clientId: 'sim-client',
      clientSecret: 'sim-client-secret',
      resilience: { rateLimit: { ratePerSecond: 50, concurrency: 2 } },
    });
    app = createApp({
      config: loadConfig({
        ...process.env,
        KAFKA_GROUP_ID: uniqueName('iw-inflight.group'),
        OPS_PORT: '0',
        LOG_LEVEL: 'silent',
        INVENTORY_LISTS: `${LIST}:WEB01+DC01`,
        CLOCK_SKEW_MARGIN_MS: '0',
        COMMIT_INTERVAL_MS: '200',
        FULL_REFRESH_CRON: 'off',
      }),
      logger: createLogger({ app: 'iw-inflight', level: 'silent' }),
      kafka: createIntegrationRuntime('iw-inflight'),
      sfcc: { writer: clients.writer, importer: clients.importer },
      topics,
    });
    await app.start();
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    await clients?.stop();
    await producer?.disconnect();
    await runtime?.admin.disconnect();
    await sim?.stop('SIGTERM');
  });

  it('subtracts an order WAIR has not accepted; without the subtraction the storefront oversells', async () => {
    // 1. Both SKUs have 10 units in WAIR and SFCC.
    const t1 = Date.now() - 10_000;
    await producer.sendMany(
      [WITH, WITHOUT].map((sku) => ({ topic: topics.stock, key: sku, value: stock(sku, t1, 1, 10) })),
    );
    await waitFor(
      'first sync',
      async () => (await record(WITH))?.ats === 10 && (await record(WITHOUT))?.ats === 10,
    );

    // 2. The storefront sells 3 of each; SFCC counts them as turnover after the reset date.
    const orders: Record<string, { orderNo: string; creationDate: string }> = {};
    for (const sku of [WITH, WITHOUT]) {
      const res = await buy(sku, 3);
      expect(res.status).toBe(201);
      orders[sku] = (await res.json()) as { orderNo: string; creationDate: string };
    }
    expect((await record(WITH))?.ats).toBe(7);

    // 3. The bridge reports the WITH order as captured (the WITHOUT order stands for a writer that
    //    does not subtract in-flight orders).
    const placed = orders[WITH] as { orderNo: string; creationDate: string };
    const createdAt = Date.parse(placed.creationDate);
    const fact: OrderFact = {
      orderNo: placed.orderNo,
      siteId: 'RefArch',
      createdAt,
      lines: [{ itemId: `${placed.orderNo}-1`, sku: WITH, quantity: 3, inventoryListId: LIST }],
      state: 'CAPTURED',
      capturedAt: createdAt,
      acceptedAt: null,
      rejectionReason: null,
      orderTotal: null,
      currency: 'EUR',
    };
    await producer.send(topics.orders, fact.orderNo, fact);
    await waitFor('the writer to know the order', () => app.orders.inFlight(LIST, WITH, Date.now()) === 3);

    // 4. WAIR publishes a newer figure that does not reflect the orders yet (not accepted): still 10.
    const t3 = Math.max(Date.now(), createdAt + 1);
    await producer.sendMany(
      [WITH, WITHOUT].map((sku) => ({ topic: topics.stock, key: sku, value: stock(sku, t3, 2, 10) })),
    );
    const resetIso = new Date(t3).toISOString();
    await waitFor(
      'second sync',
      async () =>
        (await record(WITH))?.allocation.reset_date === resetIso &&
        (await record(WITHOUT))?.allocation.reset_date === resetIso,
    );

    // With the subtraction SFCC still shows the 7 that exist; without it, 10 (re-inflated).
    expect((await record(WITH))?.allocation.amount).toBe(7);
    expect((await record(WITH))?.ats).toBe(7);
    expect((await record(WITHOUT))?.ats).toBe(10);

    // 5. Customers buy whatever the storefront offers; only 7 units really exist for each SKU.
    const sold: Record<string, number> = {};
    for (const sku of [WITH, WITHOUT]) {
      sold[sku] = 0;
      while ((await buy(sku, 1)).status === 201) sold[sku] = (sold[sku] ?? 0) + 1;
    }
    expect(sold[WITH]).toBe(7);
    expect(sold[WITHOUT]).toBe(10);
  });

  it('full refresh through IMPEX: diff-only sends nothing when SFCC is current, forced rewrites every list entry', async () => {
    const diff = await app.fullRefresh.start({ skus: [WITH, WITHOUT] }).done;
    expect(diff.error).toBeNull();
    expect(diff.lists[LIST]).toMatchObject({ sent: 0, unchanged: 2 });
    const jobsBefore = ((await (await fetch(`${sim.opsUrl}/__sim/jobs`)).json()) as { executions: unknown[] })
      .executions.length;
    const forced = await app.fullRefresh.start({ force: true, skus: [WITH, WITHOUT] }).done;
    expect(forced.error).toBeNull();
    expect(forced.lists[LIST]).toMatchObject({ sent: 2, ok: 2, rejected: 0, failed: 0 });
    const jobs = ((await (await fetch(`${sim.opsUrl}/__sim/jobs`)).json()) as { executions: unknown[] })
      .executions;
    expect(jobs.length).toBe(jobsBefore + 1);
    expect((await record(WITH))?.allocation.amount).toBe(7);
    expect((await record(WITHOUT))?.allocation.amount).toBe(10);
  });
});
