import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SpawnedService } from '@wair-sfcc/testing';
import { readProc } from './proc-stats';

const root = path.resolve(__dirname, '../..');

/** What happened when an app ran with the heap its Kubernetes manifest gives it. */
export interface ProductionHeapResult {
  app: string;
  nodeOptions: string;
  ready: boolean;
  readySeconds: number | null;
  peakRssMb: number;
  /** The full refresh on that heap (writer only). */
  fullRefresh?: { seconds: number | null; records: number; error: string | null };
  /** The last lines of its output when it did not get there (an OOM shows here). */
  failure: string | null;
}

/** `NODE_OPTIONS` of an app's container in infra/k8s/base/<app>/deployment.yaml. */
export function manifestNodeOptions(manifest: string): string | undefined {
  const m = /-\s*name:\s*NODE_OPTIONS\s*\n\s*value:\s*['"]?([^'"\n]+)/.exec(manifest);
  return m?.[1]?.trim();
}

export function productionNodeOptions(app: string): string {
  const file = path.join(root, 'infra/k8s/base', app, 'deployment.yaml');
  const options = manifestNodeOptions(readFileSync(file, 'utf8'));
  if (!options) throw new Error(`no NODE_OPTIONS in ${path.relative(root, file)}`);
  return options;
}

/**
 * Stops an app and starts it again with its production heap (`--max-old-space-size` from its
 * manifest), then runs `afterReady` (e.g. a full refresh). Never throws: a crash is the finding.
 */
export async function runWithProductionHeap(
  app: string,
  current: SpawnedService,
  spawnAgain: (port: number, env: Record<string, string>) => SpawnedService,
  afterReady?: (service: SpawnedService) => Promise<ProductionHeapResult['fullRefresh']>,
): Promise<{ service: SpawnedService; result: ProductionHeapResult }> {
  const nodeOptions = productionNodeOptions(app);
  await current.stop('SIGTERM');
  const started = Date.now();
  const service = spawnAgain(Number(new URL(current.opsUrl).port), { NODE_OPTIONS: nodeOptions });
  const result: ProductionHeapResult = {
    app,
    nodeOptions,
    ready: false,
    readySeconds: null,
    peakRssMb: 0,
    failure: null,
  };
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, readProc(service.child.pid as number)?.peakRssBytes ?? 0);
  }, 500);
  try {
    await service.waitUntilReady(3_600_000);
    result.ready = true;
    result.readySeconds = (Date.now() - started) / 1000;
    if (afterReady) result.fullRefresh = await afterReady(service);
  } catch (error) {
    result.failure = ((error as Error).message ?? String(error)).split('\n').slice(-12).join('\n');
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, readProc(service.child.pid as number)?.peakRssBytes ?? 0);
    result.peakRssMb = peak / 2 ** 20;
  }
  return { service, result };
}
