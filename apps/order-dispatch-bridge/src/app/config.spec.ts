import { loadConfig } from './config';

const env = {
  KAFKA_BROKERS: '127.0.0.1:19092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7',
};

describe('order-dispatch-bridge config', () => {
  it('defaults its ops port and consumer group', () => {
    const config = loadConfig(env);
    expect(config.OPS_PORT).toBe(9303);
    expect(config.KAFKA_GROUP_ID).toBe('order-dispatch-bridge');
  });

  it('defaults to the local simulators and leaves the c_* attributes off', () => {
    const config = loadConfig(env);
    expect(config).toMatchObject({
      SFCC_SCAPI_HOST: 'http://127.0.0.1:8302',
      SFCC_ORGANIZATION_ID: 'f_ecom_zzzz_001',
      WAIR_BASE_URL: 'http://127.0.0.1:8301',
      ORDER_POLL_INTERVAL_MS: 5_000,
      DISPATCH_COMPLETE_ORDER: 'false',
      DISPATCH_ATTR_TRACKING_NUMBERS: '',
    });
  });

  it('refuses attribute names that are not custom attributes', () => {
    expect(() => loadConfig({ ...env, DISPATCH_ATTR_TRACKING_NUMBERS: 'trackingNumber' })).toThrow(
      /DISPATCH_ATTR_TRACKING_NUMBERS/,
    );
    expect(
      loadConfig({ ...env, DISPATCH_ATTR_TRACKING_NUMBERS: 'c_tracking' }).DISPATCH_ATTR_TRACKING_NUMBERS,
    ).toBe('c_tracking');
  });

  it('refuses to start without Kafka settings, naming them', () => {
    expect(() => loadConfig({})).toThrow(/KAFKA_BROKERS[\s\S]*SCHEMA_REGISTRY_URL/);
  });

  it('refuses simulator fixture credentials against real SFCC and WAIR hosts, naming each', () => {
    const remote = {
      ...env,
      SFCC_AM_HOST: 'https://account.demandware.com',
      WAIR_BASE_URL: 'https://api.wair.example',
    };
    expect(() => loadConfig(remote)).toThrow(
      /SFCC_CLIENT_SECRET: .*SFCC_AM_HOST=account\.demandware\.com[\s\S]*WAIR_PASSWORD: .*WAIR_BASE_URL=api\.wair\.example/,
    );
    const set = loadConfig({ ...remote, SFCC_CLIENT_SECRET: 'vault-1', WAIR_PASSWORD: 'vault-2' });
    expect(set.WAIR_BASE_URL).toBe('https://api.wair.example');
  });
});
