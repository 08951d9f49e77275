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
