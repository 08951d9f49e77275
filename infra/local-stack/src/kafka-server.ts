import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { StackConfig } from './stack-config';
import type { ManagedProcess } from './process-control';
import type { FetchJob } from './artifact-fetcher';

export const KAFKA_VERSION = '4.4.0';

export function kafkaPaths(config: StackConfig) {
  const dir = path.join(config.runDir, 'kafka');
  return {
    libs: path.join(config.cacheDir, 'kafka', 'libs'),
    dir,
    dataDir: path.join(dir, 'data'),
    logsDir: path.join(dir, 'logs'),
    propertiesFile: path.join(dir, 'server.properties'),
  };
}

export function kafkaProcess(config: StackConfig): ManagedProcess {
  const paths = kafkaPaths(config);
  return {
    name: 'kafka',
    pidFile: path.join(paths.dir, 'kafka.pid'),
    logFile: path.join(paths.logsDir, 'stdout.log'),
    commandMarker: 'kafka.Kafka',
  };
}

/** Fetches the broker and tools jars (plus an SLF4J binding) with the pom beside this script. */
export function kafkaFetchJob(config: StackConfig): FetchJob {
  const libs = kafkaPaths(config).libs;
  return {
    label: `Kafka ${KAFKA_VERSION} jars`,
    mavenArgs: [
      'dependency:copy-dependencies',
      `-DoutputDirectory=${libs}`,
      '-DincludeScope=runtime',
      '-f',
      path.join(config.home, 'pom.xml'),
    ],
    completeMarker: path.join(libs, `.complete-${KAFKA_VERSION}`),
    approxBytes: 55_000_000,
  };
}

/** Single node, KRaft combined mode, loopback only. Settings favour fast local tests over durability. */
export function serverProperties(config: StackConfig): string {
  const { dataDir } = kafkaPaths(config);
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${config.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${config.kafkaPort},CONTROLLER://127.0.0.1:${config.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${config.kafkaPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Topics are provisioned explicitly (npm run topics:apply), as in production.
    'auto.create.topics.enable=false',
    'group.initial.rebalance.delay.ms=0',
    'log.cleaner.backoff.ms=5000',
    '',
  ].join('\n');
}

/** Formats the storage directory once; a formatted directory keeps its data across restarts. */
export function formatStorage(config: StackConfig, javaBin: string): 'formatted' | 'already-formatted' {
  const paths = kafkaPaths(config);
  fs.mkdirSync(paths.logsDir, { recursive: true });
  fs.writeFileSync(paths.propertiesFile, serverProperties(config));
  if (fs.existsSync(path.join(paths.dataDir, 'meta.properties'))) return 'already-formatted';
  const classpath = `${paths.libs}/*`;
  const uuid = execFileSync(javaBin, ['-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'], {
    encoding: 'utf8',
  }).trim();
  execFileSync(
    javaBin,
    ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', uuid, '-c', paths.propertiesFile],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return 'formatted';
}

export function kafkaCommand(config: StackConfig): string[] {
  const paths = kafkaPaths(config);
  return [
    `-Xms256m`,
    `-Xmx${config.kafkaHeap}`,
    '-XX:+UseG1GC',
    `-Dkafka.logs.dir=${paths.logsDir}`,
    `-Dlog4j2.configurationFile=${path.join(config.home, 'log4j2.properties')}`,
    '-cp',
    `${paths.libs}/*`,
    'kafka.Kafka',
    paths.propertiesFile,
  ];
}
