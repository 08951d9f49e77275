import { createConsumerLagCollector, type ConsumerLagCollectorConfig } from './consumer-lag-collector';
import { createLogger } from './logger';
import { createMetricsRegistry, type MetricsRegistry } from './metrics-registry';
import { ObservabilityConfigError } from './observability-errors';
import { InMemoryLagSource } from './testing/in-memory-lag-source';
import { createLogCapture } from './testing/log-capture';

const STOCK = 'wair.stock.v1';
const DISPATCHES = 'wair.dispatches.v1';

function setup(overrides: Partial<ConsumerLagCollectorConfig> = {}) {
  const capture = createLogCapture();
  const logger = createLogger({ app: 'test-app', destination: capture.destination });
  const registry = createMetricsRegistry({ app: 'test-app', collectDefaults: false });
  const source = new InMemoryLagSource();
  const collector = createConsumerLagCollector({
    registry,
    source,
    logger,
    groups: [{ groupId: 'writer', topics: [STOCK] }],
    ...overrides,
  });
  return { capture, collector, registry, source };
}

async function valuesOf(registry: MetricsRegistry, name: string) {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`metric ${name} not registered`);
  const { values } = await metric.get();
  return values.map(({ labels, value }) => ({ labels: { ...labels }, value }));
}

describe('createConsumerLagCollector', () => {
  afterEach(() => jest.useRealTimers());

  it('exports lag per partition and the sum per topic', async () => {
    const { collector, registry, source } = setup();
    source.setEndOffsets(STOCK, { 0: '120', 1: '50', 2: '7' });
    source.setCommittedOffsets('writer', STOCK, { 0: '100', 1: '50' });

    await collector.collectOnce();

    expect(await valuesOf(registry, 'kafka_consumergroup_lag')).toEqual([
      { labels: { consumergroup: 'writer', topic: STOCK, partition: '0' }, value: 20 },
      { labels: { consumergroup: 'writer', topic: STOCK, partition: '1' }, value: 0 },
      // Nothing committed on partition 2: the group has everything from offset 0 to read.
      { labels: { consumergroup: 'writer', topic: STOCK, partition: '2' }, value: 7 },
    ]);
    expect(await valuesOf(registry, 'kafka_consumergroup_lag_sum')).toEqual([
      { labels: { consumergroup: 'writer', topic: STOCK }, value: 27 },
    ]);
    const text = await registry.metrics();
    expect(text).toContain(
      'kafka_consumergroup_lag{consumergroup="writer",topic="wair.stock.v1",partition="0",app="test-app"} 20',
    );
  });

  it('computes with offsets beyond 2^53 exactly before exporting', async () => {
    const { collector, registry, source } = setup();
    source.setEndOffsets(STOCK, { 0: '9007199254740993' });
    source.setCommittedOffsets('writer', STOCK, { 0: '9007199254740990' });
    await collector.collectOnce();
    expect((await valuesOf(registry, 'kafka_consumergroup_lag'))[0]?.value).toBe(3);
  });

  it('fetches end offsets once per topic for all groups', async () => {
    const groups = [
      { groupId: 'writer', topics: [STOCK] },
      { groupId: 'auditor', topics: [STOCK, DISPATCHES] },
    ];
    const { collector, registry, source } = setup({ groups });
    source.setEndOffsets(STOCK, { 0: 10 }).setEndOffsets(DISPATCHES, { 0: 5 });
    source.setCommittedOffsets('auditor', STOCK, { 0: 4 });

    await collector.collectOnce();

    expect(source.calls.filter((call) => call.method === 'fetchTopicEndOffsets')).toHaveLength(2);
    expect(await valuesOf(registry, 'kafka_consumergroup_lag_sum')).toEqual([
      { labels: { consumergroup: 'writer', topic: STOCK }, value: 10 },
      { labels: { consumergroup: 'auditor', topic: STOCK }, value: 6 },
      { labels: { consumergroup: 'auditor', topic: DISPATCHES }, value: 5 },
    ]);
  });

  it('keeps the last values, counts and logs when the source fails, and does not throw', async () => {
    const { capture, collector, registry, source } = setup();
    source.setEndOffsets(STOCK, { 0: 10 });
    await collector.collectOnce();

    source.setEndOffsets(STOCK, { 0: 99 }).failWith(new Error('broker down'));
    await expect(collector.collectOnce()).resolves.toBeUndefined();

    expect((await valuesOf(registry, 'kafka_consumergroup_lag'))[0]?.value).toBe(10);
    expect(await valuesOf(registry, 'kafka_consumergroup_lag_collect_errors_total')).toEqual([
      { labels: { consumergroup: 'writer', topic: STOCK }, value: 1 },
    ]);
    expect(capture.entries()).toEqual([
      expect.objectContaining({
        level: 'warn',
        groupId: 'writer',
        topic: STOCK,
        component: 'consumer-lag-collector',
        err: expect.objectContaining({ message: 'broker down' }),
      }),
    ]);

    source.failWith(undefined);
    await collector.collectOnce();
    expect((await valuesOf(registry, 'kafka_consumergroup_lag'))[0]?.value).toBe(99);
  });

  it('isolates a failing topic from the others', async () => {
    const { collector, registry, source } = setup({
      groups: [{ groupId: 'writer', topics: ['missing', STOCK] }],
    });
    source.setEndOffsets(STOCK, { 0: 3 });
    await collector.collectOnce();
    expect(await valuesOf(registry, 'kafka_consumergroup_lag_sum')).toEqual([
      { labels: { consumergroup: 'writer', topic: STOCK }, value: 3 },
    ]);
    expect(await valuesOf(registry, 'kafka_consumergroup_lag_collect_errors_total')).toEqual([
      { labels: { consumergroup: 'writer', topic: 'missing' }, value: 1 },
    ]);
  });

  it('counts a malformed offset as a failed collection', async () => {
    const { collector, registry, source } = setup();
    source.setEndOffsets(STOCK, { 0: 'not-a-number' });
    await collector.collectOnce();
    expect((await valuesOf(registry, 'kafka_consumergroup_lag_collect_errors_total'))[0]?.value).toBe(1);
  });

  it('joins a collection already running instead of starting another', async () => {
    const { collector, source } = setup();
    source.setEndOffsets(STOCK, { 0: 1 }).pause();
    const first = collector.collectOnce();
    const second = collector.collectOnce();
    expect(second).toBe(first);
    source.resume();
    await Promise.all([first, second]);
    expect(source.calls.filter((call) => call.method === 'fetchTopicEndOffsets')).toHaveLength(1);
  });

  it('rejects a non-positive interval', () => {
    expect(() => setup({ intervalMs: 0 })).toThrow(ObservabilityConfigError);
  });
});
