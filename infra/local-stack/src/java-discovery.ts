import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A Java runtime found on the machine. */
export interface JavaRuntime {
  bin: string;
  major: number;
}

export class MissingToolError extends Error {
  readonly retriable = false;
  constructor(tool: string, hint: string) {
    super(`${tool} was not found. ${hint}`);
    this.name = 'MissingToolError';
  }
}

/** Parses the major version out of `java -version` output (`"17.0.15"`, `"25"`, legacy `"1.8.0_392"`). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function probe(bin: string): JavaRuntime | undefined {
  // `java -version` prints to stderr.
  const result = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  if (result.error) return undefined;
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  return major === undefined ? undefined : { bin, major };
}

/**
 * Every Java runtime we can find: `JAVA_HOME`, `java` on the PATH, and the JVM folder
 * (distributions install side-by-side there; the newest is not necessarily the default).
 */
export function findJavaRuntimes(env: NodeJS.ProcessEnv = process.env): JavaRuntime[] {
  const candidates = new Set<string>();
  if (env['JAVA_HOME']) candidates.add(path.join(env['JAVA_HOME'], 'bin', 'java'));
  candidates.add('java');
  for (const root of ['/usr/lib/jvm', '/usr/java', '/opt/java']) {
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root)) {
      const bin = path.join(root, entry, 'bin', 'java');
      if (fs.existsSync(bin)) candidates.add(fs.realpathSync(bin));
    }
  }
  const found: JavaRuntime[] = [];
  for (const bin of candidates) {
    const runtime = probe(bin);
    if (runtime) found.push(runtime);
  }
  return found.sort((a, b) => b.major - a.major);
}

/** The newest Java at or above `minMajor`, or undefined. */
export function pickJava(runtimes: JavaRuntime[], minMajor: number): JavaRuntime | undefined {
  return runtimes.find((r) => r.major >= minMajor);
}

/** Fails with a clear message when a tool the stack needs is not on the PATH. */
export function requireTool(tool: 'mvn' | 'java', hint: string): void {
  const result = spawnSync(tool, ['-version'], { encoding: 'utf8' });
  if (result.error) throw new MissingToolError(tool, hint);
}
