import { Kafka, logLevel } from 'kafkajs';
import { createServer } from 'node:net';
import { TOPICS, findTopic, type SfccProduct, type TopicSpec } from '@wair-sfcc/contracts';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import { createTestTopic, uniqueName } from '@wair-sfcc/kafka/testing';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { spawnWriter } from './app-processes';
import type { Scenario } from './scenario';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });
}

/** The run's own copies of every topic the two apps use, so nothing shared is read or written. */
export function benchTopics(prefix: string) {
  return {
    stock: `${prefix}.stock`,
    dispatches: `${prefix}.dispatches`,
    skus: `${prefix}.skus`,
    cursors: `${prefix}.cursors`,
    exceptions: `${prefix}.exceptions`,
    products: `${prefix}.products`,
    orders: `${prefix}.orders`,
    sync: `${prefix}.sync`,
  };
}
export type BenchTopics = ReturnType<typeof benchTopics>;

const CATALOGUE_NAME: Record<keyof BenchTopics, string> = {
  stock: TOPICS.wairStock,
  dispatches: TOPICS.wairDispatches,
  skus: TOPICS.wairSkus,
  cursors: TOPICS.wairIngestCursors,
  exceptions: TOPICS.integrationExceptions,
  products: TOPICS.sfccProducts,
  orders: TOPICS.sfccOrders,
  sync: TOPICS.sfccInventorySync,
};

/** Catalogue entries renamed to the run's topics, partitions as in production. */
export function benchTopicSpecs(topics: BenchTopics): Record<keyof BenchTopics, TopicSpec> {
  const out = {} as Record<keyof BenchTopics, TopicSpec>;
  for (const key of Object.keys(topics) as Array<keyof BenchTopics>) {
    const base = findTopic(CATALOGUE_NAME[key]);
    if (!base) throw new Error(`${CATALOGUE_NAME[key]} is not in the topic catalogue`);
    out[key] = { ...base, name: topics[key], valueSubject: base.valueSchema ? `${topics[key]}-value` : null };
  }
  return out;
}

export async function createBenchTopics(
  runtime: KafkaRuntime,
  specs: Record<string, TopicSpec>,
): Promise<void> {
  for (const spec of Object.values(specs)) await createTestTopic(runtime, spec);
}

/**
 * The sellable-variant catalogue the writer's strict-identifier gate needs, published as the
 * reconciliation-auditor's catalog pull would (the auditor itself is not part of the bench).
 */
export async function publishCatalog(
  runtime: KafkaRuntime,
  spec: TopicSpec,
  skus: readonly string[],
): Promise<void> {
  const producer = runtime.producer({ topics: [spec] });
  await producer.connect();
  const pulledAt = Date.now();
  const product = (productId: string): SfccProduct => ({
    productId,
    type: 'VARIANT',
    masterId: productId.split('-')[0] ?? productId,
    variationValues: {},
    online: true,
    searchable: true,
    pulledAt,
  });
  for (let i = 0; i < skus.length; i += 5_000)
    await producer.sendMany(
      skus.slice(i, i + 5_000).map((sku) => ({ topic: spec.name, key: sku, value: product(sku) })),
    );
  await producer.disconnect();
}

/** The four processes of the measured path, each on a free port. */
export interface BenchProcesses {
  wairSim: SpawnedService;
  sfccSim: SpawnedService;
  ingest: SpawnedService;
  writer: SpawnedService;
  /** The environments the apps were started with, to start them again (cold start). */
  env: { ingest: Record<string, string>; writer: Record<string, string> };
  /** Stops the processes the fields name now (restarted ones included). */
  stop(): Promise<void>;
}

export const ADMIN_TOKEN = 'bench-admin-token-0123456789';

export function locationCodes(locations: number): string[] {
  return [
    'WEB01',
    'DC01',
    ...Array.from({ length: locations - 2 }, (_, i) => `ST${String(i + 1).padStart(2, '0')}`),
  ];
}

export interface SystemSettings {
  scenario: Scenario;
  topics: BenchTopics;
  writerRatePerSecond: number;
}

/** Env of wair-ingest for the run (the simulator's fixture tenant and user, not real credentials). */
export function ingestEnv(s: SystemSettings, wairUrl: string): Record<string, string> {
  return {
    LOG_LEVEL: 'warn',
    KAFKA_GROUP_ID: uniqueName('bench.wair-ingest'),
    STOCK_TOPIC: s.topics.stock,
    DISPATCHES_TOPIC: s.topics.dispatches,
    SKUS_TOPIC: s.topics.skus,
    CURSOR_TOPIC: s.topics.cursors,
    EXCEPTIONS_TOPIC: s.topics.exceptions,
    WAIR_BASE_URL: wairUrl,
    WAIR_TENANT: 'sim-tenant',
    WAIR_USERNAME: 'sim-user',
    WAIR_PASSWORD: 'sim-password',
    WEBHOOK_SECRET: 'sim-webhook-secret',
    WAIR_LOCATIONS: locationCodes(s.scenario.locations).join(','),
    POLL_INTERVAL_MS: String(s.scenario.pollMs),
    SNAPSHOT_INTERVAL_MS: '0',
  };
}

export function writerEnv(s: SystemSettings, sfccUrl: string, groupId: string): Record<string, string> {
  const [web, stores] = [['WEB01', 'DC01'], locationCodes(s.scenario.locations).slice(2)];
  return {
    LOG_LEVEL: 'warn',
    KAFKA_GROUP_ID: groupId,
    SFCC_HOST: sfccUrl,
    INVENTORY_LISTS: `inventory_webshop:${web.join('+')};inventory_stores:${stores.join('+')}`,
    SFCC_RATE_PER_SEC: String(s.writerRatePerSecond),
    WRITE_CONCURRENCY: String(s.scenario.writerConcurrency),
    FULL_REFRESH_CRON: 'off',
    ADMIN_TOKEN,
  };
}

/** Starts both simulators, wair-ingest and the writer on the run's topics; resolves once all are ready. */
export async function startSystem(s: SystemSettings): Promise<BenchProcesses> {
  const { scenario } = s;
  const [wairPort, sfccPort, ingestPort, writerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const ingestUrl = `http://127.0.0.1:${ingestPort}`;
  const wairSim = spawnService(
    'wair-simulator',
    {
      LOG_LEVEL: 'warn',
      SEED: scenario.seed,
      SKU_COUNT: String(scenario.skus),
      STORES: String(scenario.locations - 2),
      CHANGES_PER_SECOND: '0',
      DISPATCH_EVERY: '0',
      WEBHOOK_URL: `${ingestUrl}/webhooks/wair`,
      WEBHOOK_LOSS_RATE: String(scenario.webhookLoss),
      WEBHOOK_DUPLICATE_RATE: '0.05',
      WEBHOOK_REORDER_RATE: '0.05',
    },
    wairPort,
  );
  const sfccSim = spawnService(
    'sfcc-simulator',
    {
      LOG_LEVEL: 'warn',
      SIM_SEED: scenario.seed,
      SIM_SKU_COUNT: String(scenario.skus),
      SIM_MISMATCH_SHARE: '0',
      SIM_ORDERS_PER_MINUTE: '0',
      SIM_INVENTORY_LISTS: 'inventory_webshop,inventory_stores',
      SIM_RATE_LIMIT_PER_SECOND: String(scenario.sfccRatePerSecond),
    },
    sfccPort,
  );
  const started: SpawnedService[] = [wairSim, sfccSim];
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop('SIGTERM')));
  };
  try {
    await Promise.all([wairSim.waitUntilReady(120_000), sfccSim.waitUntilReady(120_000)]);
    const env = {
      ingest: ingestEnv(s, wairSim.opsUrl),
      writer: writerEnv(s, sfccSim.opsUrl, uniqueName('bench.writer')),
    };
    const ingest = spawnService('wair-ingest', env.ingest, ingestPort);
    started.push(ingest);
    const writer = spawnWriter(env.writer, s.topics, writerPort);
    started.push(writer);
    await Promise.all([ingest.waitUntilReady(180_000), writer.waitUntilReady(180_000)]);
    const system: BenchProcesses = {
      wairSim,
      sfccSim,
      ingest,
      writer,
      env,
      async stop() {
        await Promise.all(
          [system.ingest, system.writer, system.wairSim, system.sfccSim].map((p) => p.stop('SIGTERM')),
        );
      },
    };
    return system;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Removes the run's topics and their DLQs from the broker (best effort). */
export async function deleteTopics(brokers: string[], names: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = names.flatMap((n) => [n, `${n}.dlq`]).filter((n) => existing.has(n));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
