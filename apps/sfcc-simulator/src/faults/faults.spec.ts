import { createSimKit } from '../app/sim-test-kit';
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
