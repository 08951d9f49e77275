import { TOPICS, findTopic, type TopicSpec } from '@wair-sfcc/contracts';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import { buildDispatch, buildOrderDispatches, buildSfccOrder } from '@wair-sfcc/order-domain/testing';
import type { BridgeTopics } from './bridge-topics';
import { APP_NAME, loadConfig } from './config';
import { createApp, type BridgeApp } from './create-app';
import { createFakeScapiOrders } from './testing/fake-scapi-orders';
import { createFakeWairSales } from './testing/fake-wair-sales';

const spec = (name: string): TopicSpec => findTopic(name) as TopicSpec;

async function readAll(runtime: KafkaRuntime, topic: string): Promise<Map<string, unknown>> {
  const table = runtime.tableReader<unknown>({ topic });
  await table.start();
  try {
    await table.caughtUp();
    return new Map(table.entries());
  } finally {
    await table.stop();
  }
}

describe('order-dispatch-bridge on the real Kafka stack (fake SFCC and WAIR)', () => {
  const runtime = createIntegrationRuntime('order-dispatch-bridge-int');
  const topics: BridgeTopics = {
    dispatches: uniqueName('it.wair.dispatches'),
    orders: uniqueName('it.sfcc.orders'),
    fulfilment: uniqueName('it.sfcc.fulfilment'),
    exceptions: uniqueName('it.exceptions'),
  };
  const dispatchSpec = topicSpecFor(spec(TOPICS.wairDispatches), topics.dispatches);
  const sfcc = createFakeScapiOrders(Date.now);
  const wair = createFakeWairSales();
  const logs = createLogCapture();
  const producer = runtime.producer({ topics: [dispatchSpec] });
  const parked: string[] = [];

  function startBridge(): BridgeApp {
    const config = loadConfig({
      ...process.env,
      KAFKA_GROUP_ID: uniqueName('it.order-dispatch-bridge'),
      OPS_PORT: '0',
      ORDER_POLL_INTERVAL_MS: '200',
      DISPATCH_RETRY_TICK_MS: '100',
    });
    const logger = createLogger({ app: APP_NAME, level: 'debug', destination: logs.destination });
    const kafka = createIntegrationRuntime(APP_NAME, logger);
    kafka.onDlqRecords((topic) => parked.push(topic));
    return createApp({
      config,
      logger,
      kafka,
      scapi: sfcc.port,
      wair: wair.port,
      topics,
    });
  }

  beforeAll(async () => {
    await createTestTopic(runtime, dispatchSpec);
    await createTestTopic(runtime, topicSpecFor(spec(TOPICS.sfccOrders), topics.orders), false);
    await createTestTopic(runtime, topicSpecFor(spec(TOPICS.sfccFulfilment), topics.fulfilment), false);
    await createTestTopic(
      runtime,
      topicSpecFor(spec(TOPICS.integrationExceptions), topics.exceptions),
      false,
    );
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  it('captures orders, confirms dispatches, and after a restart replays both topics without writing anything', async () => {
    sfcc.add(buildSfccOrder('3001'));
    sfcc.add(buildSfccOrder('3002', [{ productId: 'SKU-1', quantity: 0 }]));
    sfcc.add(
      buildSfccOrder('4001', [
        { productId: 'SKU-1', quantity: 1 },
        { productId: 'SKU-2', quantity: 1 },
      ]),
    );
    const first = startBridge();
    await first.start();
    try {
      await waitFor('orders handed over', () => sfcc.orders.get('4001')?.exportStatus === 'exported');
      expect(sfcc.orders.get('3001')?.exportStatus).toBe('exported');
      expect(sfcc.orders.get('3002')?.exportStatus).toBe('failed');
      await producer.send(
        topics.dispatches,
        '4001',
        buildOrderDispatches('4001', [buildDispatch('D1', [['SKU-1', 1]])]),
      );
      await waitFor('part shipped', () => sfcc.orders.get('4001')?.shippingStatus === 'part_shipped');
      await producer.send(
        topics.dispatches,
        '4001',
        buildOrderDispatches('4001', [
          buildDispatch('D1', [['SKU-1', 1]]),
          buildDispatch('D2', [['SKU-2', 1]]),
        ]),
      );
      await waitFor('shipped', () => sfcc.orders.get('4001')?.shippingStatus === 'shipped');
      // A record whose key is not its order number is parked, the rest carries on.
      await producer.send(topics.dispatches, 'not-4001', buildOrderDispatches('4001', []));
      await waitFor('parked on the DLQ', () => parked.includes(`${topics.dispatches}.dlq`));
    } finally {
      await first.stop();
    }

    const orders = await readAll(runtime, topics.orders);
    expect(orders.get('3001')).toMatchObject({ state: 'ACCEPTED_BY_WAIR', orderTotal: '59.90' });
    expect(orders.get('3002')).toMatchObject({ state: 'REJECTED' });
    expect(await readAll(runtime, topics.fulfilment)).toEqual(
      new Map([['4001', expect.objectContaining({ orderShippingStatus: 'SHIPPED' })]]),
    );
    expect((await readAll(runtime, topics.exceptions)).get('ORDER_NOT_ACCEPTED:3002')).toMatchObject({
      owner: 'OPS',
      state: 'OPEN',
    });
    const onKafka = JSON.stringify([...orders.values()]);
    for (const word of ['Lovelace', 'ada@example.org', 'Babbage']) {
      expect(onKafka).not.toContain(word);
      expect(logs.lines().join('\n')).not.toContain(word);
    }

    // A new process (new consumer group: the dispatch topic replays from offset 0).
    const writes = sfcc.writes.length;
    const posts = [...wair.posts.values()].reduce((a, b) => a + b, 0);
    const second = startBridge();
    await second.start();
    try {
      await second.captureOnce();
      await waitFor('dispatch topic replayed', () => second.dispatchRecordsHandled() === 2);
      await second.captureOnce();
    } finally {
      await second.stop();
    }
    expect(sfcc.writes.length).toBe(writes);
    expect([...wair.posts.values()].reduce((a, b) => a + b, 0)).toBe(posts);
    expect([...sfcc.emailsPerEvent().values()]).toEqual([1, 1]);
  }, 120_000);
});
