import { moveGroupToEnd, uniqueName, waitFor } from '@wair-sfcc/kafka/testing';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { spawnWriter } from './app-processes';
import { freePort, ingestEnv, writerEnv, type BenchProcesses, type SystemSettings } from './bench-system';

/**
 * Heap for the two simulators only (bench fixtures holding every record with its history); the
 * apps run with Node's defaults, so their peak RSS is what production would see.
 */
const SIMULATOR_NODE_OPTIONS = '--max-old-space-size=8192';

/**
 * The processes of the scale path, started so that the initial stock is NOT streamed to SFCC
 * through the OCAPI path (hours at 1,000,000 SKUs): wair-ingest takes a full snapshot (no polling,
 * no changes), and the writer's group starts at the end of the stock topic, so its delta path has
 * nothing queued and the forced full refresh through IMPEX is what loads SFCC.
 */
export async function startScaleSystem(
  s: SystemSettings,
  brokers: string[],
  say: (line: string) => void,
): Promise<{
  system: BenchProcesses;
  snapshotSeconds: number;
  snapshot: unknown;
  writerFirstReadySeconds: number;
}> {
  const [wairPort, sfccPort, ingestPort, writerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const { scenario } = s;
  const wairSim = spawnService(
    'wair-simulator',
    {
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: SIMULATOR_NODE_OPTIONS,
      SEED: scenario.seed,
      SKU_COUNT: String(scenario.skus),
      STORES: String(scenario.locations - 2),
      CHANGES_PER_SECOND: '0',
      DISPATCH_EVERY: '0',
      WEBHOOK_URL: `http://127.0.0.1:${ingestPort}/webhooks/wair`,
      WEBHOOK_LOSS_RATE: '0',
    },
    wairPort,
  );
  const sfccSim = spawnService(
    'sfcc-simulator',
    {
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: SIMULATOR_NODE_OPTIONS,
      SIM_SEED: scenario.seed,
      SIM_SKU_COUNT: String(scenario.skus),
      SIM_MISMATCH_SHARE: '0',
      SIM_ORDERS_PER_MINUTE: '0',
      SIM_INVENTORY_LISTS: 'inventory_webshop,inventory_stores',
      SIM_RATE_LIMIT_PER_SECOND: String(scenario.sfccRatePerSecond),
    },
    sfccPort,
  );
  const system: BenchProcesses = {
    wairSim,
    sfccSim,
    ingest: undefined as unknown as SpawnedService,
    writer: undefined as unknown as SpawnedService,
    env: { ingest: {}, writer: {} },
    async stop() {
      await Promise.all(
        [system.ingest, system.writer, system.wairSim, system.sfccSim]
          .filter(Boolean)
          .map((p) => p.stop('SIGTERM')),
      );
    },
  };
  try {
    const t0 = Date.now();
    await Promise.all([wairSim.waitUntilReady(1_800_000), sfccSim.waitUntilReady(1_800_000)]);
    say(`  simulators ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // No polling: with no changes it would only read the whole feed a second time.
    system.env.ingest = {
      ...ingestEnv(s, wairSim.opsUrl),
      POLL_INTERVAL_MS: '0',
      POLL_PAGE_SIZE: '1000',
      // The full snapshot below reads the SKU master too; a startup one would be joined instead.
      SNAPSHOT_ON_START: 'false',
    };
    system.ingest = spawnService('wair-ingest', system.env.ingest, ingestPort);
    await system.ingest.waitUntilReady(600_000);
    const { seconds: snapshotSeconds, report: snapshot } = await runIngestSnapshot(system.ingest.opsUrl);
    say(`  wair-ingest snapshot published in ${snapshotSeconds.toFixed(1)} s: ${JSON.stringify(snapshot)}`);

    const groupId = uniqueName('bench.writer');
    await moveGroupToEnd(groupId, s.topics.stock);
    system.env.writer = writerEnv(s, sfccSim.opsUrl, groupId);
    const t1 = Date.now();
    system.writer = spawnWriter(system.env.writer, s.topics, writerPort);
    await system.writer.waitUntilReady(1_800_000);
    return { system, snapshotSeconds, snapshot, writerFirstReadySeconds: (Date.now() - t1) / 1000 };
  } catch (error) {
    await system.stop();
    throw error;
  }
}

/** POST /admin/snapshot on wair-ingest and waits for its report: seconds until every row was published. */
async function runIngestSnapshot(opsUrl: string): Promise<{ seconds: number; report: unknown }> {
  const started = Date.now();
  const post = await fetch(`${opsUrl}/admin/snapshot`, { method: 'POST' });
  if (post.status !== 202) throw new Error(`wair-ingest snapshot not started: HTTP ${post.status}`);
  type Status = { running: boolean; last: { stock?: number; error?: string } | null };
  let status: Status = { running: true, last: null };
  await waitFor(
    'the wair-ingest snapshot to end',
    async () => {
      status = (await (await fetch(`${opsUrl}/admin/snapshot`)).json()) as Status;
      return !status.running && status.last !== null;
    },
    3_600_000,
    500,
  );
  if (status.last?.error) throw new Error(`wair-ingest snapshot failed: ${status.last.error}`);
  return { seconds: (Date.now() - started) / 1000, report: status.last };
}
