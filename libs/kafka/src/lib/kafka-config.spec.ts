import { loadKafkaSettings, KafkaConfigError } from './kafka-config';

const base = { KAFKA_BROKERS: 'a:1, b:2', SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7/' };

describe('loadKafkaSettings', () => {
  it('splits brokers, trims the registry URL and defaults the client id to the app', () => {
    const s = loadKafkaSettings(base, 'writer');
    expect(s.brokers).toEqual(['a:1', 'b:2']);
    expect(s.registry.url).toBe('http://127.0.0.1:18081/apis/ccompat/v7');
    expect(s.clientId).toBe('writer');
    expect(s.registry.autoRegister).toBe(true);
    expect(s.sasl).toBeUndefined();
  });

  it('names the missing variable', () => {
    expect(() => loadKafkaSettings({ SCHEMA_REGISTRY_URL: base.SCHEMA_REGISTRY_URL }, 'x')).toThrow(
      /KAFKA_BROKERS/,
    );
  });

  it('rejects a partial SASL configuration', () => {
    expect(() =>
      loadKafkaSettings({ ...base, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' }, 'x'),
    ).toThrow(KafkaConfigError);
  });

  it('builds SASL settings when all three parts are set', () => {
    const s = loadKafkaSettings(
      {
        ...base,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'p',
        KAFKA_SSL: 'true',
      },
      'x',
    );
    expect(s.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'u', password: 'p' });
    expect(s.ssl).toBe(true);
  });
});
