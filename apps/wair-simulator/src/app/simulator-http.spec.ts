import request from 'supertest';
import { createLogger } from '@wair-sfcc/observability';
import { loadConfig } from './config';
import { createSimulator } from './simulator';
import { createSimulatorHttp } from './simulator-http';

function setup(env: Record<string, string> = {}) {
  let now = Date.UTC(2026, 0, 1);
  const config = loadConfig({ SKU_COUNT: '10', CHANGES_PER_SECOND: '0', TOKEN_TTL_SECONDS: '60', ...env });
  const sim = createSimulator(config, createLogger({ app: 'wair-simulator', level: 'silent' }), () => now);
  sim.start();
  sim.stop();
  const app = createSimulatorHttp(sim, config);
  const token = async (): Promise<string> =>
    (
      await request(app)
        .post('/Token')
        .set('X-Tenant', 'sim-tenant')
        .send({ username: 'sim-user', password: 'sim-password' })
        .expect(200)
    ).body.accessToken as string;
  const get = (path: string, t: string) =>
    request(app).get(path).set('Authorization', `Bearer ${t}`).set('X-Tenant', 'sim-tenant');
  return { app, sim, token, get, advance: (ms: number) => (now += ms) };
}

describe('wair-simulator HTTP', () => {
  it('issues tokens and rejects a wrong tenant or password with 401', async () => {
    const { app } = setup();
    const ok = await request(app)
      .post('/Token')
      .set('X-Tenant', 'sim-tenant')
      .send({ username: 'sim-user', password: 'sim-password' });
    expect(ok.body).toEqual({ accessToken: expect.any(String), expiresIn: 60, tokenType: 'Bearer' });
    const wrongTenant = await request(app)
      .post('/Token')
      .set('X-Tenant', 'other')
      .send({ username: 'sim-user', password: 'sim-password' });
    expect(wrongTenant.status).toBe(401);
    expect(wrongTenant.body.error).toBe('invalid_credentials');
    const wrongPassword = await request(app)
      .post('/Token')
      .set('X-Tenant', 'sim-tenant')
      .send({ username: 'sim-user', password: 'x' });
    expect(wrongPassword.status).toBe(401);
  });

  it('rejects an expired token, a token of another tenant and a missing one', async () => {
    const { app, token, get, advance } = setup();
    const t = await token();
    await get('/api/v1/Skus', t).expect(200);
    await request(app)
      .get('/api/v1/Skus')
      .set('Authorization', `Bearer ${t}`)
      .set('X-Tenant', 'other')
      .expect(401);
    await request(app).get('/api/v1/Skus').set('X-Tenant', 'sim-tenant').expect(401);
    advance(61_000);
    const expired = await get('/api/v1/Skus', t);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: 'invalid_token', message: 'token expired' });
  });

  it('pages StockLevels with Offset/Limit and moreRecordsAvailable, oldest change first', async () => {
    const { sim, token, get, advance } = setup();
    const t = await token();
    const all = (await get('/api/v1/StockLevels?Limit=1000', t)).body;
    expect(all.records).toHaveLength(sim.catalogue.skus.length * sim.catalogue.locations.length);
    expect(all.moreRecordsAvailable).toBe(false);
    const first = (await get('/api/v1/StockLevels?Offset=0&Limit=3', t)).body;
    expect(first).toMatchObject({ offset: 0, limit: 3, count: 3, moreRecordsAvailable: true });
    const r = first.records[0];
    expect(r.available).toBe(r.onHand - r.reserved);
    expect(Object.keys(r).sort()).toEqual([
      'available',
      'locationCode',
      'modifiedDateTime',
      'onHand',
      'reserved',
      'sequence',
      'skuCode',
    ]);
    advance(1000);
    const from = new Date(Date.UTC(2026, 0, 1) + 500).toISOString();
    expect((await get(`/api/v1/StockLevels?FromModifiedDateTime=${from}`, t)).body.records).toEqual([]);
    sim.step();
    const changed = (await get(`/api/v1/StockLevels?FromModifiedDateTime=${from}`, t)).body.records;
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(sim.model.truth(changed[0].skuCode).sequence).toBe(changed[0].sequence);
    const bad = await get('/api/v1/StockLevels?Limit=5000', t);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_request', field: 'Limit' });
  });

  it('injects 429 with Retry-After and malformed records when told to at run time', async () => {
    const { app, token, get } = setup();
    const t = await token();
    await request(app).put('/__sim/faults').send({ rate429: 1, retryAfterSeconds: 3 }).expect(200);
    const limited = await get('/api/v1/Skus', t);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
    await request(app).put('/__sim/faults').send({ rate429: 0, malformedRate: 1 }).expect(200);
    const page = (await get('/api/v1/StockLevels?Limit=20', t)).body.records as Array<
      Record<string, unknown>
    >;
    expect(
      page.every(
        (r) =>
          typeof r['onHand'] === 'string' ||
          !('skuCode' in r) ||
          (r['onHand'] as number) < 0 ||
          r['locationCode'] === 'ZZ99',
      ),
    ).toBe(true);
    const counters = (await request(app).get('/__sim/counters')).body;
    expect(counters.faults).toMatchObject({ rate429: 1, malformed: 20 });
    await request(app).put('/__sim/faults').send({ nonsense: 1 }).expect(400);
  });

  it('reproduces the same change stream from the same seed', () => {
    const a = setup({ SEED: 's1' }).sim;
    const b = setup({ SEED: 's1' }).sim;
    for (let i = 0; i < 50; i += 1) {
      a.step();
      b.step();
    }
    const strip = (log: ReturnType<typeof a.model.changes>) => log.map(({ at: _at, ...rest }) => rest);
    expect(strip(a.model.changes())).toEqual(strip(b.model.changes()));
    expect(a.dispatches.count()).toBeGreaterThan(0);
  });
});
