import { catalogPullerFromConfig } from './catalog-puller.factory';
import { loadConfig } from './config';

const env = {
  KAFKA_BROKERS: '127.0.0.1:19092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7',
};

describe('catalogPullerFromConfig', () => {
  it('builds no puller when SFCC is not configured', () => {
    expect(catalogPullerFromConfig(loadConfig(env))).toBeUndefined();
  });

  it('builds a commerce-sdk backed puller when SCAPI host and credentials are set', () => {
    const puller = catalogPullerFromConfig(
      loadConfig({
        ...env,
        SFCC_SCAPI_HOST: 'http://127.0.0.1:8302',
        SFCC_AM_HOST: 'http://127.0.0.1:8302',
        SFCC_CLIENT_ID: 'sim-client',
        SFCC_CLIENT_SECRET: 'sim-client-secret',
        SFCC_ORGANIZATION_ID: 'f_ecom_zzzz_001',
      }),
    );
    expect(typeof puller?.pull).toBe('function');
  });
});
