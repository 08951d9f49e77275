import { TOPICS, findTopic, type TopicSpec } from '@wair-sfcc/contracts';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import { createTestTopic, uniqueName } from '@wair-sfcc/kafka/testing';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { spawnBridge } from './app-processes';
import { benchTopicSpecs, benchTopics, freePort, ingestEnv } from './bench-system';
import type { Scenario } from './scenario';

/** The order path's four processes, by the name the CPU table shows. */
export interface OrderPathProcesses {
  wairSim: SpawnedService;
  sfccSim: SpawnedService;
  named: Array<[string, SpawnedService]>;
  stop(): Promise<void>;
}

/** The run's own copies of the topics wair-ingest and the bridge use; `onTopics` learns the names first. */
export async function createOrderPathTopics(runtime: KafkaRuntime, onTopics: (names: string[]) => void) {
  const t = benchTopics(uniqueName('bench-orders'));
  const fulfilment = `${t.orders.slice(0, -'.orders'.length)}.fulfilment`;
  const specs = benchTopicSpecs(t);
  const base = findTopic(TOPICS.sfccFulfilment) as TopicSpec;
  const wanted: TopicSpec[] = [
    specs.stock,
    specs.dispatches,
    specs.skus,
    specs.cursors,
    specs.exceptions,
    specs.orders,
    { ...base, name: fulfilment, valueSubject: base.valueSchema ? `${fulfilment}-value` : null },
  ];
  onTopics(wanted.map((s) => s.name));
  for (const spec of wanted) await createTestTopic(runtime, spec);
  return { ...t, fulfilment };
}
export type OrderPathTopics = Awaited<ReturnType<typeof createOrderPathTopics>>;

/**
 * Both simulators (WAIR's stock stream off, dispatching only the bridge's sales), wair-ingest
 * (webhooks with the scenario's loss, plus its poll) and the order-dispatch-bridge with its
 * production settings except the SCAPI rate and concurrency, on the run's topics; resolves once all are ready.
 */
export async function startOrderPathSystem(
  s: Scenario,
  topics: OrderPathTopics,
): Promise<OrderPathProcesses> {
  const [wairPort, sfccPort, ingestPort, bridgePort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const named: Array<[string, SpawnedService]> = [];
  const stop = async () => {
    await Promise.all(named.map(([, p]) => p.stop('SIGTERM')));
  };
  try {
    const wairSim = spawnService(
      'wair-simulator',
      {
        LOG_LEVEL: 'warn',
        SEED: s.seed,
        SKU_COUNT: String(s.skus),
        STORES: String(s.locations - 2),
        CHANGES_PER_SECOND: '0',
        // Only the bridge's orders are dispatched, as in production (internal web orders are not SFCC's).
        DISPATCH_EVERY: '0',
        FULFILMENT_DELAY_MS: String(s.dispatchDelayMs),
        WEBHOOK_URL: `http://127.0.0.1:${ingestPort}/webhooks/wair`,
        WEBHOOK_LOSS_RATE: String(s.webhookLoss),
        WEBHOOK_DUPLICATE_RATE: '0.05',
        WEBHOOK_REORDER_RATE: '0.05',
      },
      wairPort,
    );
    named.push(['wair-simulator', wairSim]);
    const sfccSim = spawnService(
      'sfcc-simulator',
      {
        LOG_LEVEL: 'warn',
        SIM_SEED: s.seed,
        SIM_SKU_COUNT: String(s.skus),
        SIM_MISMATCH_SHARE: '0',
        SIM_ORDERS_PER_MINUTE: '0',
        SIM_INVENTORY_LISTS: 'inventory_webshop,inventory_stores',
      },
      sfccPort,
    );
    named.push(['sfcc-simulator', sfccSim]);
    await Promise.all([wairSim.waitUntilReady(120_000), sfccSim.waitUntilReady(120_000)]);
    const ingest = spawnService(
      'wair-ingest',
      {
        ...ingestEnv({ scenario: s, topics, writerRatePerSecond: 0 }, wairSim.opsUrl),
        KAFKA_GROUP_ID: uniqueName('bench-orders.wair-ingest'),
        // Stock is not measured here: no initial snapshot of every SKU.
        SNAPSHOT_ON_START: 'false',
      },
      ingestPort,
    );
    named.push(['wair-ingest', ingest]);
    const bridge = spawnBridge(
      {
        LOG_LEVEL: 'warn',
        KAFKA_GROUP_ID: uniqueName('bench-orders.bridge'),
        SFCC_SCAPI_HOST: sfccSim.opsUrl,
        SFCC_AM_HOST: sfccSim.opsUrl,
        SFCC_RATE_PER_SEC: String(s.bridgeRatePerSecond),
        SFCC_CONCURRENCY: String(s.bridgeConcurrency),
        WAIR_BASE_URL: wairSim.opsUrl,
        WAIR_TENANT: 'sim-tenant',
        WAIR_USERNAME: 'sim-user',
        WAIR_PASSWORD: 'sim-password',
      },
      {
        dispatches: topics.dispatches,
        orders: topics.orders,
        fulfilment: topics.fulfilment,
        exceptions: topics.exceptions,
      },
      bridgePort,
    );
    named.push(['order-dispatch-bridge', bridge]);
    await Promise.all([ingest.waitUntilReady(180_000), bridge.waitUntilReady(180_000)]);
    if (s.sfccLatencyMs > 0) {
      const res = await fetch(`${sfccSim.opsUrl}/__sim/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: { p50: s.sfccLatencyMs, p99: s.sfccLatencyMs } }),
      });
      if (!res.ok) throw new Error(`setting SFCC latency failed: HTTP ${res.status}`);
    }
    return { wairSim, sfccSim, named, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
