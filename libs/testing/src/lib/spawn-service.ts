import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** An app started as its own process, the way `npm start` and Kubernetes run it. */
export interface SpawnedService {
  child: ChildProcess;
  opsUrl: string;
  /** Everything the process printed (pino JSON lines), for assertions on logs. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitUntilReady(timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const root = path.resolve(__dirname, '../../../..');

/**
 * Runs `apps/<app>/src/main.ts` in this Node with tsx's loader (`--import tsx`, not the tsx CLI, which
 * would put a wrapper process in between and make SIGKILL miss the app) with the given environment (merged over the test's
 * own, which carries KAFKA_BROKERS and SCHEMA_REGISTRY_URL). `options.entry` (a path from the repository
 * root) runs an app's process fixture instead, e.g. one that takes its topic names from the environment:
 * a path, so a test in another project can run the app without importing its modules.
 */
export function spawnService(
  app: string,
  env: Record<string, string>,
  opsPort: number,
  options: { entry?: string } = {},
): SpawnedService {
  const entry = path.resolve(root, options.entry ?? path.join('apps', app, 'src', 'main.ts'));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env, OPS_PORT: String(opsPort), OPS_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const opsUrl = `http://127.0.0.1:${opsPort}`;
  return {
    child,
    opsUrl,
    exited,
    output: () => out,
    async waitUntilReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        if (done) throw new Error(`${app} exited before becoming ready:\n${out.slice(-3000)}`);
        try {
          const res = await fetch(`${opsUrl}/readyz`, { signal: AbortSignal.timeout(3000) });
          last = `${res.status} ${await res.text()}`;
          if (res.status === 200) return;
        } catch (error) {
          last = (error as Error).message;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${app} not ready after ${timeoutMs} ms (last /readyz: ${last}):\n${out.slice(-3000)}`);
    },
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}
