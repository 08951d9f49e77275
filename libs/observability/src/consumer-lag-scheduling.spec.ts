// Timing of the consumer lag collector: start, interval, no overlap, stop.
import { createConsumerLagCollector, type ConsumerLagCollectorConfig } from './consumer-lag-collector';
import { createLogger } from './logger';
import { createMetricsRegistry } from './metrics-registry';
import { InMemoryLagSource } from './testing/in-memory-lag-source';
import { createLogCapture } from './testing/log-capture';

const STOCK = 'wair.stock.v1';

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

describe('createConsumerLagCollector scheduling', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const endOffsetCalls = (source: InMemoryLagSource) =>
    source.calls.filter((call) => call.method === 'fetchTopicEndOffsets').length;

  it('collects at start and then every interval', async () => {
    const { collector, source } = setup({ intervalMs: 1000 });
    source.setEndOffsets(STOCK, { 0: 1 });
    collector.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(endOffsetCalls(source)).toBe(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(endOffsetCalls(source)).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(endOffsetCalls(source)).toBe(2);
    await jest.advanceTimersByTimeAsync(3000);
    expect(endOffsetCalls(source)).toBe(5);
    await collector.stop();
  });

  it('never overlaps runs: a slow run delays the next one', async () => {
    const { collector, source } = setup({ intervalMs: 1000 });
    source.setEndOffsets(STOCK, { 0: 1 }).pause();
    collector.start();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(endOffsetCalls(source)).toBe(1);

    source.resume();
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(endOffsetCalls(source)).toBe(2);
    await collector.stop();
  });

  it('keeps going after a failed run', async () => {
    const { collector, source } = setup({ intervalMs: 1000 });
    source.failWith(new Error('broker down'));
    collector.start();
    await jest.advanceTimersByTimeAsync(2000);
    expect(endOffsetCalls(source)).toBe(3);
    await collector.stop();
  });

  it('stop cancels the next run and waits for the running one', async () => {
    const { collector, source } = setup({ intervalMs: 1000 });
    source.setEndOffsets(STOCK, { 0: 1 }).pause();
    collector.start();
    await jest.advanceTimersByTimeAsync(0);

    let stopped = false;
    const stopping = collector.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);

    source.resume();
    await stopping;
    await jest.advanceTimersByTimeAsync(5000);
    expect(endOffsetCalls(source)).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ignores a second start', async () => {
    const { collector, source } = setup({ intervalMs: 1000 });
    source.setEndOffsets(STOCK, { 0: 1 });
    collector.start();
    collector.start();
    await jest.advanceTimersByTimeAsync(1000);
    expect(endOffsetCalls(source)).toBe(2);
    await collector.stop();
  });

  it('schedules a single chain after stop and start during a run', async () => {
    const { collector, source } = setup({ intervalMs: 1000 });
    source.setEndOffsets(STOCK, { 0: 1 }).pause();
    collector.start();
    await jest.advanceTimersByTimeAsync(0);
    const stopping = collector.stop();
    collector.start();
    source.resume();
    await stopping;
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(1);
    await collector.stop();
  });
});
