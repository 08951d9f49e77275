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

describe('reconciliation-auditor audit and API config', () => {
  it('defaults audit intervals, SLAs and a closed API', () => {
    const config = loadConfig(env);
    expect(config.AUDIT_SYNC_DELAY_INTERVAL_MS).toBe(60_000);
    expect(config.ORDER_ACCEPT_SLA_MS).toBe(1_800_000);
    expect(config.API_ALLOW_ANONYMOUS).toBe(false);
    expect(config.API_TOKEN).toBeUndefined();
    expect(config.SFCC_OCAPI_HOST).toBeUndefined();
  });

  it('reads API_ALLOW_ANONYMOUS as a flag and refuses short secrets', () => {
    expect(loadConfig({ ...env, API_ALLOW_ANONYMOUS: 'true' }).API_ALLOW_ANONYMOUS).toBe(true);
    expect(() => loadConfig({ ...env, API_TOKEN: 'short' })).toThrow(/API_TOKEN/);
    expect(() => loadConfig({ ...env, API_BASIC_PASSWORD: 'short' })).toThrow(/API_BASIC_PASSWORD/);
  });

  it('needs credentials for the OCAPI read-back and valid list, buffer and lag settings', () => {
    expect(() => loadConfig({ ...env, SFCC_OCAPI_HOST: 'http://127.0.0.1:8302' })).toThrow(
      /SFCC_CLIENT_ID[\s\S]*SFCC_CLIENT_SECRET/,
    );
    expect(() => loadConfig({ ...env, INVENTORY_LISTS: 'nolocations' })).toThrow(/INVENTORY_LISTS/);
    expect(() => loadConfig({ ...env, LAG_WATCH_GROUPS: 'group-without-topics' })).toThrow(
      /LAG_WATCH_GROUPS/,
    );
  });
});
