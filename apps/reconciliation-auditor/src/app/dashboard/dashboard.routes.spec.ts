import express from 'express';
import request from 'supertest';
import type { ApiAuthSettings } from '../api/api-auth';
import { dashboardAuthMode } from './dashboard-auth';
import { createDashboardRouter, type DashboardDeps } from './dashboard.routes';

const TOKEN = 'dashboard-token-0123456789';
const BASIC = 'ops:correct-horse';
const basicHeader = `Basic ${Buffer.from(BASIC).toString('base64')}`;
const ASSETS = ['/dashboard/assets/dashboard.js', '/dashboard/assets/dashboard.css'];

function appWith(auth: ApiAuthSettings, extra: Partial<DashboardDeps> = {}) {
  const app = express();
  app.use('/dashboard', createDashboardRouter({ auth, ...extra }));
  return app;
}

describe('createDashboardRouter', () => {
  describe('with basic auth', () => {
    const app = appWith({ basic: BASIC, token: TOKEN, allowAnonymous: false });

    it.each(['/dashboard/', ...ASSETS])(
      'refuses %s without credentials and asks the browser for basic auth',
      async (path) => {
        const res = await request(app).get(path);
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toContain('Basic');
        expect(res.text).not.toContain('Flow health');
      },
    );

    it('refuses wrong credentials', async () => {
      const wrong = `Basic ${Buffer.from('ops:wrong').toString('base64')}`;
      await request(app).get('/dashboard/').set('Authorization', wrong).expect(401);
    });

    it('serves the shell with every panel to the right credentials', async () => {
      const res = await request(app).get('/dashboard/').set('Authorization', basicHeader).expect(200);
      expect(res.type).toBe('text/html');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
      for (const id of ['flows', 'lag', 'exceptions', 'sku', 'order', 'ack-dialog', 'exception-filters']) {
        expect(res.text).toContain(`id="${id}"`);
      }
      expect(res.text).toContain('data-auth="basic"');
      expect(res.text).toContain('data-api-base="/api"');
      for (const owner of ['OPS', 'CX', 'MERCH', 'PLATFORM']) expect(res.text).toContain(`>${owner}<`);
    });

    it('also lets the bearer token in, as the API does', async () => {
      await request(app).get('/dashboard/').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    });

    it('serves the script and the stylesheet with their content types', async () => {
      const js = await request(app)
        .get(ASSETS[0] ?? '')
        .set('Authorization', basicHeader);
      expect(js.status).toBe(200);
      expect(js.type).toBe('text/javascript');
      expect(js.text).toContain("getAttribute('data-api-base')");
      // Parsed here so a syntax slip in the script string fails the unit tests, not only the browser.
      expect(() => new Function(js.text)).not.toThrow();
      const css = await request(app)
        .get(ASSETS[1] ?? '')
        .set('Authorization', basicHeader);
      expect(css.status).toBe(200);
      expect(css.type).toBe('text/css');
      expect(css.text).toContain('.flow.status-failing');
    });

    it('redirects the mount path to its trailing-slash form', async () => {
      const res = await request(app).get('/dashboard?x=1').set('Authorization', basicHeader).expect(301);
      expect(res.headers['location']).toBe('/dashboard/');
    });
  });

  describe('with a bearer token only', () => {
    const app = appWith({ token: TOKEN, allowAnonymous: false }, { apiBase: '/ops/api', pollMs: 1500 });

    it('serves the data-free shell with the log-in form, since a browser cannot send a bearer on navigation', async () => {
      const res = await request(app).get('/dashboard/').expect(200);
      expect(res.text).toContain('id="login-form"');
      expect(res.text).toContain('data-auth="token"');
      expect(res.text).toContain('data-api-base="/ops/api"');
      expect(res.text).toContain('data-poll-ms="1500"');
      for (const path of ASSETS) await request(app).get(path).expect(200);
    });
  });

  it('answers 503 everywhere when no credentials are configured, like the API', async () => {
    const app = appWith({ allowAnonymous: false });
    for (const path of ['/dashboard/', ...ASSETS]) await request(app).get(path).expect(503);
  });

  it('lets anyone in only when anonymous access is configured', async () => {
    const res = await request(appWith({ allowAnonymous: true }))
      .get('/dashboard/')
      .expect(200);
    expect(res.text).toContain('data-auth="anonymous"');
  });

  it('escapes the configured title', async () => {
    const app = appWith({ allowAnonymous: true }, { title: '<script>x</script>' });
    const res = await request(app).get('/dashboard/').expect(200);
    expect(res.text).not.toContain('<script>x</script>');
    expect(res.text).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('dashboardAuthMode', () => {
  it.each([
    [{ token: 't', basic: 'u:p', allowAnonymous: true }, 'anonymous'],
    [{ token: 't', basic: 'u:p', allowAnonymous: false }, 'basic'],
    [{ token: 't', allowAnonymous: false }, 'token'],
    [{ allowAnonymous: false }, 'unconfigured'],
  ] as const)('%j → %s', (auth, mode) => {
    expect(dashboardAuthMode(auth)).toBe(mode);
  });
});
