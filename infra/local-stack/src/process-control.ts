import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A background server process the stack owns, tracked by a pid file. */
export interface ManagedProcess {
  name: string;
  pidFile: string;
  logFile: string;
  /** A string its command line must contain, so a recycled pid is never mistaken for ours. */
  commandMarker: string;
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The pid of the process if it is running (and is the one we started), else undefined. */
export function runningPid(proc: ManagedProcess): number | undefined {
  if (!fs.existsSync(proc.pidFile)) return undefined;
  const pid = Number(fs.readFileSync(proc.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return commandLine(pid).includes(proc.commandMarker) ? pid : undefined;
}

/** Starts a detached process whose output goes to its log file; it outlives this Node process. */
export function startDetached(proc: ManagedProcess, command: string, args: string[], cwd: string): number {
  fs.mkdirSync(path.dirname(proc.logFile), { recursive: true });
  const out = fs.openSync(proc.logFile, 'a');
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`${proc.name} did not start (${command})`);
  child.unref();
  fs.writeFileSync(proc.pidFile, String(child.pid));
  return child.pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** SIGTERM, wait for a clean shutdown, SIGKILL only if it does not come. */
export async function stopProcess(
  proc: ManagedProcess,
  timeoutMs = 30_000,
): Promise<'stopped' | 'killed' | 'not-running'> {
  const pid = runningPid(proc);
  if (pid === undefined) {
    fs.rmSync(proc.pidFile, { force: true });
    return 'not-running';
  }
  process.kill(pid, 'SIGTERM');
  let outcome: 'stopped' | 'killed' = 'stopped';
  if (!(await waitForExit(pid, timeoutMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
    outcome = 'killed';
  }
  fs.rmSync(proc.pidFile, { force: true });
  return outcome;
}

/** The last lines of a log file, for failure reports. */
export function tailFile(file: string, lines = 60): string {
  if (!fs.existsSync(file)) return `(no log at ${file})`;
  const content = fs.readFileSync(file, 'utf8').split('\n');
  return content.slice(-lines).join('\n');
}

/** Polls `probe` until it resolves true or the time is up; used for readiness, never as a fixed sleep. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  isDead?: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead?.()) throw new Error(`${what}: the process exited while starting`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}
