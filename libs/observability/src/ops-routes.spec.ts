import request from 'supertest';
import { createLogger } from './logger';
import { createCounter } from './metric-factories';
import { createMetricsRegistry } from './metrics-registry';
import { createOpsHttpApp, type OpsHttpAppOptions } from './ops-routes';
import type { ReadinessCheck } from './readiness-check';
import { createLogCapture } from './testing/log-capture';

function setup(overrides: Partial<OpsHttpAppOptions> = {}) {
  const capture = createLogCapture();
  const logger = createLogger({ app: 'test-app', destination: capture.destination });
  const registry = createMetricsRegistry({ app: 'test-app' });
  const app = createOpsHttpApp({ logger, metrics: registry, ...overrides });
  return { app, capture, registry };
}

describe('GET /livez', () => {
  it('answers ok', async () => {
    const response = await request(setup().app).get('/livez');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /readyz', () => {
  const kafka: ReadinessCheck = { name: 'kafka', check: async () => ({ ok: true, detail: '1 broker' }) };

  it('is ready when all checks pass', async () => {
    const response = await request(setup({ readiness: [kafka] }).app).get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ready',
      checks: [{ name: 'kafka', ok: true, detail: '1 broker' }],
    });
  });

  it('is not ready with the reasons of the failing checks', async () => {
    const readiness: ReadinessCheck[] = [
      kafka,
      { name: 'consumer', check: () => ({ ok: false, detail: 'not joined' }) },
    ];
    const response = await request(setup({ readiness }).app).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'not-ready',
      checks: [
        { name: 'kafka', ok: true, detail: '1 broker' },
        { name: 'consumer', ok: false, detail: 'not joined' },
      ],
    });
  });

  it('is not ready when a check throws', async () => {
    const readiness: ReadinessCheck[] = [
      {
        name: 'registry',
        check: () => {
          throw new Error('getaddrinfo ENOTFOUND registry');
        },
      },
    ];
    const response = await request(setup({ readiness }).app).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body.checks).toEqual([
      { name: 'registry', ok: false, detail: 'check failed: getaddrinfo ENOTFOUND registry' },
    ]);
  });

  it('is not ready when a check times out', async () => {
    const readiness: ReadinessCheck[] = [kafka, { name: 'hangs', check: () => new Promise(() => undefined) }];
    // A short timeout instead of waiting 2 s; the default itself is covered in readiness-check.spec.ts.
    const response = await request(setup({ readiness, readinessTimeoutMs: 5 }).app).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body.checks[1]).toEqual({ name: 'hangs', ok: false, detail: 'timed out after 5 ms' });
  });

  it('logs readiness changes once, not on every probe', async () => {
    let ok = false;
    const { app, capture } = setup({ readiness: [{ name: 'consumer', check: () => ({ ok }) }] });
    await request(app).get('/readyz');
    await request(app).get('/readyz');
    ok = true;
    await request(app).get('/readyz');
    expect(capture.entries().map((entry) => [entry['level'], entry['msg']])).toEqual([
      ['warn', 'not ready'],
      ['info', 'ready'],
    ]);
  });
});

describe('GET /metrics', () => {
  it('serves default and custom metrics in the Prometheus text format', async () => {
    const { app, registry } = setup();
    createCounter(registry, { name: 'orders_captured_total', help: 'Orders captured.' }).inc(2);
    const response = await request(app).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.text).toContain('process_resident_memory_bytes{app="test-app"}');
    expect(response.text).toContain('# TYPE orders_captured_total counter');
    expect(response.text).toContain('orders_captured_total{app="test-app"} 2');
  });

  it('answers 500 and logs when collecting fails', async () => {
    const { app, capture, registry } = setup();
    createCounter(registry, {
      name: 'broken_total',
      help: 'Fails to collect.',
      collect() {
        throw new Error('collect failed');
      },
    });
    const response = await request(app).get('/metrics');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ status: 'error' });
    expect(capture.entries()[0]).toMatchObject({
      level: 'error',
      msg: 'ops request failed',
      path: '/metrics',
    });
  });
});

describe('extraRoutes', () => {
  it('mounts routes of the app', async () => {
    const { app } = setup({
      extraRoutes: (opsApp) => {
        opsApp.get('/admin/version', (_req, res) => {
          res.json({ version: '1.2.3' });
        });
      },
    });
    const response = await request(app).get('/admin/version');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ version: '1.2.3' });
  });

  it('keeps client errors of extra routes as they are', async () => {
    const { app } = setup({
      extraRoutes: (opsApp) => {
        opsApp.post('/admin/ack', (_req, _res, next) => {
          next(Object.assign(new Error('exception id missing'), { status: 400 }));
        });
      },
    });
    const response = await request(app).post('/admin/ack');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ status: 'error', message: 'exception id missing' });
  });
});
