import { createLogger } from '@wair-sfcc/observability';
import { loadConfig } from './config';
import { createApp } from './create-app';

describe('sfcc-simulator service', () => {
  it('listens, issues a token and round-trips an inventory record over real HTTP', async () => {
    const config = loadConfig({ OPS_PORT: '0', SIM_CLIENT_ID: 'c', SIM_CLIENT_SECRET: 's' });
    const app = createApp({ config, logger: createLogger({ app: 'test', level: 'silent' }) });
    await app.start();
    try {
      const base = app.url();
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const tokenRes = await fetch(`${base}/dwsso/oauth2/access_token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('c:s').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      const { access_token: token, expires_in: expiresIn } = (await tokenRes.json()) as {
        access_token: string;
        expires_in: number;
      };
      expect(expiresIn).toBe(1799);
      const url = `${base}/s/-/dw/data/v24_5/inventory_lists/inventory_webshop/product_inventory_records/ST10000-BLK-S`;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const put = await fetch(url, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ allocation: { amount: 7, reset_date: '2026-01-01T00:00:00Z' } }),
      });
      expect(put.status).toBe(200);
      const got = (await (await fetch(url, { headers })).json()) as {
        ats: number;
        allocation: { amount: number };
      };
      expect(got).toMatchObject({ ats: 7, allocation: { amount: 7 } });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(
        /sfcc_sim_requests_total\{[^}]*endpoint="ocapi.inventory_record"[^}]*method="PUT"[^}]*status="200"/,
      );
    } finally {
      await app.stop();
    }
  });
});
