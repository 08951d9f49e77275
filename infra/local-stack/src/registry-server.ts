import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { StackConfig } from './stack-config';
import type { ManagedProcess } from './process-control';
import type { FetchJob } from './artifact-fetcher';
import { mavenRepository } from './artifact-fetcher';

/** Apicurio 3.x needs Java 21+; 2.6 runs on 17 and serves the same Confluent-compatible API. */
export const REGISTRY_DISTRIBUTIONS = {
  modern: { version: '3.3.3', minJava: 21, jar: 'quarkus-run.jar', approxBytes: 158_600_000 },
  legacy: {
    version: '2.6.13.Final',
    minJava: 17,
    jar: 'apicurio-registry-app-2.6.13.Final-runner.jar',
    approxBytes: 90_000_000,
  },
} as const;
export type RegistryDistribution = (typeof REGISTRY_DISTRIBUTIONS)[keyof typeof REGISTRY_DISTRIBUTIONS];

function distDir(config: StackConfig, dist: RegistryDistribution): string {
  return path.join(config.cacheDir, 'apicurio', dist.version);
}

export function registryFetchJob(config: StackConfig, dist: RegistryDistribution): FetchJob {
  const dir = distDir(config, dist);
  return {
    label: `Apicurio ${dist.version}`,
    mavenArgs: [
      'dependency:copy',
      `-Dartifact=io.apicurio:apicurio-registry-app:${dist.version}:tar.gz:all`,
      `-DoutputDirectory=${dir}`,
      '-f',
      path.join(config.home, 'pom.xml'),
    ],
    completeMarker: path.join(dir, '.downloaded'),
    watchDir: path.join(mavenRepository(), 'io', 'apicurio', 'apicurio-registry-app', dist.version),
    approxBytes: dist.approxBytes,
  };
}

/** Unpacks the distribution next to its archive (once) and returns the runnable jar. */
export function unpackRegistry(config: StackConfig, dist: RegistryDistribution): string {
  const dir = distDir(config, dist);
  const unpacked = path.join(dir, 'unpacked');
  const marker = path.join(unpacked, '.complete');
  if (!fs.existsSync(marker)) {
    const archive = fs.readdirSync(dir).find((f) => f.endsWith('.tar.gz'));
    if (!archive) throw new Error(`no Apicurio archive in ${dir}`);
    fs.rmSync(unpacked, { recursive: true, force: true });
    fs.mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['xzf', path.join(dir, archive), '-C', unpacked]);
    fs.writeFileSync(marker, new Date().toISOString());
  }
  const jar = findFile(unpacked, dist.jar);
  if (!jar) throw new Error(`${dist.jar} not found in ${unpacked}`);
  return jar;
}

function findFile(dir: string, name: string): string | undefined {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return full;
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found) return found;
    }
  }
  return undefined;
}

export function registryProcess(config: StackConfig): ManagedProcess {
  const dir = path.join(config.runDir, 'registry');
  return {
    name: 'schema-registry',
    pidFile: path.join(dir, 'registry.pid'),
    logFile: path.join(dir, 'registry.log'),
    commandMarker: 'apicurio',
  };
}

export function registryCommand(config: StackConfig, jar: string): string[] {
  return [
    '-Xms128m',
    `-Xmx${config.registryHeap}`,
    `-Dquarkus.http.port=${config.registryPort}`,
    '-Dquarkus.http.host=127.0.0.1',
    // 3.x opens a management port (9000 on all interfaces by default): keep it local and out of the way.
    `-Dquarkus.management.port=${config.registryManagementPort}`,
    '-Dquarkus.management.host=127.0.0.1',
    '-Dquarkus.log.level=INFO',
    // The marker lets the stack recognise its own process by command line.
    '-Dlocal.stack=apicurio',
    '-jar',
    jar,
  ];
}

/** True when the Confluent-compatible API answers. */
export async function registryAnswers(config: StackConfig): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${config.registryPort}/apis/ccompat/v7/subjects`, {
    signal: AbortSignal.timeout(2000),
  });
  return res.ok;
}
