import { loadStackConfig, stackEndpoints } from './stack-config';
import { serverProperties } from './kafka-server';
import { registryCommand } from './registry-server';

describe('local stack configuration', () => {
  it('uses ports away from the services this machine already runs, overridable by env', () => {
    const config = loadStackConfig({});
    expect([config.kafkaPort, config.registryPort]).toEqual([19092, 18081]);
    expect(stackEndpoints(loadStackConfig({ LOCAL_KAFKA_PORT: '29092' })).KAFKA_BROKERS).toBe(
      '127.0.0.1:29092',
    );
  });

  it('rejects a port that is not a number, naming the variable', () => {
    expect(() => loadStackConfig({ LOCAL_REGISTRY_PORT: 'eighty' })).toThrow(/LOCAL_REGISTRY_PORT/);
  });

  it('runs the broker in KRaft combined mode on loopback only, without auto-created topics', () => {
    const props = serverProperties(loadStackConfig({}));
    expect(props).toContain('process.roles=broker,controller');
    expect(props).toContain('listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props).toContain('auto.create.topics.enable=false');
  });

  it('keeps the registry and its management port on loopback', () => {
    const args = registryCommand(loadStackConfig({}), '/x/quarkus-run.jar');
    expect(args).toEqual(
      expect.arrayContaining([
        '-Dquarkus.http.host=127.0.0.1',
        '-Dquarkus.management.host=127.0.0.1',
        '-Dquarkus.http.port=18081',
      ]),
    );
  });
});
