import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ProvidedStack } from './provided-stack';
import { loadContainerClasses, startTestcontainersStack } from './testcontainers-stack';

export type { ProvidedStack, StackSource } from './provided-stack';

/** How the provider looks at the machine and starts a stack; injected so the order can be unit-tested. */
export interface StackProbes {
  env: NodeJS.ProcessEnv;
  /** True when a Docker engine answers, as Testcontainers would find it. */
  isDockerAvailable(): Promise<boolean>;
  startContainers(): Promise<ProvidedStack>;
  startLocalStack(env: NodeJS.ProcessEnv): Promise<ProvidedStack>;
}

/** Thrown when the environment names half a stack: guessing the other half would test the wrong one. */
export class PartialStackEnvironmentError extends Error {
  constructor(set: string, missing: string) {
    super(
      `${set} is set but ${missing} is not: set both to test against a running stack, or neither to ` +
        'let the tests start one (Testcontainers when a Docker engine answers, else the local stack).',
    );
    this.name = 'PartialStackEnvironmentError';
  }
}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * In order: the stack named by `KAFKA_BROKERS` + `SCHEMA_REGISTRY_URL`; Testcontainers when a Docker
 * engine answers; else the local stack of infra/local-stack. Only one of the two variables set is an
 * error rather than a reason to start another stack.
 */
export async function chooseStack(probes: StackProbes): Promise<ProvidedStack> {
  const brokers = probes.env['KAFKA_BROKERS'];
  const registry = probes.env['SCHEMA_REGISTRY_URL'];
  if (present(brokers) !== present(registry)) {
    throw present(brokers)
      ? new PartialStackEnvironmentError('KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL')
      : new PartialStackEnvironmentError('SCHEMA_REGISTRY_URL', 'KAFKA_BROKERS');
  }
  if (present(brokers) && present(registry)) {
    return {
      source: 'environment',
      KAFKA_BROKERS: brokers,
      SCHEMA_REGISTRY_URL: registry,
      // Someone else's stack: it stays up.
      stop: async () => undefined,
    };
  }
  if (await probes.isDockerAvailable()) return probes.startContainers();
  return probes.startLocalStack(probes.env);
}

/** Asks Testcontainers itself, so that DOCKER_HOST, rootless and Podman sockets count as they will. */
async function testcontainersFindsDocker(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  return getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
}

/** The stack for this test run (see {@link chooseStack}), found or started on this machine. */
export function provideStack(env: NodeJS.ProcessEnv = process.env): Promise<ProvidedStack> {
  return chooseStack({
    env,
    isDockerAvailable: testcontainersFindsDocker,
    startContainers: async () => startTestcontainersStack(await loadContainerClasses()),
    startLocalStack,
  });
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
