import path from 'node:path';

/** Where the local stack keeps its downloads, data, logs and pid files, and which ports it uses. */
export interface StackConfig {
  /** infra/local-stack: holds pom.xml and the log4j2 config. */
  home: string;
  /** Downloaded jars and the registry distribution (kept between runs, git-ignored). */
  cacheDir: string;
  /** Data, logs and pid files of the running stack (git-ignored). */
  runDir: string;
  kafkaPort: number;
  controllerPort: number;
  registryPort: number;
  registryManagementPort: number;
  kafkaHeap: string;
  registryHeap: string;
}

// Chosen away from what this machine kind already runs (5432, 6379, 3306, 5672, 4222, 1883, 9000).
const DEFAULT_PORTS = { kafka: 19092, controller: 19093, registry: 18081, registryManagement: 18091 };

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a TCP port number (1-65535), got "${raw}"`);
  }
  return value;
}

/** Reads the stack's settings from the environment (`LOCAL_KAFKA_PORT`, `LOCAL_REGISTRY_PORT`, ...). */
export function loadStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const home = path.resolve(__dirname, '..');
  return {
    home,
    cacheDir: env['LOCAL_STACK_CACHE'] ?? path.join(home, '.cache'),
    runDir: path.resolve(env['LOCAL_STACK_RUN'] ?? path.join(home, '.run')),
    kafkaPort: port(env, 'LOCAL_KAFKA_PORT', DEFAULT_PORTS.kafka),
    controllerPort: port(env, 'LOCAL_KAFKA_CONTROLLER_PORT', DEFAULT_PORTS.controller),
    registryPort: port(env, 'LOCAL_REGISTRY_PORT', DEFAULT_PORTS.registry),
    registryManagementPort: port(env, 'LOCAL_REGISTRY_MANAGEMENT_PORT', DEFAULT_PORTS.registryManagement),
    kafkaHeap: env['LOCAL_KAFKA_HEAP'] ?? '768m',
    registryHeap: env['LOCAL_REGISTRY_HEAP'] ?? '384m',
  };
}

/** The addresses apps and tests use, in the environment variable names of their config schemas. */
export function stackEndpoints(config: StackConfig): { KAFKA_BROKERS: string; SCHEMA_REGISTRY_URL: string } {
  return {
    KAFKA_BROKERS: `127.0.0.1:${config.kafkaPort}`,
    SCHEMA_REGISTRY_URL: `http://127.0.0.1:${config.registryPort}/apis/ccompat/v7`,
  };
}
