// Test helpers for the writer's integration specs against the real sfcc-simulator (never imported
// by service code).
import { TOPICS, findTopic, type SfccProduct, type StockLevel } from '@wair-sfcc/contracts';
import type { KafkaRuntime, TypedProducer } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
} from '@wair-sfcc/kafka/testing';
import { spawnService, type SpawnedService, freeLowPort } from '@wair-sfcc/testing';
import type { WriterTopics } from './writer-topics';

export const LIST = 'inventory_webshop';

const spec = (name: string) => findTopic(name) as NonNullable<ReturnType<typeof findTopic>>;

/** Test services listen below the ephemeral port range (see `freeLowPort`). */
export const freePort = (): Promise<number> => freeLowPort();

/** One write as the simulator's history records it. */
export interface SimWrite {
  seq: number;
  at: string;
  via: 'ocapi' | 'batch' | 'impex';
  operation: string;
  listId: string;
  productId: string;
  allocation?: number;
  resetDate?: string;
}

export interface SimRequestCount {
  endpoint: string;
  method: string;
  status: number;
  count: number;
}

/** One IMPEX job execution as the simulator's `/__sim/jobs` lists it. */
export interface SimJobExecution {
  id: string;
  jobId: string;
  status: 'pending' | 'running' | 'finished';
  /** The job's parameters; `ImportFile` names the uploaded file under `Impex/src`. */
  parameters: Array<{ name: string; value: string }>;
  imported: number;
  exit?: { ok: boolean; message: string };
}

/** The simulator as a process, with its `/__sim/` API. */
export async function startSimulator(env: Record<string, string> = {}) {
  const service: SpawnedService = spawnService(
    'sfcc-simulator',
    { SIM_ORDERS_PER_MINUTE: '0', SIM_SKU_COUNT: '20', LOG_LEVEL: 'warn', ...env },
    await freePort(),
  );
  await service.waitUntilReady(60_000);
  const url = service.opsUrl;
  const sim = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const send = () =>
      fetch(`${url}/__sim${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A test busy for seconds with 100,000-row checks can reuse a keep-alive socket the simulator
    // has just closed ("other side closed", CI): a read is safe to send again on a new socket.
    const res = await send().catch((error: unknown) => {
      if (method !== 'GET') throw error;
      return send();
    });
    if (!res.ok) throw new Error(`/__sim${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    service,
    url,
    faults: (settings: Record<string, unknown>) => sim('/faults', 'PUT', settings),
    settings: (settings: Record<string, unknown>) => sim('/settings', 'PUT', settings),
    revokeTokens: () => sim<{ revoked: number }>('/tokens/revoke', 'POST', {}),
    writes: async (sinceSeq = 0) =>
      (await sim<{ writes: SimWrite[] }>(`/writes?sinceSeq=${sinceSeq}`)).writes,
    requests: async () => (await sim<{ requests: SimRequestCount[] }>('/requests')).requests,
    jobs: async () => (await sim<{ executions: SimJobExecution[] }>('/jobs')).executions,
    /** Current allocation per product id of one list. */
    async allocations(list = LIST): Promise<Map<string, { amount: number; resetDate: string }>> {
      const { records } = await sim<{
        records: Array<{ product_id: string; allocation: { amount: number; reset_date: string } }>;
      }>(`/inventory?list=${list}`);
      return new Map(
        records.map((r) => [
          r.product_id,
          { amount: r.allocation.amount, resetDate: r.allocation.reset_date },
        ]),
      );
    },
    stop: () => service.stop('SIGTERM'),
  };
}

export type SimHandle = Awaited<ReturnType<typeof startSimulator>>;

/** The writer's topics under a test run's unique prefix. */
export function writerTopicNames(run: string): WriterTopics {
  return {
    stock: `${run}.stock`,
    products: `${run}.products`,
    orders: `${run}.orders`,
    sync: `${run}.sync`,
    exceptions: `${run}.exceptions`,
  };
}

/** Unique copies of the writer's topics, created on the dev stack, and a producer for them. */
export async function createWriterTopics(prefix: string) {
  const run = uniqueName(prefix);
  const topics = writerTopicNames(run);
  const runtime: KafkaRuntime = createIntegrationRuntime(prefix);
  const specs = {
    stock: topicSpecFor(spec(TOPICS.wairStock), topics.stock),
    products: topicSpecFor(spec(TOPICS.sfccProducts), topics.products),
    orders: topicSpecFor(spec(TOPICS.sfccOrders), topics.orders),
  };
  await createTestTopic(runtime, specs.stock);
  for (const s of [
    specs.products,
    specs.orders,
    topicSpecFor(spec(TOPICS.sfccInventorySync), topics.sync),
    topicSpecFor(spec(TOPICS.integrationExceptions), topics.exceptions),
  ])
    await createTestTopic(runtime, s, false);
  const producer: TypedProducer = runtime.producer({ topics: Object.values(specs) });
  await producer.connect();
  return {
    run,
    topics,
    runtime,
    producer,
    /** Publishes a sellable-variant catalog snapshot for the SKUs (the strict-identifier gate). */
    async publishCatalog(skus: readonly string[]): Promise<void> {
      const pulledAt = Date.now();
      const product = (productId: string): SfccProduct => ({
        productId,
        type: 'VARIANT',
        masterId: 'M',
        variationValues: {},
        online: true,
        searchable: true,
        pulledAt,
      });
      for (let i = 0; i < skus.length; i += 5_000) {
        await producer.sendMany(
          skus.slice(i, i + 5_000).map((sku) => ({ topic: topics.products, key: sku, value: product(sku) })),
        );
      }
    },
    async publishStock(figures: readonly StockLevel[]): Promise<void> {
      for (let i = 0; i < figures.length; i += 5_000) {
        await producer.sendMany(
          figures.slice(i, i + 5_000).map((f) => ({ topic: topics.stock, key: f.sku, value: f })),
        );
      }
    },
    async close(): Promise<void> {
      await producer.disconnect();
      await runtime.admin.disconnect();
    },
  };
}

/** A WAIR figure for one SKU held only at DC01 (which feeds LIST one to one, buffer 0). */
export function stockFigure(sku: string, asOf: number, seq: number, units: number): StockLevel {
  return {
    sku,
    asOf,
    sourceSequence: seq,
    origin: 'WEBHOOK',
    ingestedAt: asOf,
    locations: [
      { locationCode: 'DC01', onHand: units, reserved: 0, available: units, modifiedAt: asOf, sequence: seq },
    ],
  };
}

/** Writer env for a run against the simulator (merged over the test's own env). */
export function writerEnv(sim: SimHandle, groupPrefix: string, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    KAFKA_GROUP_ID: uniqueName(`${groupPrefix}.group`),
    OPS_PORT: '0',
    LOG_LEVEL: 'silent',
    SFCC_HOST: sim.url,
    INVENTORY_LISTS: `${LIST}:WEB01+DC01`,
    CLOCK_SKEW_MARGIN_MS: '0',
    COMMIT_INTERVAL_MS: '200',
    FULL_REFRESH_CRON: 'off',
    ...extra,
  } as Record<string, string>;
}

/**
 * Writes that went backwards for their key: a reset date older than the previous write's, or (when
 * the test's figures only rise) a smaller allocation.
 */
export function regressions(writes: readonly SimWrite[], allocationsRise = false): string[] {
  const last = new Map<string, SimWrite>();
  const bad: string[] = [];
  for (const w of [...writes].sort((a, b) => a.seq - b.seq)) {
    const key = `${w.listId}/${w.productId}`;
    const prev = last.get(key);
    if (prev?.resetDate && w.resetDate && Date.parse(w.resetDate) < Date.parse(prev.resetDate)) {
      bad.push(`${key}: ${prev.resetDate} then ${w.resetDate}`);
    }
    if (allocationsRise && (w.allocation ?? 0) < (prev?.allocation ?? 0)) {
      bad.push(`${key}: allocation ${prev?.allocation} then ${w.allocation}`);
    }
    last.set(key, w);
  }
  return bad;
}
