import { createSeededRandom } from '@wair-sfcc/sim-catalogue';
import type { Request, Response } from 'express';
import { createSimKit, untilTimeoutsPending, useFakeTimeouts } from '../app/sim-test-kit';
import { createTokenStore } from '../auth/token-store';
import { defaultFaultSettings } from './fault-settings';
import { createFaultsMiddleware } from './faults.middleware';
import { createLeakyBucket } from './leaky-bucket';

describe('leaky bucket', () => {
  it('holds `burst` requests, drains at the rate and tells how long to wait', () => {
    let now = 0;
    const bucket = createLeakyBucket({ ratePerSecond: 2, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => bucket.take('a').ok)).toEqual([true, true, true]);
    expect(bucket.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(bucket.take('b').ok).toBe(true);
    now = 500;
    expect(bucket.take('a').ok).toBe(true);
    expect(bucket.take('a').ok).toBe(false);
  });
});

describe('run-time faults', () => {
  const path = '/inventory_lists/inventory_webshop/product_inventory_records/X';

  it('answers 429 with Retry-After once the client exceeds its bucket', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    await kit
      .http()
      .put('/__sim/faults')
      .send({ rateLimit: { ratePerSecond: 1, burst: 2 } })
      .expect(200);
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push(await kit.http().get(kit.data(path)).set('Authorization', auth));
    expect(statuses.map((r) => r.status)).toEqual([404, 404, 429]);
    expect(statuses[2]?.headers['retry-after']).toBe('1');
    expect(statuses[2]?.body.fault.type).toBe('QuotaExceededException');
    kit.advance(1000);
    expect((await kit.http().get(kit.data(path)).set('Authorization', auth)).status).toBe(404);
  });

  it('sheds load with sfdc_load headers, fails at the configured rates and simulates an outage', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    await kit
      .http()
      .put('/__sim/faults')
      .send({ load: { percent: 95, shedShare: 1 } });
    const shed = await kit.http().get(kit.data(path)).set('Authorization', auth);
    expect(shed.status).toBe(503);
    expect(shed.headers).toMatchObject({ sfdc_load: '95', sfdc_load_status: 'THROTTLE' });
    await kit
      .http()
      .put('/__sim/faults')
      .send({ load: { percent: 75, shedShare: 1 } });
    const warn = await kit.http().get(kit.data(path)).set('Authorization', auth);
    expect([warn.status, warn.headers['sfdc_load_status']]).toEqual([404, 'WARN']);
    await kit
      .http()
      .put('/__sim/faults')
      .send({ load: { percent: 0, shedShare: 0 }, errorRates: { '500': 1, '503': 0 } });
    expect((await kit.http().get(kit.data(path)).set('Authorization', auth)).status).toBe(500);
    await kit
      .http()
      .put('/__sim/faults')
      .send({ errorRates: { '500': 0, '503': 0 }, outageSeconds: 30 });
    expect((await kit.http().get(kit.data(path)).set('Authorization', auth)).status).toBe(503);
    expect((await kit.http().get('/__sim/orders')).status).toBe(200);
    kit.advance(30_000);
    expect((await kit.http().get(kit.data(path)).set('Authorization', auth)).status).toBe(404);
    const counters = (await kit.http().get('/__sim/requests')).body.requests;
    expect(counters).toEqual(
      expect.arrayContaining([{ endpoint: 'ocapi.inventory_record', method: 'GET', status: 503, count: 2 }]),
    );
  });

  it('resets connections at the configured rate', async () => {
    const kit = createSimKit();
    await kit.http().put('/__sim/faults').send({ resetRate: 1 });
    await expect(kit.http().post('/dwsso/oauth2/access_token')).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('refuses invalid fault settings, naming the field', async () => {
    const kit = createSimKit();
    const res = await kit.http().put('/__sim/faults').send({ resetRate: 2 });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('resetRate');
  });
});

describe('injected latency', () => {
  const path = '/inventory_lists/inventory_webshop/product_inventory_records/X';
  afterEach(() => jest.useRealTimers());

  it('holds every API request for the configured latency before it reaches the handler', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    // p50 = p99 makes the log-normal degenerate, so the delay is exactly 250 ms.
    await kit
      .http()
      .put('/__sim/faults')
      .send({ latencyMs: { p50: 250, p99: 250 } })
      .expect(200);
    useFakeTimeouts();
    const put = kit
      .http()
      .put(kit.data(path))
      .set('Authorization', auth)
      .send({ allocation: { amount: 4 } })
      .then((res) => res);
    await untilTimeoutsPending();
    jest.advanceTimersByTime(249);
    expect(jest.getTimerCount()).toBe(1);
    expect(kit.state.inventory.get('inventory_webshop', 'X')).toBeUndefined();
    jest.advanceTimersByTime(1);
    expect(jest.getTimerCount()).toBe(0);
    expect((await put).status).toBe(200);
    expect(kit.state.inventory.get('inventory_webshop', 'X')?.allocation).toBe(4);

    // `/__sim/` itself is never delayed, and null switches the latency off again.
    expect((await kit.http().put('/__sim/faults').send({ latencyMs: null })).status).toBe(200);
    expect((await kit.http().get(kit.data(path)).set('Authorization', auth)).status).toBe(200);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('draws delays from a log-normal with the configured p50 and p99', () => {
    // Straight on the middleware (no HTTP), so a thousand draws are cheap.
    const random = createSeededRandom('latency-distribution');
    const middleware = createFaultsMiddleware({
      settings: () => ({ ...defaultFaultSettings(null), latencyMs: { p50: 100, p99: 1000 } }),
      tokens: createTokenStore({ ttlSeconds: 1799, now: () => 0 }),
      version: 'v24_5',
      now: () => 0,
      random: () => random.next(),
    });
    useFakeTimeouts();
    const delays: number[] = [];
    const next = jest.fn();
    for (let i = 0; i < 1000; i += 1) {
      middleware({} as Request, { set: jest.fn() } as unknown as Response, next);
      // Held: nothing proceeds until the timer fires.
      if (next.mock.calls.length !== i || jest.getTimerCount() !== 1) throw new Error(`draw ${i} not held`);
      const before = jest.now();
      jest.advanceTimersToNextTimer();
      delays.push(jest.now() - before);
    }
    expect(next).toHaveBeenCalledTimes(1000);
    delays.sort((a, b) => a - b);
    // Seeded draws, so deterministic; the bounds allow for the sampling spread of 1000 draws.
    expect(delays[499]).toBeGreaterThan(85);
    expect(delays[499]).toBeLessThan(115);
    expect(delays[989]).toBeGreaterThan(700);
    expect(delays[989]).toBeLessThan(1400);
  });
});

describe('random error rates', () => {
  const path = '/inventory_lists/inventory_webshop/product_inventory_records/X';

  it('answers every request 503 at a 503 rate of 1.0, in each API family’s error format', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    const scapiAuth = await kit.token('sfcc.products');
    await kit
      .http()
      .put('/__sim/faults')
      .send({ errorRates: { '500': 0, '503': 1 } })
      .expect(200);
    for (let i = 0; i < 10; i += 1) {
      const ocapi = await kit.http().get(kit.data(path)).set('Authorization', auth);
      expect(ocapi.status).toBe(503);
      expect(ocapi.headers['content-type']).toMatch(/^application\/json/);
      expect(ocapi.headers['retry-after']).toBeUndefined();
      expect(ocapi.body).toEqual({
        _v: '24.5',
        fault: { type: 'ServiceUnavailableException', message: 'Simulated service unavailability.' },
      });
    }
    const scapi = await kit
      .http()
      .post(`/product/products/v1/organizations/${kit.config.SIM_ORGANIZATION_ID}/product-search`)
      .set('Authorization', scapiAuth)
      .send({ query: { matchAllQuery: {} } });
    expect(scapi.status).toBe(503);
    expect(scapi.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(scapi.text)).toEqual({
      type: 'https://api.commercecloud.salesforce.com/documentation/error/v1/errors/service-unavailable',
      title: 'Service Unavailable',
      detail: 'Simulated service unavailability.',
    });
    const am = await kit.http().post('/dwsso/oauth2/access_token');
    expect([am.status, am.headers['content-type'], am.text]).toEqual([
      503,
      expect.stringMatching(/^text\/plain/),
      'Simulated service unavailability.',
    ]);
    expect((await kit.http().get('/__sim/requests')).body.requests).toEqual(
      expect.arrayContaining([{ endpoint: 'ocapi.inventory_record', method: 'GET', status: 503, count: 10 }]),
    );
  });

  it('answers no request 503 (or 500) at rates of 0', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    await kit
      .http()
      .put('/__sim/faults')
      .send({ errorRates: { '500': 0, '503': 0 } })
      .expect(200);
    const statuses = new Set<number>();
    for (let i = 0; i < 50; i += 1)
      statuses.add((await kit.http().get(kit.data(path)).set('Authorization', auth)).status);
    expect([...statuses]).toEqual([404]);
  });
});
