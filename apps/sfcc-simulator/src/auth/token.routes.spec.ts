import { BASIC, createSimKit } from '../app/sim-test-kit';

describe('POST /dwsso/oauth2/access_token', () => {
  it('issues a bearer token for the client credentials grant', async () => {
    const kit = createSimKit();
    const res = await kit
      .http()
      .post('/dwsso/oauth2/access_token')
      .set('Authorization', BASIC)
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 1799,
      scope: 'sfcc.products sfcc.orders sfcc.inventory',
    });
  });

  it.each([
    [
      'wrong secret',
      `Basic ${Buffer.from('test-client:nope').toString('base64')}`,
      { grant_type: 'client_credentials' },
      401,
      'invalid_client',
    ],
    ['no credentials', '', { grant_type: 'client_credentials' }, 401, 'invalid_client'],
    ['other grant', BASIC, { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    [
      'scope not granted',
      BASIC,
      { grant_type: 'client_credentials', scope: 'sfcc.admin' },
      400,
      'invalid_scope',
    ],
  ])('refuses %s', async (_name, auth, form, status, error) => {
    const kit = createSimKit();
    const req = kit.http().post('/dwsso/oauth2/access_token').type('form');
    if (auth) void req.set('Authorization', auth);
    const res = await req.send(form);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
  });

  it('answers 401 InvalidAccessTokenException once a token expired or was revoked', async () => {
    const kit = createSimKit({ SIM_TOKEN_TTL_SECONDS: '10' });
    const path = kit.data('/inventory_lists/inventory_webshop/product_inventory_records/X');
    const expiring = await kit.token();
    kit.advance(10_001);
    const expired = await kit.http().get(path).set('Authorization', expiring);
    expect(expired.status).toBe(401);
    expect(expired.body.fault.type).toBe('InvalidAccessTokenException');

    const fresh = await kit.token();
    expect((await kit.http().get(path).set('Authorization', fresh)).status).toBe(404);
    expect((await kit.http().post('/__sim/tokens/revoke').send({})).body.revoked).toBeGreaterThan(0);
    const revoked = await kit.http().get(path).set('Authorization', fresh);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual({
      _v: '24.5',
      fault: { type: 'InvalidAccessTokenException', message: expect.stringContaining('revoked') },
    });
    const unknown = await kit.http().get(path).set('Authorization', 'Bearer made-up');
    expect(unknown.body.fault.type).toBe('InvalidAccessTokenException');
  });
});
