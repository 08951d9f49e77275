import type { SfccProduct } from '@wair-sfcc/contracts';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import type { CatalogPuller } from '@wair-sfcc/sfcc-client';
import { createCatalogSyncJob } from './catalog-sync.job';

const product = (productId: string, online = true): SfccProduct => ({
  productId,
  type: 'VARIANT',
  masterId: 'M1',
  variationValues: { size: 'S' },
  online,
  searchable: null,
  pulledAt: 1,
});

/** A puller over a mutable catalogue that diffs like the real one (by id and content). */
function fakePuller(catalog: Map<string, SfccProduct>): CatalogPuller & { fail: boolean } {
  const self = {
    fail: false,
    async pull(previous: ReadonlyMap<string, SfccProduct>) {
      if (self.fail) throw Object.assign(new Error('product-search answered 503'), { retriable: true });
      const products = [...catalog.values()];
      return {
        products,
        changed: products.filter((p) => JSON.stringify(previous.get(p.productId)) !== JSON.stringify(p)),
        removedIds: [...previous.keys()].filter((id) => !catalog.has(id)),
        pages: 1,
      };
    },
  };
  return self;
}

describe('catalog sync job', () => {
  it('seeds from the topic, publishes only changes and tombstones removed products', async () => {
    const catalog = new Map([
      ['A', product('A')],
      ['B', product('B')],
    ]);
    const producer = createInMemoryProducer();
    const existing = new Map([
      ['A', product('A')],
      ['OLD', product('OLD')],
    ]);
    const job = createCatalogSyncJob({
      puller: fakePuller(catalog),
      producer,
      table: { caughtUp: async () => undefined, entries: () => existing.entries() },
      logger: createLogger({ app: 'test', level: 'silent' }),
      intervalMs: 60_000,
    });
    expect(await job.runOnce()).toEqual({ published: 1, tombstones: 1 });
    expect(producer.records.map((r) => [r.topic, r.key, r.value === null ? null : 'value'])).toEqual([
      ['sfcc.products.v1', 'B', 'value'],
      ['sfcc.products.v1', 'OLD', null],
    ]);
    catalog.set('A', product('A', false));
    catalog.delete('B');
    expect(await job.runOnce()).toEqual({ published: 1, tombstones: 1 });
    expect([...producer.table('sfcc.products.v1').keys()].sort()).toEqual(['A']);
  });

  it('publishes nothing when a pull fails, logs it, and keeps its schedule', async () => {
    const puller = fakePuller(new Map());
    puller.fail = true;
    const producer = createInMemoryProducer();
    const capture = createLogCapture();
    const job = createCatalogSyncJob({
      puller,
      producer,
      table: { caughtUp: async () => undefined, entries: () => new Map([['A', product('A')]]).entries() },
      logger: createLogger({ app: 'test', level: 'info', destination: capture.destination }),
      intervalMs: 60_000,
    });
    job.start();
    await job.stop();
    expect(producer.records).toEqual([]);
    expect(JSON.stringify(capture.entries())).toContain('catalog pull failed');
  });

  it('retries a failed pull sooner than the regular interval', async () => {
    jest.useFakeTimers();
    try {
      const puller = fakePuller(new Map([['A', product('A')]]));
      puller.fail = true;
      const producer = createInMemoryProducer();
      const job = createCatalogSyncJob({
        puller,
        producer,
        table: { caughtUp: async () => undefined, entries: () => new Map<string, SfccProduct>().entries() },
        logger: createLogger({ app: 'test', level: 'silent' }),
        intervalMs: 600_000,
        retryIntervalMs: 5_000,
      });
      job.start();
      await jest.advanceTimersByTimeAsync(0);
      puller.fail = false;
      await jest.advanceTimersByTimeAsync(5_000);
      expect(producer.records.map((r) => r.key)).toEqual(['A']);
      await jest.advanceTimersByTimeAsync(5_000);
      expect(producer.records).toHaveLength(1);
      await job.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
