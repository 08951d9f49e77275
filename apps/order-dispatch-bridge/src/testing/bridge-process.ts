// Test helper for the bridge's integration specs (never imported by service code).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@wair-sfcc/kafka/testing';
import type { BridgeTopics } from '../app/bridge-topics';
import { freeLowPort } from '@wair-sfcc/testing';

/** Test services listen below the ephemeral port range (see `freeLowPort`). */
export const freePort = (): Promise<number> => freeLowPort();

export type BridgeProcess = Awaited<ReturnType<typeof spawnBridge>>;

/**
 * The bridge as its own process, wired as main.ts wires it (bridge-process.fixture.ts), on the
 * given topics: a test can SIGKILL it mid-run and start it again. Its output is kept whole, so a
 * test can scan every log line it wrote.
 */
export async function spawnBridge(env: Record<string, string>, topics: BridgeTopics) {
  const port = await freePort();
  // `--import tsx` (not the tsx CLI, which runs the app in a grandchild) so that SIGKILL reaches
  // the bridge itself instead of orphaning it.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'bridge-process.fixture.ts')], {
    cwd: join(__dirname, '../../../..'),
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      ...env,
      BRIDGE_TEST_TOPICS: JSON.stringify(topics),
      OPS_PORT: String(port),
      OPS_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let alive = true;
  void exited.then(() => (alive = false));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'the bridge process to be ready',
    async () => {
      if (!alive) throw new Error(`bridge exited:\n${out.slice(-3000)}`);
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
      return res?.status === 200;
    },
    90_000,
    200,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${out.slice(-3000)}`);
  });
  return {
    url,
    output: () => out,
    exited,
    /** One Prometheus sample (summed over its label sets), 0 when absent. */
    async metric(name: string): Promise<number> {
      const text = await (await fetch(`${url}/metrics`)).text();
      return text
        .split('\n')
        .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
        .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    },
    async kill(signal: NodeJS.Signals) {
      if (alive) child.kill(signal);
      return exited;
    },
  };
}
