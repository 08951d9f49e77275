// Test helper for the writer's integration specs (never imported by service code).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@wair-sfcc/kafka/testing';
import { freePort } from './writer-test-harness';
import type { WriterTopics } from './writer-topics';

/**
 * The writer as its own process (wired as main.ts wires it, see writer-process.fixture.ts) on the
 * given topics, so a test can SIGKILL it mid-batch and start it again.
 */
export async function spawnWriter(env: Record<string, string>, topics: WriterTopics) {
  const port = await freePort();
  // `--import tsx` (not the tsx CLI, which runs the app in a grandchild) so that SIGKILL reaches
  // the writer itself instead of orphaning it.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'writer-process.fixture.ts')], {
    cwd: join(__dirname, '../../../..'),
    env: {
      ...env,
      WRITER_TEST_TOPICS: JSON.stringify(topics),
      OPS_PORT: String(port),
      OPS_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let alive = true;
  void exited.then(() => (alive = false));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'the writer process to be ready',
    async () => {
      if (!alive) throw new Error(`writer exited:\n${out.slice(-3000)}`);
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
      return res?.status === 200;
    },
    60_000,
    200,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${out.slice(-3000)}`);
  });
  return {
    url,
    output: () => out,
    exited,
    async kill(signal: NodeJS.Signals) {
      if (alive) child.kill(signal);
      return exited;
    },
  };
}
