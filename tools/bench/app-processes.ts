import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SpawnedService } from '@wair-sfcc/testing';
import type { BenchTopics } from './bench-system';

const root = path.resolve(__dirname, '../..');

/**
 * The writer as main.ts wires it, through its process fixture that takes the topic names (the
 * writer reads no topic names from its environment).
 */
export function spawnWriter(
  env: Record<string, string>,
  topics: BenchTopics,
  opsPort: number,
): SpawnedService {
  const fixture = path.join(root, 'apps/sfcc-inventory-writer/src/app/writer-process.fixture.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      WRITER_TEST_TOPICS: JSON.stringify({
        stock: topics.stock,
        products: topics.products,
        orders: topics.orders,
        sync: topics.sync,
        exceptions: topics.exceptions,
      }),
      OPS_PORT: String(opsPort),
      OPS_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return wrapChild('sfcc-inventory-writer', child, `http://127.0.0.1:${opsPort}`);
}

/** The bridge's topics (its process fixture takes them, as the writer's does). */
export interface BridgeTopicNames {
  dispatches: string;
  orders: string;
  fulfilment: string;
  exceptions: string;
}

/** The order-dispatch-bridge as main.ts wires it, through its process fixture on the run's topics. */
export function spawnBridge(
  env: Record<string, string>,
  topics: BridgeTopicNames,
  opsPort: number,
): SpawnedService {
  const fixture = path.join(root, 'apps/order-dispatch-bridge/src/testing/bridge-process.fixture.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      BRIDGE_TEST_TOPICS: JSON.stringify(topics),
      OPS_PORT: String(opsPort),
      OPS_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return wrapChild('order-dispatch-bridge', child, `http://127.0.0.1:${opsPort}`);
}

function wrapChild(app: string, child: ReturnType<typeof spawn>, opsUrl: string): SpawnedService {
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-50_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  void exited.then(() => (done = true));
  return {
    child,
    opsUrl,
    exited,
    output: () => out,
    async waitUntilReady(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (done) throw new Error(`${app} exited before becoming ready:\n${out.slice(-3000)}`);
        const res = await fetch(`${opsUrl}/readyz`, { signal: AbortSignal.timeout(3000) }).catch(
          () => undefined,
        );
        if (res?.status === 200) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${app} not ready after ${timeoutMs} ms:\n${out.slice(-3000)}`);
    },
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}
