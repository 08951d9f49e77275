import express, { type Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TOPICS, findTopic, type SfccProduct } from '@wair-sfcc/contracts';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import {
  createAccountManagerTokenClient,
  createCatalogPuller,
  createScapiProductsClient,
  createSfccResilience,
} from '@wair-sfcc/sfcc-client';
import type { ProductsTypes } from 'commerce-sdk';
import { createCatalogSyncJob } from './catalog-sync.job';

/** A stand-in SCAPI + Account Manager answering product-search from a mutable catalogue. */
async function startScapi(
  catalog: Map<string, ProductsTypes.Product>,
): Promise<{ url: string; server: Server }> {
  const app: Express = express();
  app.post('/dwsso/oauth2/access_token', (_req, res) => {
    res.json({ access_token: 'tok', token_type: 'Bearer', expires_in: 1799 });
  });
  app.post('/product/products/v1/organizations/:org/product-search', express.json(), (req, res) => {
    const { offset = 0, limit = 25 } = req.body as ProductsTypes.ProductSearchRequest;
    const hits = [...catalog.values()].sort((a, b) => a.id.localeCompare(b.id));
    res.json({ hits: hits.slice(offset, offset + limit), offset, limit, total: hits.length, query: {} });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const variant = (id: string, size: string): ProductsTypes.Product => ({
  id,
  type: { master: false, variant: true },
  master: { masterId: 'M1' },
  variationValues: { size },
  online: true,
});

describe('catalog pull → Kafka (real broker and registry)', () => {
  let runtime: KafkaRuntime;
  beforeAll(() => {
    runtime = createIntegrationRuntime('catalog-sync-int');
  });
  afterAll(() => runtime.admin.disconnect());

  it('publishes the catalog to a compacted topic and tombstones products that disappear', async () => {
    const base = findTopic(TOPICS.sfccProducts);
    if (!base) throw new Error('sfcc.products.v1 missing from the catalogue');
    const spec = topicSpecFor(base, uniqueName('sfcc.products.catalog-int'));
    await createTestTopic(runtime, spec, false);
    const catalog = new Map([
      ['M1', { id: 'M1', type: { master: true }, online: true } as ProductsTypes.Product],
      ['M1-S', variant('M1-S', 'S')],
      ['M1-M', variant('M1-M', 'M')],
    ]);
    const scapi = await startScapi(catalog);
    const producer = runtime.producer({ topics: [spec] });
    const table = runtime.tableReader<SfccProduct>({ topic: spec.name });
    const resilience = createSfccResilience({ rateLimit: { ratePerSecond: 50, concurrency: 1 } });
    try {
      await producer.connect();
      await table.start();
      const job = createCatalogSyncJob({
        topic: spec.name,
        puller: createCatalogPuller({
          products: createScapiProductsClient({ scapiHost: scapi.url, organizationId: 'f_ecom_test_001' }),
          tokens: createAccountManagerTokenClient({ amHost: scapi.url, clientId: 'c', clientSecret: 's' }),
          resilience,
          organizationId: 'f_ecom_test_001',
          pageSize: 2,
        }),
        producer,
        table,
        logger: createLogger({ app: 'catalog-sync-int', level: 'silent' }),
        intervalMs: 60_000,
      });
      expect(await job.runOnce()).toEqual({ published: 3, tombstones: 0 });
      await waitFor('three products in the table', () => table.size() === 3);
      expect(table.get('M1-S')).toMatchObject({
        type: 'VARIANT',
        masterId: 'M1',
        variationValues: { size: 'S' },
      });

      catalog.delete('M1-M');
      expect(await job.runOnce()).toEqual({ published: 0, tombstones: 1 });
      await waitFor('M1-M tombstoned', () => table.get('M1-M') === undefined && table.size() === 2);
      expect([...table.entries()].map(([k]) => k).sort()).toEqual(['M1', 'M1-S']);
    } finally {
      await resilience.stop();
      await table.stop();
      await producer.disconnect();
      scapi.server.closeAllConnections();
      await new Promise((resolve) => scapi.server.close(resolve));
    }
  });
});
