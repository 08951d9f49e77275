// The adapters against apps/sfcc-simulator (the same spec, built independently) as a process:
// whatever the two sides read differently in the issue shows up here.
import { createServer } from 'node:net';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { createAccountManagerTokenClient } from './auth/account-manager-token.client';
import { createCatalogPuller } from './catalog/catalog-puller';
import { createScapiProductsClient } from './catalog/scapi-products.client';
import type { InventoryRecordWrite } from './inventory-writer.port';
import { createSfccInventoryClients, type SfccInventoryClients } from './sfcc-inventory-clients.factory';
import { createSfccResilience } from './resilience/sfcc-resilience';
import { SfccUnavailableError } from './sfcc-errors';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const LIST = 'inventory_webshop';
const rec = (productId: string, allocation: number, resetDate: number): InventoryRecordWrite => ({
  inventoryListId: LIST,
  productId,
  allocation,
  resetDate,
});

async function simRequests(url: string): Promise<Array<{ endpoint: string; status: number; count: number }>> {
  const res = await fetch(`${url}/__sim/requests`);
  return ((await res.json()) as { requests: Array<{ endpoint: string; status: number; count: number }> })
    .requests;
}

async function simPut(url: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

const countOf = (
  requests: Awaited<ReturnType<typeof simRequests>>,
  endpoint: string,
  status: number,
): number =>
  requests.filter((r) => r.endpoint === endpoint && r.status === status).reduce((n, r) => n + r.count, 0);

describe('sfcc-client against the SFCC simulator', () => {
  let sim: SpawnedService;
  let clients: SfccInventoryClients;
  beforeAll(async () => {
    sim = spawnService(
      'sfcc-simulator',
      {
        SIM_CLIENT_ID: 'int-client',
        SIM_CLIENT_SECRET: 'int-secret',
        SIM_SKU_COUNT: '40',
        SIM_ORDERS_PER_MINUTE: '0',
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await sim.waitUntilReady();
    clients = createSfccInventoryClients({
      host: sim.opsUrl,
      amHost: sim.opsUrl,
      clientId: 'int-client',
      clientSecret: 'int-secret',
      resilience: {
        rateLimit: { ratePerSecond: 200, concurrency: 4 },
        retry: { initialDelayMs: 10, maxDelayMs: 100 },
      },
      impex: { pollIntervalMs: 50, timeoutMs: 30_000 },
    });
  }, 90_000);
  afterAll(async () => {
    await clients?.stop();
    await sim?.stop('SIGTERM');
    await sim?.stop('SIGKILL');
  });

  it('writes allocations through an OCAPI batch and reads them back', async () => {
    const asOf = Date.UTC(2026, 10, 26, 10, 0, 0);
    const results = await clients.writer.write([
      rec('INT-A', 7, asOf),
      rec('INT-B', 0, asOf),
      rec('INT-C', -1, asOf),
    ]);
    expect(results.map((r) => [r.write.productId, r.status])).toEqual([
      ['INT-A', 'OK'],
      ['INT-B', 'OK'],
      ['INT-C', 'REJECTED'],
    ]);
    const a = await clients.reader.readOne(LIST, 'INT-A');
    expect(a).toMatchObject({ allocation: 7, resetDate: asOf, ats: 7 });
    expect(await clients.reader.readOne(LIST, 'INT-NONE')).toBeUndefined();
  });

  it('gets a per-record rejection for a reset date older than the current one, the others proceed', async () => {
    const asOf = Date.UTC(2026, 10, 26, 11, 0, 0);
    await clients.writer.write([rec('INT-D', 3, asOf)]);
    const results = await clients.writer.write([rec('INT-D', 9, asOf - 60_000), rec('INT-E', 4, asOf)]);
    expect(results.map((r) => [r.write.productId, r.status, r.retriable])).toEqual([
      ['INT-D', 'REJECTED', false],
      ['INT-E', 'OK', false],
    ]);
    expect(results[0]?.httpStatus).toBe(400);
    expect(await clients.reader.readOne(LIST, 'INT-D')).toMatchObject({ allocation: 3 });
  });

  it('imports a list through IMPEX (WebDAV + job execution) and the records read back', async () => {
    const asOf = Date.UTC(2026, 10, 26, 12, 0, 0);
    const records = Array.from({ length: 25 }, (_, i) =>
      rec(`INT-IMPEX-${String(i).padStart(2, '0')}`, i, asOf),
    );
    const results = await clients.importer.importList(LIST, records);
    expect(results.filter((r) => r.status !== 'OK')).toEqual([]);
    const page = await clients.reader.readPage(LIST, 0, 200);
    const imported = page.records.filter((r) => r.productId.startsWith('INT-IMPEX-'));
    expect(imported).toHaveLength(25);
    expect(imported.find((r) => r.productId === 'INT-IMPEX-07')).toMatchObject({
      allocation: 7,
      resetDate: asOf,
    });
  });

  it('pulls the catalog through commerce-sdk Products.searchProducts', async () => {
    const resilience = createSfccResilience({ rateLimit: { ratePerSecond: 50, concurrency: 1 } });
    const puller = createCatalogPuller({
      products: createScapiProductsClient({ scapiHost: sim.opsUrl, organizationId: 'f_ecom_zzzz_001' }),
      tokens: createAccountManagerTokenClient({
        amHost: sim.opsUrl,
        clientId: 'int-client',
        clientSecret: 'int-secret',
      }),
      resilience,
      organizationId: 'f_ecom_zzzz_001',
      pageSize: 25,
    });
    const result = await puller.pull(new Map());
    await resilience.stop();
    const catalog = (await (await fetch(`${sim.opsUrl}/__sim/catalog`)).json()) as { products?: unknown[] };
    expect(result.pages).toBeGreaterThan(1);
    expect(result.products.length).toBe(catalog.products?.length);
    const types = new Set(result.products.map((p) => p.type));
    expect(types.has('MASTER') && types.has('VARIANT')).toBe(true);
    const someVariant = result.products.find((p) => p.type === 'VARIANT');
    expect(someVariant?.masterId).toEqual(expect.any(String));
  });

  it('re-authenticates after the simulator revoked every token', async () => {
    const asOf = Date.UTC(2026, 10, 26, 13, 0, 0);
    await clients.writer.write([rec('INT-T', 1, asOf)]);
    await fetch(`${sim.opsUrl}/__sim/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const before = countOf(await simRequests(sim.opsUrl), 'ocapi.batch', 401);
    const results = await clients.writer.write([rec('INT-T', 2, asOf + 1000)]);
    expect(results[0]?.status).toBe('OK');
    expect(countOf(await simRequests(sim.opsUrl), 'ocapi.batch', 401)).toBe(before + 1);
  });

  it("honours the simulator's 429s and retries 500s and connection resets until every write lands", async () => {
    await simPut(sim.opsUrl, '/__sim/faults', {
      rateLimit: { ratePerSecond: 20, burst: 2 },
      errorRates: { '500': 0.2, '503': 0 },
      resetRate: 0.05,
    });
    const faulty = createSfccInventoryClients({
      host: sim.opsUrl,
      amHost: sim.opsUrl,
      clientId: 'int-client',
      clientSecret: 'int-secret',
      resilience: {
        rateLimit: { ratePerSecond: 100, concurrency: 4 },
        retry: { maxAttempts: 8, initialDelayMs: 20, maxDelayMs: 200 },
        circuitBreaker: { volumeThreshold: 1000 },
      },
    });
    try {
      const asOf = Date.UTC(2026, 10, 26, 14, 0, 0);
      const calls = Array.from({ length: 30 }, (_, i) => faulty.writer.write([rec(`INT-F-${i}`, i, asOf)]));
      const results = (await Promise.all(calls)).flat();
      expect(results.filter((r) => r.status !== 'OK')).toEqual([]);
      const requests = await simRequests(sim.opsUrl);
      expect(countOf(requests, 'ocapi.batch', 429)).toBeGreaterThan(0);
      expect(faulty.resilience.limiter.currentRate()).toBeLessThan(100);
      expect(await faulty.reader.readOne(LIST, 'INT-F-29')).toMatchObject({ allocation: 29 });
    } finally {
      await faulty.stop();
      await simPut(sim.opsUrl, '/__sim/faults', {
        rateLimit: null,
        errorRates: { '500': 0, '503': 0 },
        resetRate: 0,
      });
    }
  });

  it('opens the circuit during an outage and fails fast', async () => {
    const fragile = createSfccInventoryClients({
      host: sim.opsUrl,
      amHost: sim.opsUrl,
      clientId: 'int-client',
      clientSecret: 'int-secret',
      resilience: {
        rateLimit: { ratePerSecond: 100, concurrency: 1 },
        retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 10 },
        circuitBreaker: { volumeThreshold: 3, resetTimeoutMs: 60_000 },
      },
    });
    try {
      await fragile.tokens.getToken();
      await simPut(sim.opsUrl, '/__sim/faults', { outageSeconds: 30 });
      const asOf = Date.UTC(2026, 10, 26, 15, 0, 0);
      await expect(fragile.writer.write([rec('INT-O', 1, asOf)])).rejects.toMatchObject({
        retriable: true,
        status: 503,
      });
      await expect(fragile.writer.write([rec('INT-O', 1, asOf)])).rejects.toMatchObject({ retriable: true });
      const before = countOf(await simRequests(sim.opsUrl), 'ocapi.batch', 503);
      const error = await fragile.writer.write([rec('INT-O', 1, asOf)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SfccUnavailableError);
      expect(countOf(await simRequests(sim.opsUrl), 'ocapi.batch', 503)).toBe(before);
    } finally {
      await fragile.stop();
      await simPut(sim.opsUrl, '/__sim/faults', { outageSeconds: 0 });
    }
  });
});
