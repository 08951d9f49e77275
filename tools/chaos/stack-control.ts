import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './managed-process';

/**
 * The chaos stack's own Kafka and Apicurio processes, found by the pid files the local-stack CLI
 * writes into its run directory. Only ever used on the stack the chaos command started itself
 * (LOCAL_STACK_RUN=infra/local-stack/.run-chaos, ports 39092/38081): killing the broker of a
 * shared stack would break everyone else's tests.
 */
export interface ChaosStack {
  runDir: string;
  env: Record<string, string>;
}

export const CHAOS_STACK: ChaosStack = {
  runDir: path.join(ROOT, 'infra/local-stack/.run-chaos'),
  env: {
    LOCAL_STACK_RUN: path.join(ROOT, 'infra/local-stack/.run-chaos'),
    LOCAL_KAFKA_PORT: '39092',
    LOCAL_KAFKA_CONTROLLER_PORT: '39093',
    LOCAL_REGISTRY_PORT: '38081',
    LOCAL_REGISTRY_MANAGEMENT_PORT: '38091',
  },
};

export const chaosStackEndpoints = {
  KAFKA_BROKERS: '127.0.0.1:39092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:38081/apis/ccompat/v7',
};

const PROCESSES = {
  kafka: { pidFile: 'kafka/kafka.pid', marker: 'kafka.Kafka' },
  registry: { pidFile: 'registry/registry.pid', marker: 'apicurio' },
} as const;
export type StackPart = keyof typeof PROCESSES;

/** The pid of the chaos stack's broker or registry, checked against its command line. */
export function stackPid(stack: ChaosStack, part: StackPart): number | undefined {
  const file = path.join(stack.runDir, PROCESSES[part].pidFile);
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmd.includes(PROCESSES[part].marker) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Sends a signal to the chaos stack's broker or registry; false when it is not running. */
export function signalStack(stack: ChaosStack, part: StackPart, signal: NodeJS.Signals): boolean {
  const pid = stackPid(stack, part);
  if (pid === undefined) return false;
  process.kill(pid, signal);
  return true;
}

/** Waits until the process is gone (after SIGKILL/SIGTERM). */
export async function waitStackGone(stack: ChaosStack, part: StackPart, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (stackPid(stack, part) !== undefined) {
    if (Date.now() > deadline) throw new Error(`${part} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * `npm run stack:<command>` with the chaos stack's environment (up starts whatever is down). Runs
 * asynchronously so the runner keeps serving its timers while the broker starts.
 */
export function stackCommand(
  stack: ChaosStack,
  command: 'up' | 'down' | 'status',
  extra: string[] = [],
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [require.resolve('tsx/cli'), 'infra/local-stack/src/cli.ts', command, ...extra],
      { cwd: ROOT, env: { ...process.env, ...stack.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0 && command !== 'status') process.stderr.write(`stack:${command} failed:\n${out}\n`);
      resolve(code === 0);
    });
  });
}
