import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** How one process of the system is started: a TypeScript entry, its environment and ops port. */
export interface ProcessSpec {
  name: string;
  /** Entry file relative to the repository root (an app's main.ts or a process fixture). */
  entry: string;
  env: Record<string, string>;
  port: number;
}

export interface ExitRecord {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
  /** False when the runner did not ask for it: a crash. */
  expected: boolean;
}

/**
 * One app or simulator as its own Node process (`--import tsx`, so a signal reaches the app
 * itself), restartable, with its output appended to `<logDir>/<name>.log`. Every exit is recorded
 * with whether the runner caused it, so a crash is never mistaken for an injected kill.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private expectingExit = false;
  starts = 0;
  readonly url: string;

  constructor(
    readonly spec: ProcessSpec,
    private readonly logDir: string,
    private readonly exits: ExitRecord[],
  ) {
    this.url = `http://127.0.0.1:${spec.port}`;
  }

  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.alive) return;
    fs.mkdirSync(this.logDir, { recursive: true });
    const log = fs.openSync(path.join(this.logDir, `${this.spec.name}.log`), 'a');
    this.expectingExit = false;
    this.starts += 1;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, this.spec.entry)], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        ...this.spec.env,
        OPS_PORT: String(this.spec.port),
        OPS_HOST: '127.0.0.1',
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    child.once('exit', (code, signal) => {
      this.exits.push({ name: this.spec.name, code, signal, at: Date.now(), expected: this.expectingExit });
    });
    this.child = child;
  }

  async waitReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`${this.spec.name} exited before it was ready (${this.logHint()})`);
      const res = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2_000) }).catch(
        () => undefined,
      );
      if (res?.status === 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.spec.name} not ready after ${timeoutMs} ms (${this.logHint()})`);
  }

  /** Sends a signal the runner means (SIGKILL, SIGTERM); resolves once the process is gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    this.expectingExit = true;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await gone;
    clearTimeout(timer);
  }

  /** Whether `/livez` answers 200 now. */
  async live(): Promise<boolean> {
    const res = await fetch(`${this.url}/livez`, { signal: AbortSignal.timeout(3_000) }).catch(
      () => undefined,
    );
    return res?.status === 200;
  }

  private logHint(): string {
    const file = path.join(this.logDir, `${this.spec.name}.log`);
    const tail = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-2_000) : '';
    return `log ${file}:\n${tail}`;
  }
}
