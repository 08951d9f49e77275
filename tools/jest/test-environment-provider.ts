import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Where the integration tests' Kafka and registry come from. */
export type StackSource = 'environment' | 'testcontainers' | 'local-stack';

export interface ProvidedStack {
  source: StackSource;
  KAFKA_BROKERS: string;
  SCHEMA_REGISTRY_URL: string;
  stop(): Promise<void>;
}

function dockerEngineAnswers(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 5000,
  });
  return result.status === 0 && result.stdout.trim().length > 0;
}

/** Pinned to the versions docker-compose.yml uses. */
const KAFKA_IMAGE = 'apache/kafka:4.1.1';
const REGISTRY_IMAGE = 'confluentinc/cp-schema-registry:8.1.1';

async function startContainers(): Promise<ProvidedStack> {
  // Loaded lazily: testcontainers is only needed where a Docker engine exists.
  const { GenericContainer, Network, Wait } = await import('testcontainers');
  const network = await new Network().start();
  const kafka = await new GenericContainer(KAFKA_IMAGE)
    .withNetwork(network)
    .withNetworkAliases('kafka')
    .withExposedPorts({ container: 19092, host: 19092 })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:19092,INTERNAL://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092,INTERNAL://kafka:9092',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const registry = await new GenericContainer(REGISTRY_IMAGE)
    .withNetwork(network)
    .withExposedPorts(8081)
    .withEnvironment({
      SCHEMA_REGISTRY_HOST_NAME: 'schema-registry',
      SCHEMA_REGISTRY_LISTENERS: 'http://0.0.0.0:8081',
      SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS: 'PLAINTEXT://kafka:9092',
    })
    .withWaitStrategy(Wait.forHttp('/subjects', 8081))
    .start();
  return {
    source: 'testcontainers',
    KAFKA_BROKERS: '127.0.0.1:19092',
    SCHEMA_REGISTRY_URL: `http://${registry.getHost()}:${registry.getMappedPort(8081)}`,
    async stop() {
      await registry.stop();
      await kafka.stop();
      await network.stop();
    },
  };
}

/**
 * In order: a stack named by `KAFKA_BROKERS`/`SCHEMA_REGISTRY_URL`; Testcontainers when a Docker
 * engine answers; else the local stack of infra/local-stack (started if needed).
 */
export async function provideStack(env: NodeJS.ProcessEnv = process.env): Promise<ProvidedStack> {
  if (env['KAFKA_BROKERS'] && env['SCHEMA_REGISTRY_URL']) {
    return {
      source: 'environment',
      KAFKA_BROKERS: env['KAFKA_BROKERS'],
      SCHEMA_REGISTRY_URL: env['SCHEMA_REGISTRY_URL'],
      stop: async () => undefined,
    };
  }
  if (dockerEngineAnswers()) return startContainers();
  return startLocalStack(env);
}

async function startLocalStack(env: NodeJS.ProcessEnv): Promise<ProvidedStack> {
  // Run through tsx (which resolves the workspace's path aliases) rather than jest's loader.
  const status = runStackCli('status', false);
  const wasRunning = status.status === 0;
  if (!wasRunning) runStackCli('up', true);
  return {
    source: 'local-stack',
    KAFKA_BROKERS: `127.0.0.1:${env['LOCAL_KAFKA_PORT'] ?? 19092}`,
    SCHEMA_REGISTRY_URL: `http://127.0.0.1:${env['LOCAL_REGISTRY_PORT'] ?? 18081}/apis/ccompat/v7`,
    async stop() {
      // A stack someone else started (npm run stack:up, .ci/run) is left running for them.
      if (!wasRunning) runStackCli('down', true);
    },
  };
}

function runStackCli(command: string, mustSucceed: boolean): { status: number | null } {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), 'infra/local-stack/src/cli.ts', command],
    {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  if (mustSucceed && result.status !== 0) {
    throw new Error(`local stack ${command} failed (exit ${result.status}):\n${result.stdout}`);
  }
  if (mustSucceed) process.stderr.write(result.stdout);
  return { status: result.status };
}
