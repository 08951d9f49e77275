import { loadConfig } from './config';

const env = {
  KAFKA_BROKERS: '127.0.0.1:19092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7',
};

describe('sfcc-inventory-writer config', () => {
  it('defaults its ops port, consumer group and SFCC settings', () => {
    const config = loadConfig(env);
    expect(config.OPS_PORT).toBe(9302);
    expect(config.KAFKA_GROUP_ID).toBe('sfcc-inventory-writer');
    expect(config.WRITE_BATCH_SIZE).toBe(50);
    expect(config.SFCC_OCAPI_VERSION).toBe('v24_5');
    expect(config.FULL_REFRESH_CRON).toBe('0 3 * * *');
    expect(loadConfig({ ...env, FULL_REFRESH_CRON: 'off' }).FULL_REFRESH_CRON).toBe('off');
  });

  it('refuses to start without Kafka settings, naming them', () => {
    expect(() => loadConfig({})).toThrow(/KAFKA_BROKERS[\s\S]*SCHEMA_REGISTRY_URL/);
  });

  it.each([
    ['INVENTORY_LISTS', 'inventory_webshop', /INVENTORY_LISTS: .*inventory list id/],
    ['STOCK_BUFFERS', 'global=-1', /STOCK_BUFFERS: .*whole number/],
    ['WRITE_BATCH_SIZE', '51', /WRITE_BATCH_SIZE/],
    ['ADMIN_TOKEN', 'short', /ADMIN_TOKEN/],
    ['FULL_REFRESH_CRON', '0 3 * * * *', /FULL_REFRESH_CRON: .*5 parts/],
    ['FULL_REFRESH_CRON', '0 24 * * *', /FULL_REFRESH_CRON: .*hour/],
  ])('names %s when it is invalid', (name, value, message) => {
    expect(() => loadConfig({ ...env, [name]: value })).toThrow(message);
  });

  it('refuses the simulator fixture secret against a real SFCC, and accepts a real one', () => {
    const remote = { ...env, SFCC_HOST: 'https://zzzz-001.dx.commercecloud.salesforce.com' };
    expect(() => loadConfig(remote)).toThrow(
      /SFCC_CLIENT_SECRET: the simulator fixture default cannot be used against SFCC_HOST=zzzz-001/,
    );
    expect(loadConfig({ ...remote, SFCC_CLIENT_SECRET: 'from-the-vault' }).SFCC_HOST).toBe(remote.SFCC_HOST);
    expect(loadConfig({ ...env, SFCC_HOST: 'http://localhost:8302' }).SFCC_CLIENT_SECRET).toBe(
      'sim-client-secret',
    );
  });
});
