// The integration tests' stack on a host with a Docker engine: docker-compose.yml's broker and
// registry, started through Testcontainers on a network of their own. Nothing is published on a
// fixed host port (the local stack and `docker compose` may hold 19092/18081): Docker maps random
// ports, and the broker advertises the one it got.
import { KAFKA_IMAGE, SCHEMA_REGISTRY_IMAGE } from '../compose/stack-images';
import type { HostAddress } from './apache-kafka-container';
import type { ProvidedStack } from './provided-stack';

/** The name the broker has on the containers' network, as in docker-compose.yml. */
export const KAFKA_ALIAS = 'kafka';
export const SCHEMA_REGISTRY_ALIAS = 'schema-registry';
/** The broker's listener for clients on the host (container side; Docker picks the host side). */
export const KAFKA_HOST_LISTENER_PORT = 19092;
export const SCHEMA_REGISTRY_PORT = 8081;

/**
 * The broker's configuration: docker-compose.yml's `kafka` environment (the provider's test holds
 * them equal) without `KAFKA_ADVERTISED_LISTENERS`, which depends on the mapped port.
 */
export const KAFKA_ENVIRONMENT: Readonly<Record<string, string>> = {
  CLUSTER_ID: 'MkU3OEVBNTcwNTJENDM2Qk',
  KAFKA_NODE_ID: '1',
  KAFKA_PROCESS_ROLES: 'broker,controller',
  KAFKA_CONTROLLER_QUORUM_VOTERS: `1@${KAFKA_ALIAS}:9093`,
  KAFKA_LISTENERS: `INTERNAL://:9092,HOST://:${KAFKA_HOST_LISTENER_PORT},CONTROLLER://:9093`,
  KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'INTERNAL:PLAINTEXT,HOST:PLAINTEXT,CONTROLLER:PLAINTEXT',
  KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
  KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
  KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
  KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
  KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
  KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
  KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
  KAFKA_NUM_PARTITIONS: '3',
  KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
  KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
};

/** Other containers use the internal listener by alias; the host gets the mapped address. */
export function kafkaAdvertisedListeners({ host, port }: HostAddress): string {
  return `INTERNAL://${KAFKA_ALIAS}:9092,HOST://${host}:${port}`;
}

/** docker-compose.yml's `schema-registry` environment (the provider's test holds them equal). */
export const SCHEMA_REGISTRY_ENVIRONMENT: Readonly<Record<string, string>> = {
  SCHEMA_REGISTRY_HOST_NAME: SCHEMA_REGISTRY_ALIAS,
  SCHEMA_REGISTRY_LISTENERS: `http://0.0.0.0:${SCHEMA_REGISTRY_PORT}`,
  SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS: `PLAINTEXT://${KAFKA_ALIAS}:9092`,
};

/** What the stack needs of a started container. */
export interface RunningContainer {
  getHost(): string;
  getMappedPort(port: number): number;
  stop(): Promise<unknown>;
}

/** What the stack needs of a container before it starts (Testcontainers' builder methods). */
export interface ContainerDefinition {
  withNetwork(network: RunningNetwork): this;
  withNetworkAliases(...aliases: string[]): this;
  withEnvironment(environment: Record<string, string>): this;
  withExposedPorts(...ports: number[]): this;
  withWaitStrategy(strategy: unknown): this;
  start(): Promise<RunningContainer>;
}

export interface RunningNetwork {
  stop(): Promise<unknown>;
}

/** The Testcontainers classes the stack uses, injected so that a test can fake them. */
export interface ContainerClasses {
  Network: new () => { start(): Promise<RunningNetwork> };
  KafkaContainer: new (
    image: string,
    hostListenerPort: number,
    advertise: (address: HostAddress) => string,
  ) => ContainerDefinition;
  GenericContainer: new (image: string) => ContainerDefinition;
  waitForHttp(path: string, port: number): unknown;
}

/** The real classes, loaded only when a Docker engine answers (testcontainers is slow to load). */
export async function loadContainerClasses(): Promise<ContainerClasses> {
  const [{ GenericContainer, Network, Wait }, { ApacheKafkaContainer }] = await Promise.all([
    import('testcontainers'),
    import('./apache-kafka-container'),
  ]);
  return {
    Network,
    KafkaContainer: ApacheKafkaContainer,
    GenericContainer,
    waitForHttp: (path, port) => Wait.forHttp(path, port),
  };
}

/** Starts the broker, then the registry (it keeps its schemas in Kafka), on a shared network. */
export async function startTestcontainersStack(classes: ContainerClasses): Promise<ProvidedStack> {
  const network = await new classes.Network().start();
  const started: RunningContainer[] = [];
  const stop = async (): Promise<void> => {
    for (const container of [...started].reverse()) await container.stop();
    await network.stop();
  };
  try {
    const kafka = await new classes.KafkaContainer(
      KAFKA_IMAGE,
      KAFKA_HOST_LISTENER_PORT,
      kafkaAdvertisedListeners,
    )
      .withNetwork(network)
      .withNetworkAliases(KAFKA_ALIAS)
      .withEnvironment({ ...KAFKA_ENVIRONMENT })
      .start();
    started.push(kafka);
    const registry = await new classes.GenericContainer(SCHEMA_REGISTRY_IMAGE)
      .withNetwork(network)
      .withNetworkAliases(SCHEMA_REGISTRY_ALIAS)
      .withEnvironment({ ...SCHEMA_REGISTRY_ENVIRONMENT })
      .withExposedPorts(SCHEMA_REGISTRY_PORT)
      .withWaitStrategy(classes.waitForHttp('/subjects', SCHEMA_REGISTRY_PORT))
      .start();
    started.push(registry);
    return {
      source: 'testcontainers',
      KAFKA_BROKERS: `${kafka.getHost()}:${kafka.getMappedPort(KAFKA_HOST_LISTENER_PORT)}`,
      // Confluent's registry serves its API at the root (Apicurio's local stack under /apis/ccompat/v7).
      SCHEMA_REGISTRY_URL: `http://${registry.getHost()}:${registry.getMappedPort(SCHEMA_REGISTRY_PORT)}`,
      stop,
    };
  } catch (error) {
    // A half-started stack is not left behind for the reaper to find minutes later.
    await stop().catch(() => undefined);
    throw error;
  }
}
