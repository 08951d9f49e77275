import express from 'express';
import type { SfccProduct } from '@wair-sfcc/contracts';
import type { ProductsTypes } from 'commerce-sdk';
import { createAccountManagerTokenClient } from '../auth/account-manager-token.client';
import { createSfccResilience } from '../resilience/sfcc-resilience';
import { accountManagerRoute, startStub, type StubServer } from '../testing/stub-server.test-helper';
import { createCatalogPuller } from './catalog-puller';
import { createScapiProductsClient } from './scapi-products.client';

const variant = (id: string, master: string, size: string): ProductsTypes.Product => ({
  id,
  type: { master: false, variant: true },
  master: { masterId: master },
  variationValues: { size },
  online: true,
  searchable: { default: true },
});
const catalog: ProductsTypes.Product[] = [
  { id: 'M1', type: { master: true }, online: true },
  variant('M1-S', 'M1', 'S'),
  variant('M1-M', 'M1', 'M'),
  { id: 'SIMPLE1', type: { master: false, item: true }, online: false },
  { id: 'SET1', type: { master: false, set: true }, online: true },
];

describe('catalog pull (commerce-sdk Products.searchProducts)', () => {
  const requests: Array<{ path: string; auth?: string; body: ProductsTypes.ProductSearchRequest }> = [];
  const am = { issued: 0 };
  let unauthorizedOnce = false;
  let stub: StubServer;
  beforeAll(async () => {
    stub = await startStub((app) => {
      accountManagerRoute(app, am);
      app.post('/product/products/v1/organizations/:org/product-search', express.json(), (req, res) => {
        const body = req.body as ProductsTypes.ProductSearchRequest;
        requests.push({ path: req.path, auth: req.headers.authorization, body });
        if (unauthorizedOnce) {
          unauthorizedOnce = false;
          return void res.status(401).json({ title: 'Unauthorized', type: 'unauthorized' });
        }
        const offset = body.offset ?? 0;
        const limit = body.limit ?? 25;
        const sorted = [...catalog].sort((a, b) => a.id.localeCompare(b.id));
        res.json({
          hits: sorted.slice(offset, offset + limit),
          limit,
          offset,
          total: sorted.length,
          query: body.query,
        });
      });
    });
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    requests.length = 0;
    am.issued = 0;
  });

  const build = () => {
    const tokens = createAccountManagerTokenClient({
      amHost: stub.url,
      clientId: 'client',
      clientSecret: 'secret',
    });
    const resilience = createSfccResilience({
      rateLimit: { ratePerSecond: 1000, concurrency: 1 },
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
    });
    const products = createScapiProductsClient({ scapiHost: stub.url, organizationId: 'f_ecom_zzzz_001' });
    const puller = createCatalogPuller({
      products,
      tokens,
      resilience,
      organizationId: 'f_ecom_zzzz_001',
      pageSize: 2,
      now: () => 42,
    });
    return { puller, resilience };
  };

  it('pages through product-search sorted by id with our token, and maps hits to SfccProduct', async () => {
    const { puller, resilience } = build();
    const result = await puller.pull(new Map());
    await resilience.stop();
    expect(requests.map((r) => [r.path, r.auth, r.body.offset, r.body.limit])).toEqual([
      ['/product/products/v1/organizations/f_ecom_zzzz_001/product-search', 'Bearer token-1', 0, 2],
      ['/product/products/v1/organizations/f_ecom_zzzz_001/product-search', 'Bearer token-1', 2, 2],
      ['/product/products/v1/organizations/f_ecom_zzzz_001/product-search', 'Bearer token-1', 4, 2],
    ]);
    expect(requests[0]?.body).toMatchObject({
      query: { matchAllQuery: {} },
      sorts: [{ field: 'id', sortOrder: 'asc' }],
    });
    expect(result.pages).toBe(3);
    const byId = new Map(result.products.map((p) => [p.productId, p]));
    expect(byId.get('M1-S')).toEqual({
      productId: 'M1-S',
      type: 'VARIANT',
      masterId: 'M1',
      variationValues: { size: 'S' },
      online: true,
      searchable: true,
      pulledAt: 42,
    });
    expect([...byId.values()].map((p) => [p.productId, p.type, p.masterId])).toEqual([
      ['M1', 'MASTER', null],
      ['M1-M', 'VARIANT', 'M1'],
      ['M1-S', 'VARIANT', 'M1'],
      ['SET1', 'SET', null],
      ['SIMPLE1', 'SIMPLE', null],
    ]);
  });

  it('publishes only changes and tombstones products that disappeared', async () => {
    const { puller, resilience } = build();
    const first = await puller.pull(new Map());
    const previous = new Map<string, SfccProduct>(
      first.products.map((p) => [p.productId, { ...p, pulledAt: 1 }]),
    );
    const [sample] = first.products;
    const simple = previous.get('SIMPLE1');
    if (!sample || !simple) throw new Error('first pull missed products');
    previous.set('GONE-1', { ...sample, productId: 'GONE-1' });
    previous.set('SIMPLE1', { ...simple, online: true });
    const second = await puller.pull(previous);
    await resilience.stop();
    expect(second.removedIds).toEqual(['GONE-1']);
    expect(second.changed.map((p) => p.productId)).toEqual(['SIMPLE1']);
  });

  it('re-authenticates once on 401', async () => {
    unauthorizedOnce = true;
    const { puller, resilience } = build();
    const result = await puller.pull(new Map());
    await resilience.stop();
    expect(result.products).toHaveLength(5);
    expect(requests.slice(0, 2).map((r) => r.auth)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});
