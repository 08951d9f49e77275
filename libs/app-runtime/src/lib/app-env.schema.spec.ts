import { baseAppEnvSchema, ConfigError, parseEnv } from './app-env.schema';

const env = {
  KAFKA_BROKERS: '127.0.0.1:19092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7',
  OPS_PORT: '9301',
};

describe('parseEnv', () => {
  it('applies defaults and coerces numbers', () => {
    const config = parseEnv(baseAppEnvSchema, env, 'x');
    expect(config.OPS_PORT).toBe(9301);
    expect(config.OPS_HOST).toBe('127.0.0.1');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('lists every offending variable by name', () => {
    let error: unknown;
    try {
      parseEnv(baseAppEnvSchema, { OPS_PORT: 'x', LOG_LEVEL: 'loud' }, 'writer');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL', 'OPS_PORT', 'LOG_LEVEL'])
      expect(message).toContain(name);
    expect(message).toMatch(/^writer: invalid configuration/);
  });
});
