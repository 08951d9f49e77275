// No Docker engine runs here, so the Testcontainers branch runs against fakes of the container
// classes: what it asks Testcontainers for (images, environment, network, aliases, ports) and what it
// makes of the answers. The images and environment are held to docker-compose.yml's.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KAFKA_IMAGE, SCHEMA_REGISTRY_IMAGE } from '../compose/stack-images';
import type { HostAddress } from './apache-kafka-container';
import {
  startTestcontainersStack,
  type ContainerClasses,
  type ContainerDefinition,
  type RunningContainer,
  type RunningNetwork,
} from './testcontainers-stack';

interface ComposeService {
  image: string;
  environment: Record<string, string>;
  ports?: string[];
}
const compose = parse(readFileSync(join(resolve(__dirname, '../..'), 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
};
const composeService = (name: string): ComposeService => {
  const svc = compose.services[name];
  if (!svc) throw new Error(`docker-compose.yml has no service ${name}`);
  return svc;
};

/** One container the stack defined: everything it was told, and what became of it. */
interface Recorded {
  image: string;
  kafka?: { hostListenerPort: number; advertise: (address: HostAddress) => string };
  network?: RunningNetwork;
  aliases: string[];
  environment: Record<string, string>;
  exposedPorts: number[];
  waitStrategy?: unknown;
  stopped: boolean;
}

/** Fakes of Network, the Kafka container and GenericContainer; `failImage` makes that image's start fail. */
function fakeClasses(options: { failImage?: string } = {}) {
  const containers: Recorded[] = [];
  const events: string[] = [];
  const network: RunningNetwork & { stopped: boolean } = {
    stopped: false,
    async stop() {
      this.stopped = true;
      events.push('network stopped');
    },
  };

  class FakeContainer implements ContainerDefinition {
    protected readonly record: Recorded;
    constructor(image: string) {
      this.record = { image, aliases: [], environment: {}, exposedPorts: [], stopped: false };
      containers.push(this.record);
    }
    withNetwork(given: RunningNetwork): this {
      this.record.network = given;
      return this;
    }
    withNetworkAliases(...aliases: string[]): this {
      this.record.aliases.push(...aliases);
      return this;
    }
    withEnvironment(environment: Record<string, string>): this {
      Object.assign(this.record.environment, environment);
      return this;
    }
    withExposedPorts(...ports: number[]): this {
      this.record.exposedPorts.push(...ports);
      return this;
    }
    withWaitStrategy(strategy: unknown): this {
      this.record.waitStrategy = strategy;
      return this;
    }
    async start(): Promise<RunningContainer> {
      const record = this.record;
      if (record.image === options.failImage) throw new Error(`${record.image} did not start`);
      events.push(`${record.image} started`);
      return {
        getHost: () => 'docker-host',
        // Docker's pick of host port: an arbitrary one, never the container port itself.
        getMappedPort: (port) => 40_000 + port,
        stop: async () => {
          record.stopped = true;
          events.push(`${record.image} stopped`);
        },
      };
    }
  }

  class FakeKafkaContainer extends FakeContainer {
    constructor(image: string, hostListenerPort: number, advertise: (address: HostAddress) => string) {
      super(image);
      this.record.kafka = { hostListenerPort, advertise };
    }
  }

  const classes: ContainerClasses = {
    Network: class {
      async start(): Promise<RunningNetwork> {
        events.push('network started');
        return network;
      }
    },
    KafkaContainer: FakeKafkaContainer,
    GenericContainer: FakeContainer,
    waitForHttp: (path, port) => ({ waitForHttp: { path, port } }),
  };
  const byImage = (image: string): Recorded => {
    const found = containers.find((c) => c.image === image);
    if (!found) throw new Error(`no container of ${image} was defined`);
    return found;
  };
  return { classes, containers, events, network, byImage };
}

describe('startTestcontainersStack', () => {
  it("starts docker-compose.yml's broker and registry images, and only those", async () => {
    const fake = fakeClasses();
    await startTestcontainersStack(fake.classes);
    expect(fake.containers.map((c) => c.image)).toEqual([KAFKA_IMAGE, SCHEMA_REGISTRY_IMAGE]);
    expect([KAFKA_IMAGE, SCHEMA_REGISTRY_IMAGE]).toEqual([
      composeService('kafka').image,
      composeService('schema-registry').image,
    ]);
  });

  it("configures the broker as docker-compose.yml does, except the host's advertised address", async () => {
    const fake = fakeClasses();
    await startTestcontainersStack(fake.classes);
    const { KAFKA_ADVERTISED_LISTENERS: composeAdvertised, ...composeEnv } =
      composeService('kafka').environment;
    const kafka = fake.byImage(KAFKA_IMAGE);
    expect(kafka.environment).toEqual(composeEnv);
    // The same listeners compose advertises, given compose's published address.
    expect(kafka.kafka?.advertise({ host: '127.0.0.1', port: 19092 })).toBe(composeAdvertised);
  });

  it('publishes no fixed host port: the broker advertises the port Docker mapped', async () => {
    const fake = fakeClasses();
    const stack = await startTestcontainersStack(fake.classes);
    const kafka = fake.byImage(KAFKA_IMAGE);
    expect(kafka.kafka?.hostListenerPort).toBe(19092);
    expect(kafka.kafka?.advertise({ host: 'docker-host', port: 41234 })).toBe(
      'INTERNAL://kafka:9092,HOST://docker-host:41234',
    );
    expect(stack.KAFKA_BROKERS).toBe(`docker-host:${40_000 + 19092}`);
    expect(stack.SCHEMA_REGISTRY_URL).toBe(`http://docker-host:${40_000 + 8081}`);
  });

  it('puts both on one network, where the registry reaches Kafka by its alias', async () => {
    const fake = fakeClasses();
    await startTestcontainersStack(fake.classes);
    const kafka = fake.byImage(KAFKA_IMAGE);
    const registry = fake.byImage(SCHEMA_REGISTRY_IMAGE);
    expect(kafka.network).toBe(fake.network);
    expect(registry.network).toBe(fake.network);
    expect(kafka.aliases).toEqual(['kafka']);
    expect(registry.environment).toEqual(composeService('schema-registry').environment);
    expect(registry.environment['SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS']).toBe(
      `PLAINTEXT://${kafka.aliases[0]}:9092`,
    );
    expect(registry.exposedPorts).toEqual([8081]);
    expect(registry.waitStrategy).toEqual({ waitForHttp: { path: '/subjects', port: 8081 } });
  });

  it('starts the broker before the registry and stops them in reverse, then the network', async () => {
    const fake = fakeClasses();
    const stack = await startTestcontainersStack(fake.classes);
    await stack.stop();
    expect(stack.source).toBe('testcontainers');
    expect(fake.events).toEqual([
      'network started',
      `${KAFKA_IMAGE} started`,
      `${SCHEMA_REGISTRY_IMAGE} started`,
      `${SCHEMA_REGISTRY_IMAGE} stopped`,
      `${KAFKA_IMAGE} stopped`,
      'network stopped',
    ]);
  });

  it('stops what it started when the registry fails, and reports the failure', async () => {
    const fake = fakeClasses({ failImage: SCHEMA_REGISTRY_IMAGE });
    await expect(startTestcontainersStack(fake.classes)).rejects.toThrow(
      `${SCHEMA_REGISTRY_IMAGE} did not start`,
    );
    expect(fake.byImage(KAFKA_IMAGE).stopped).toBe(true);
    expect(fake.network.stopped).toBe(true);
  });
});
