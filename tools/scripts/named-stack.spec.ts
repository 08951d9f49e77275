import { namedStack } from './named-stack';

describe('the stack the environment names', () => {
  it('is used only when both the broker and the registry are named', () => {
    const both = {
      KAFKA_BROKERS: '127.0.0.1:29092',
      SCHEMA_REGISTRY_URL: 'http://127.0.0.1:28081/apis/ccompat/v7',
    };
    expect(namedStack(both)).toEqual(both);
    expect(namedStack({ KAFKA_BROKERS: '127.0.0.1:29092' })).toBeUndefined();
    expect(namedStack({ SCHEMA_REGISTRY_URL: both.SCHEMA_REGISTRY_URL, KAFKA_BROKERS: '' })).toBeUndefined();
    expect(namedStack({})).toBeUndefined();
  });
});
