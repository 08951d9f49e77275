import type { OrderDispatches, StockLevel, WairSku } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, waitFor } from '@wair-sfcc/kafka/testing';
import type { KafkaRuntime, TableReader } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';
import {
  createIngestTopics,
  ingestEnvFor,
  spawnSimulator,
  waitForChanges,
  type SimProcess,
  type SimTruth,
  figuresOf,
} from '../testing/ingest-test-env';
import { loadConfig } from './config';
import { createApp } from './create-app';

describe('wair-ingest against a lossy, duplicating, reordering WAIR', () => {
  let runtime: KafkaRuntime;
  let sim: SimProcess;
  let app: ReturnType<typeof createApp>;
  let observer: TableReader<StockLevel>;
  let orders: TableReader<OrderDispatches>;
  let skus: TableReader<WairSku>;
  const history = new Map<string, StockLevel[]>();

  beforeAll(async () => {
    runtime = createIntegrationRuntime('wair-ingest-int');
    const topics = await createIngestTopics(runtime, 'wair-ingest.converge');
    sim = await spawnSimulator({ SKU_COUNT: '40', STORES: '2', CHANGES_PER_SECOND: '0', SEED: 'converge' });
    const logger = createLogger({ app: 'wair-ingest', level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
    app = createApp({
      config: loadConfig({
        ...process.env,
        ...topics,
        ...ingestEnvFor(sim),
        OPS_PORT: '0',
        POLL_INTERVAL_MS: '700',
        POLL_PAGE_SIZE: '50',
        SNAPSHOT_INTERVAL_MS: '0',
      }),
      logger,
      kafka: createIntegrationRuntime('wair-ingest', logger),
    });
    await app.start();
    observer = runtime.tableReader<StockLevel>({
      topic: topics['STOCK_TOPIC'] as string,
      onChange: (key, value) => value && history.set(key, [...(history.get(key) ?? []), value]),
    });
    orders = runtime.tableReader<OrderDispatches>({ topic: topics['DISPATCHES_TOPIC'] as string });
    skus = runtime.tableReader<WairSku>({ topic: topics['SKUS_TOPIC'] as string });
    await Promise.all([observer.start(), orders.start(), skus.start()]);
  });

  afterAll(async () => {
    await Promise.all([observer?.stop(), orders?.stop(), skus?.stop()]);
    await app?.stop();
    await sim?.stop();
    await runtime?.admin.disconnect();
  });

  it('ends with every SKU equal to the simulator and never publishes an older figure after a newer one', async () => {
    await sim.put('/__sim/webhooks', {
      url: `${app.url()}/webhooks/wair`,
      lossRate: 0.2,
      duplicateRate: 0.2,
      reorderRate: 0.2,
    });
    await sim.put('/__sim/stream', { changesPerSecond: 150, dispatchEvery: 10 });
    await waitForChanges(sim, 600);
    await sim.put('/__sim/stream', { changesPerSecond: 0 });

    const counters = await sim.get<{
      webhooks: { lost: number; duplicated: number; reordered: number; delivered: number };
    }>('/__sim/counters');
    // The feed really was lossy, duplicating and reordering, so the poll had gaps to fill.
    expect(counters.webhooks.lost).toBeGreaterThan(20);
    expect(counters.webhooks.duplicated).toBeGreaterThan(20);
    expect(counters.webhooks.reordered).toBeGreaterThan(20);

    const truth = await sim.get<SimTruth[]>('/__sim/stock');
    expect(truth.length).toBe(40);
    const differing = () =>
      truth
        .map((t) => ({ t, last: history.get(t.skuCode)?.at(-1) }))
        .filter(({ t, last }) => last === undefined || figuresOf(last.locations) !== figuresOf(t.locations))
        .map(
          ({ t, last }) =>
            `${t.skuCode}: WAIR ${figuresOf(t.locations)} | topic ${last ? figuresOf(last.locations) : '(none)'}`,
        );
    await waitFor(
      'every SKU on the topic to equal the simulator',
      () =>
        truth.every((t) => {
          const last = history.get(t.skuCode)?.at(-1);
          return last !== undefined && figuresOf(last.locations) === figuresOf(t.locations);
        }),
      60_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; differing: ${differing().join('; ')}`);
    });

    const origins = new Set<string>();
    for (const [sku, values] of history) {
      for (let i = 1; i < values.length; i += 1) {
        const before = values[i - 1] as StockLevel;
        const after = values[i] as StockLevel;
        origins.add(after.origin);
        expect({ sku, sourceSequence: after.sourceSequence >= before.sourceSequence }).toEqual({
          sku,
          sourceSequence: true,
        });
        for (const loc of after.locations) {
          const prev = before.locations.find((l) => l.locationCode === loc.locationCode);
          if (prev)
            expect({ sku, loc: loc.locationCode, newer: loc.sequence >= prev.sequence }).toEqual({
              sku,
              loc: loc.locationCode,
              newer: true,
            });
        }
      }
    }
    expect([...origins].sort()).toEqual(['POLL', 'WEBHOOK']);
  });

  it('publishes every dispatch, accumulated per order, and the SKU master', async () => {
    const { dispatches } = await sim.get<{ dispatches: number }>('/__sim/counters');
    expect(dispatches).toBeGreaterThan(10);
    const shipments = () => [...orders.entries()].reduce((n, [, order]) => n + order.dispatches.length, 0);
    await waitFor(`${dispatches} dispatches on the topic`, () => shipments() === dispatches, 20_000, 250);
    for (const [orderNo, order] of orders.entries()) {
      expect(order.orderNo).toBe(orderNo);
      expect(new Set(order.dispatches.map((d) => d.dispatchId)).size).toBe(order.dispatches.length);
    }
    await waitFor('the SKU master on the topic', () => skus.size() === 40, 20_000, 250);
    for (const [sku, entry] of skus.entries()) expect(sku.startsWith(`${entry.styleCode}-`)).toBe(true);
  });
});
