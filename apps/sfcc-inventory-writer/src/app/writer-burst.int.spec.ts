import { createIntegrationRuntime, waitFor } from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { createSfccInventoryClients, type SfccInventoryClients } from '@wair-sfcc/sfcc-client';
import type { StockLevel } from '@wair-sfcc/contracts';
import { loadConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import {
  createWriterTopics,
  LIST,
  regressions,
  startSimulator,
  stockFigure,
  writerEnv,
  type SimHandle,
} from './writer-test-harness';

const SKUS = 2_000;
const CHANGES_PER_SKU = 25; // 50,000 changes
const RATE = 20;
const BATCH = 50;
const CONCURRENCY = 2;

/**
 * Issue 5 burst: 50,000 WAIR changes over 2,000 SKUs, SFCC limited to 20 req/s. The coalescing
 * queue must turn them into at most one write per SKU with the newest figure, stock-outs first,
 * without provoking a 429 storm — all read from the simulator's write history and counters.
 */
describe('burst of 50,000 changes over 2,000 SKUs at 20 req/s (real simulator, real Kafka)', () => {
  let sim: SimHandle;
  let kafka: Awaited<ReturnType<typeof createWriterTopics>>;
  let clients: SfccInventoryClients;
  let app: WriterApp;
  let gateOpen = false;

  beforeAll(async () => {
    [sim, kafka] = await Promise.all([
      startSimulator({ SIM_RATE_LIMIT_PER_SECOND: String(RATE), SIM_RATE_LIMIT_BURST: '10' }),
      createWriterTopics('iw-burst'),
    ]);
    clients = createSfccInventoryClients({
      host: sim.url,
      amHost: sim.url,
      clientId: 'sim-client',
      clientSecret: 'sim-client-secret',
      maxPartsPerBatch: BATCH,
      resilience: { rateLimit: { ratePerSecond: RATE, concurrency: CONCURRENCY } },
    });
  }, 90_000);

  afterAll(async () => {
    gateOpen = true;
    await app?.stop();
    await clients?.stop();
    await kafka?.close();
    await sim?.stop();
  });

  it('writes each SKU once with its newest figure, stock-outs first, with < 2 % 429s', async () => {
    const prefix = kafka.run.toUpperCase().replace(/[^A-Z0-9-]/g, '-');
    const skus = Array.from({ length: SKUS }, (_, i) => `${prefix}-B${String(i).padStart(5, '0')}`);
    const base = Date.now() - 3_600_000;
    const expected = new Map<string, { units: number; asOf: number }>();
    const figures: StockLevel[] = [];
    // Round-robin over SKUs, as a busy warehouse would publish; every 10th SKU ends at zero.
    for (let k = 0; k < CHANGES_PER_SKU; k += 1) {
      skus.forEach((sku, i) => {
        const last = k === CHANGES_PER_SKU - 1;
        const units = last && i % 10 === 0 ? 0 : 1 + ((i * 31 + k * 17) % 97);
        const asOf = base + k * 1_000 + i;
        figures.push(stockFigure(sku, asOf, k + 1, units));
        if (last) expected.set(sku, { units, asOf });
      });
    }
    await kafka.publishCatalog(skus);

    // Until the whole burst is consumed the writer port fails as an unreachable SFCC would: the
    // workers requeue what they took, newer figures replace it in the queue, and coalescing (not
    // luck) decides how many writes reach SFCC.
    const gated = {
      write: async (records: Parameters<SfccInventoryClients['writer']['write']>[0]) => {
        if (!gateOpen) throw new Error('SFCC not reachable yet (test gate closed)');
        return clients.writer.write(records);
      },
    };
    app = createApp({
      config: loadConfig(
        writerEnv(sim, 'iw-burst', {
          SFCC_RATE_PER_SEC: String(RATE),
          WRITE_BATCH_SIZE: String(BATCH),
          WRITE_CONCURRENCY: String(CONCURRENCY),
          LOW_STOCK_THRESHOLD: '0',
        }),
      ),
      logger: createLogger({ app: 'iw-burst', level: 'silent' }),
      kafka: createIntegrationRuntime('iw-burst'),
      sfcc: { writer: gated, importer: clients.importer },
      topics: kafka.topics,
    });
    await app.start();
    const produced = Date.now();
    await kafka.publishStock(figures);
    const producedMs = Date.now() - produced;
    await waitFor('the burst to be consumed', () => app.pipeline.stats.handled >= figures.length, 60_000);
    const consumedMs = Date.now() - produced;
    gateOpen = true;
    const writeStart = Date.now();
    await waitFor(
      'every SKU to hold its newest figure',
      async () => {
        const now = await sim.allocations();
        return skus.every(
          (s) => now.get(s)?.resetDate === new Date(expected.get(s)?.asOf ?? 0).toISOString(),
        );
      },
      60_000,
      500,
    );
    const writeMs = Date.now() - writeStart;

    const final = await sim.allocations();
    for (const sku of skus) {
      const want = expected.get(sku) as { units: number; asOf: number };
      expect(final.get(sku)).toEqual({ amount: want.units, resetDate: new Date(want.asOf).toISOString() });
    }
    const writes = (await sim.writes()).filter((w) => w.listId === LIST && w.productId.startsWith(prefix));
    expect(writes.length).toBeLessThanOrEqual(SKUS);
    expect(new Set(writes.map((w) => w.productId)).size).toBe(writes.length);
    expect(regressions(writes)).toEqual([]);

    // Stock-outs before ordinary changes: no ordinary write precedes the last stock-out write.
    const stockOuts = writes.filter((w) => w.allocation === 0);
    const lastStockOut = Math.max(...stockOuts.map((w) => w.seq));
    const firstOrdinary = Math.min(...writes.filter((w) => (w.allocation ?? 0) > 0).map((w) => w.seq));
    expect(stockOuts).toHaveLength(SKUS / 10);
    expect(lastStockOut).toBeLessThan(firstOrdinary);

    const requests = await sim.requests();
    const calls = requests.reduce((n, r) => n + r.count, 0);
    const throttled = requests.filter((r) => r.status === 429).reduce((n, r) => n + r.count, 0);
    expect(throttled / calls).toBeLessThan(0.02);
    process.stdout.write(
      `burst: ${figures.length} changes / ${SKUS} SKUs; produce ${producedMs} ms, consumed after ${consumedMs} ms, ` +
        `written in ${writeMs} ms; ${writes.length} writes, ${calls} SFCC calls, ${throttled} × 429 ` +
        `(${((100 * throttled) / calls).toFixed(2)} %)\n`,
    );
  }, 150_000);
});
