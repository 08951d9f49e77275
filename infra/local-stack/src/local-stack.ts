import fs from 'node:fs';
import net from 'node:net';
import { createLogger } from '@wair-sfcc/observability';
import { createKafkaRuntime, loadKafkaSettings } from '@wair-sfcc/kafka';
import { loadStackConfig, stackEndpoints, type StackConfig } from './stack-config';
import { findJavaRuntimes, pickJava, requireTool } from './java-discovery';
import { fetchWithMaven, mavenNeeded } from './artifact-fetcher';
import {
  KAFKA_VERSION,
  formatStorage,
  kafkaCommand,
  kafkaFetchJob,
  kafkaPaths,
  kafkaProcess,
} from './kafka-server';
import {
  REGISTRY_DISTRIBUTIONS,
  registryAnswers,
  registryCommand,
  registryFetchJob,
  registryProcess,
  unpackRegistry,
} from './registry-server';
import { runningPid, startDetached, stopProcess, tailFile, waitUntil } from './process-control';

export interface StackStatus {
  kafka: { url: string; pid?: number; answers: boolean };
  registry: { url: string; pid?: number; answers: boolean };
}

type Say = (line: string) => void;

async function kafkaAnswers(config: StackConfig): Promise<boolean> {
  const endpoints = stackEndpoints(config);
  const logger = createLogger({ app: 'local-stack', level: 'silent' });
  const runtime = createKafkaRuntime(loadKafkaSettings({ ...endpoints }, 'local-stack'), logger);
  try {
    return await runtime.admin.probe(2000);
  } finally {
    await runtime.admin.disconnect().catch(() => undefined);
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port held by something other than our own server would make the start fail obscurely. */
async function assertPortFree(port: number, ownPid: number | undefined, variable: string): Promise<void> {
  if (ownPid === undefined && (await portAnswers(port))) {
    throw new Error(
      `port ${port} is already in use by another process; stop it or choose another port with ${variable}`,
    );
  }
}

/** Fetches what is missing (cached after the first run), then starts whatever is not running. */
export async function stackUp(
  config: StackConfig = loadStackConfig(),
  say: Say = (l) => process.stdout.write(`${l}\n`),
): Promise<StackStatus> {
  // Java runs both servers, every time.
  requireTool(
    'java',
    'Install a JDK (17 or newer; 21+ lets the registry run Apicurio 3), e.g. `apt-get install openjdk-17-jre-headless`.',
  );
  const runtimes = findJavaRuntimes();
  const kafkaJava = pickJava(runtimes, 17);
  if (!kafkaJava)
    throw new Error(
      `Kafka ${KAFKA_VERSION} needs Java 17 or newer; found: ${runtimes.map((r) => `${r.bin} (${r.major})`).join(', ') || 'none'}`,
    );
  const registryJava = pickJava(runtimes, REGISTRY_DISTRIBUTIONS.modern.minJava);
  const dist = registryJava ? REGISTRY_DISTRIBUTIONS.modern : REGISTRY_DISTRIBUTIONS.legacy;
  const registryBin = (registryJava ?? kafkaJava).bin;
  if (!registryJava)
    say(`No Java 21+ found: falling back to Apicurio ${dist.version} on Java ${kafkaJava.major}.`);

  // Maven only fetches: once everything is cached, the stack starts without it.
  const fetchJobs = [kafkaFetchJob(config), registryFetchJob(config, dist)];
  if (mavenNeeded(fetchJobs)) {
    requireTool(
      'mvn',
      'Install Apache Maven (it fetches the Kafka and Apicurio jars the first time), e.g. `apt-get install maven`.',
    );
  }
  say('Fetching the local stack (cached after the first time):');
  for (const job of fetchJobs) await fetchWithMaven(job, config.home);
  const registryJar = unpackRegistry(config, dist);

  const kafka = kafkaProcess(config);
  const registry = registryProcess(config);
  await assertPortFree(config.kafkaPort, runningPid(kafka), 'LOCAL_KAFKA_PORT');
  await assertPortFree(config.registryPort, runningPid(registry), 'LOCAL_REGISTRY_PORT');
  if (runningPid(kafka) === undefined) {
    const formatted = formatStorage(config, kafkaJava.bin);
    say(
      `Starting Kafka on 127.0.0.1:${config.kafkaPort} (${formatted === 'formatted' ? 'new storage' : 'existing storage'}, Java ${kafkaJava.major})`,
    );
    startDetached(kafka, kafkaJava.bin, kafkaCommand(config), kafkaPaths(config).dir);
  }
  if (runningPid(registry) === undefined) {
    say(
      `Starting Apicurio ${dist.version} on 127.0.0.1:${config.registryPort} (Java ${registryJava?.major ?? kafkaJava.major})`,
    );
    startDetached(registry, registryBin, registryCommand(config, registryJar), config.runDir);
  }
  try {
    await waitUntil(
      'Kafka',
      () => kafkaAnswers(config),
      90_000,
      () => runningPid(kafka) === undefined,
    );
    await waitUntil(
      'Schema registry',
      () => registryAnswers(config),
      90_000,
      () => runningPid(registry) === undefined,
    );
  } catch (error) {
    say(`--- tail of ${kafka.logFile} ---\n${tailFile(kafka.logFile)}`);
    say(
      `--- tail of ${kafkaPaths(config).logsDir}/server.log ---\n${tailFile(`${kafkaPaths(config).logsDir}/server.log`)}`,
    );
    say(`--- tail of ${registry.logFile} ---\n${tailFile(registry.logFile)}`);
    throw error;
  }
  return stackStatus(config);
}

/** Stops both servers (SIGTERM, then wait); `fresh` also deletes the broker's data. */
export async function stackDown(
  config: StackConfig = loadStackConfig(),
  options: { fresh?: boolean } = {},
): Promise<string[]> {
  const lines = [
    `schema-registry: ${await stopProcess(registryProcess(config))}`,
    `kafka: ${await stopProcess(kafkaProcess(config), 60_000)}`,
  ];
  if (options.fresh) fs.rmSync(kafkaPaths(config).dataDir, { recursive: true, force: true });
  return lines;
}

export async function stackStatus(config: StackConfig = loadStackConfig()): Promise<StackStatus> {
  const endpoints = stackEndpoints(config);
  return {
    kafka: {
      url: endpoints.KAFKA_BROKERS,
      pid: runningPid(kafkaProcess(config)),
      answers: await kafkaAnswers(config).catch(() => false),
    },
    registry: {
      url: endpoints.SCHEMA_REGISTRY_URL,
      pid: runningPid(registryProcess(config)),
      answers: await registryAnswers(config).catch(() => false),
    },
  };
}

/** The last lines of every stack log, printed by a failing test run. */
export function stackLogTails(config: StackConfig = loadStackConfig(), lines = 40): string {
  const kafkaLog = `${kafkaPaths(config).logsDir}/server.log`;
  const registryLog = registryProcess(config).logFile;
  return [
    `--- ${kafkaLog} ---`,
    tailFile(kafkaLog, lines),
    `--- ${registryLog} ---`,
    tailFile(registryLog, lines),
  ].join('\n');
}
