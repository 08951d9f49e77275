import { Products } from 'commerce-sdk';
import { createLogger } from '@wair-sfcc/observability';
import { createApp } from '../app/create-app';
import { loadConfig } from '../app/config';

describe('SCAPI Products search through the real commerce-sdk client', () => {
  const config = loadConfig({
    OPS_PORT: '0',
    SIM_SKU_COUNT: '120',
    SIM_MISMATCH_SHARE: '0.1',
    SIM_CLIENT_ID: 'c',
    SIM_CLIENT_SECRET: 's',
  });
  const app = createApp({ config, logger: createLogger({ app: 'test', level: 'silent' }) });
  let token = '';
  beforeAll(async () => {
    await app.start();
    const res = await fetch(`${app.url()}/dwsso/oauth2/access_token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('c:s').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    token = ((await res.json()) as { access_token: string }).access_token;
  });
  afterAll(() => app.stop());

  const client = (auth: string) =>
    new Products({
      parameters: { organizationId: config.SIM_ORGANIZATION_ID },
      baseUri: `${app.url()}/product/products/{version}`,
      headers: { authorization: auth },
    });

  it('pages through the whole catalog, masters, variants and simple products', async () => {
    const products = client(`Bearer ${token}`);
    const seen: string[] = [];
    let total = Infinity;
    for (let offset = 0; offset < total; offset += 50) {
      const page = await products.searchProducts({
        body: { query: { matchAllQuery: {} }, limit: 50, offset, sorts: [{ field: 'id', sortOrder: 'asc' }] },
      });
      total = page.total;
      expect(page).toMatchObject({ limit: 50, offset, query: { matchAllQuery: {} } });
      seen.push(...page.hits.map((h) => h.id));
    }
    expect(seen).toEqual(app.state.catalog.products.map((p) => p.id));
    const variant = app.state.catalog.products.find((p) => p.type?.variant);
    expect(variant).toMatchObject({
      master: { masterId: expect.any(String) },
      variationValues: { color: expect.any(String), size: expect.any(String) },
      online: expect.any(Boolean),
    });
    expect(app.state.catalog.mismatches.length).toBeGreaterThan(0);
  });

  it('finds by id with a termQuery', async () => {
    const id = app.state.catalog.sellableIds[0] as string;
    const page = await client(`Bearer ${token}`).searchProducts({
      body: { query: { termQuery: { fields: ['id'], operator: 'is', values: [id] } }, limit: 10, offset: 0 },
    });
    expect(page.hits.map((h) => h.id)).toEqual([id]);
  });

  it('refuses a limit over 200 and a bad token, as SCAPI does', async () => {
    await expect(
      client(`Bearer ${token}`).searchProducts({ body: { query: { matchAllQuery: {} }, limit: 201 } }),
    ).rejects.toMatchObject({ response: { status: 400 } });
    await expect(
      client('Bearer nope').searchProducts({ body: { query: { matchAllQuery: {} } } }),
    ).rejects.toMatchObject({ response: { status: 401 } });
  });
});
