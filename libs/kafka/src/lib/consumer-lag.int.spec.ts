import { contractSamples, topicCatalogue, TOPICS } from '@wair-sfcc/contracts';
import { createConsumerLagCollector, createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import { createIntegrationRuntime, createTestTopic, topicSpecFor, uniqueName, waitFor } from '../testing';

const skuBase = topicCatalogue.find((t) => t.name === TOPICS.wairSkus);
if (!skuBase) throw new Error('no SKU topic in catalogue');
const sample = contractSamples[TOPICS.wairSkus];

describe('consumer lag metric', () => {
  const runtime = createIntegrationRuntime('lag-test');
  afterAll(() => runtime.admin.disconnect());

  it('equals end offset minus committed offset per partition', async () => {
    const spec = { ...topicSpecFor(skuBase, uniqueName('lag.skus')), partitions: 3 };
    await createTestTopic(runtime, spec);
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    const send = (from: number, to: number) =>
      producer.sendMany(
        Array.from({ length: to - from }, (_, i) => ({
          topic: spec.name,
          key: `SKU-${from + i}`,
          value: { ...sample.value, sku: `SKU-${from + i}` },
        })),
      );
    await send(0, 40);

    const groupId = uniqueName('lag.group');
    let handled = 0;
    const consumer = runtime.consumer({
      app: 'int-test',
      groupId,
      topics: [spec.name],
      dlqProducer: producer,
      handle: async () => void (handled += 1),
    });
    await consumer.start();
    await waitFor('40 records consumed', () => handled >= 40);
    await consumer.stop();
    await send(40, 57);
    await producer.disconnect();

    const registry = createMetricsRegistry({ app: 'lag-test', collectDefaults: false });
    const collector = createConsumerLagCollector({
      registry,
      source: runtime.admin,
      groups: [{ groupId, topics: [spec.name] }],
      logger: createLogger({ app: 'lag-test', level: 'silent' }),
    });
    await collector.collectOnce();

    const metrics = await registry.getMetricsAsJSON();
    const lag = metrics.find((m) => m.name === 'kafka_consumergroup_lag');
    const sum = metrics.find((m) => m.name === 'kafka_consumergroup_lag_sum');
    const ends = await runtime.admin.fetchTopicEndOffsets(spec.name);
    const committed = await runtime.admin.fetchCommittedOffsets(groupId, spec.name);
    for (const end of ends) {
      const c = committed.find((x) => x.partition === end.partition);
      const truth = Number(end.offset) - Number(c?.offset ?? 0);
      const exported = lag?.values.find(
        (v) => v.labels['partition'] === String(end.partition) && v.labels['consumergroup'] === groupId,
      );
      expect(exported?.value).toBe(truth);
    }
    expect(sum?.values.find((v) => v.labels['topic'] === spec.name)?.value).toBe(17);
  });
});
