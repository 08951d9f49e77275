import { register as globalRegistry } from 'prom-client';
import { createCounter, createGauge, createHistogram } from './metric-factories';
import { createMetricsRegistry } from './metrics-registry';

describe('createMetricsRegistry', () => {
  it('collects Node default metrics without a prefix, labelled with the app', async () => {
    const registry = createMetricsRegistry({ app: 'test-app' });
    const text = await registry.metrics();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toMatch(/nodejs_heap_size_total_bytes\{app="test-app"\} \d+/);
  });

  it('can leave default metrics out', async () => {
    const registry = createMetricsRegistry({ app: 'test-app', collectDefaults: false });
    expect(await registry.metrics()).toBe('\n');
  });

  it('keeps registries independent', async () => {
    const first = createMetricsRegistry({ app: 'a', collectDefaults: false });
    const second = createMetricsRegistry({ app: 'b', collectDefaults: false });
    createCounter(first, { name: 'same_name_total', help: 'h' });
    expect(() => createCounter(second, { name: 'same_name_total', help: 'h' })).not.toThrow();
  });
});

describe('metric factories', () => {
  it('register only in the given registry', async () => {
    const registry = createMetricsRegistry({ app: 'test-app', collectDefaults: false });
    const counter = createCounter(registry, {
      name: 'stock_events_total',
      help: 'Stock events consumed.',
      labelNames: ['origin'] as const,
    });
    const gauge = createGauge(registry, { name: 'queue_depth', help: 'Pending writes.' });
    const histogram = createHistogram(registry, {
      name: 'write_seconds',
      help: 'Write time.',
      buckets: [0.1, 1],
    });
    counter.inc({ origin: 'WEBHOOK' }, 3);
    gauge.set(7);
    histogram.observe(0.5);

    const text = await registry.metrics();
    expect(text).toContain('stock_events_total{origin="WEBHOOK",app="test-app"} 3');
    expect(text).toContain('queue_depth{app="test-app"} 7');
    expect(text).toContain('write_seconds_bucket{le="1",app="test-app"} 1');
    expect(globalRegistry.getSingleMetric('stock_events_total')).toBeUndefined();
  });
});
