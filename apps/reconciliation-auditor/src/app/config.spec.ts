import { loadConfig } from './config';

const env = {
  KAFKA_BROKERS: '127.0.0.1:19092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7',
};

describe('reconciliation-auditor config', () => {
  it('defaults its ops port and consumer group', () => {
    const config = loadConfig(env);
    expect(config.OPS_PORT).toBe(9304);
    expect(config.KAFKA_GROUP_ID).toBe('reconciliation-auditor');
  });

  it('refuses to start without Kafka settings, naming them', () => {
    expect(() => loadConfig({})).toThrow(/KAFKA_BROKERS[\s\S]*SCHEMA_REGISTRY_URL/);
  });
});

describe('reconciliation-auditor catalog pull config', () => {
  it('leaves the pull off without an SCAPI host and defaults its schedule', () => {
    const config = loadConfig(env);
    expect(config.SFCC_SCAPI_HOST).toBeUndefined();
    expect(config.CATALOG_PULL_INTERVAL_MS).toBe(900_000);
    expect(config.CATALOG_PULL_PAGE_SIZE).toBe(200);
  });

  it('names the credentials the pull needs once an SCAPI host is set', () => {
    expect(() => loadConfig({ ...env, SFCC_SCAPI_HOST: 'http://127.0.0.1:8080' })).toThrow(
      /SFCC_CLIENT_ID[\s\S]*SFCC_CLIENT_SECRET[\s\S]*SFCC_ORGANIZATION_ID/,
    );
    expect(() => loadConfig({ ...env, CATALOG_PULL_PAGE_SIZE: '500' })).toThrow(/CATALOG_PULL_PAGE_SIZE/);
  });
});
