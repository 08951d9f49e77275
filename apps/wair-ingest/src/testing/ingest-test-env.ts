import { TOPICS, findTopic } from '@wair-sfcc/contracts';
import { createTestTopic, topicSpecFor, uniqueName, waitFor } from '@wair-sfcc/kafka/testing';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';

/** SIGKILLs a spawned service: no graceful stop, no final commit. */
export async function killHard(service: SpawnedService): Promise<void> {
  await service.stop('SIGKILL');
}

export const SIM_TENANT = 'int-tenant';
export const SIM_SECRET = 'int-webhook-secret';

/** Unique topics for one test, with the env that points wair-ingest at them. */
export async function createIngestTopics(
  runtime: KafkaRuntime,
  prefix: string,
): Promise<Record<string, string>> {
  const names = {
    STOCK_TOPIC: [TOPICS.wairStock, uniqueName(`${prefix}.stock`)],
    DISPATCHES_TOPIC: [TOPICS.wairDispatches, uniqueName(`${prefix}.dispatches`)],
    SKUS_TOPIC: [TOPICS.wairSkus, uniqueName(`${prefix}.skus`)],
    CURSOR_TOPIC: [TOPICS.wairIngestCursors, uniqueName(`${prefix}.cursors`)],
    EXCEPTIONS_TOPIC: [TOPICS.integrationExceptions, uniqueName(`${prefix}.exceptions`)],
  } as const;
  const env: Record<string, string> = {};
  for (const [variable, [base, name]] of Object.entries(names)) {
    const spec = findTopic(base);
    if (!spec) throw new Error(`${base} missing from the catalogue`);
    // Metadata of a just-created topic can lag on a busy broker; creating is idempotent.
    await waitFor(
      `topic ${name} created`,
      () => createTestTopic(runtime, topicSpecFor(spec, name), variable !== 'CURSOR_TOPIC').then(() => true),
      20_000,
      500,
    );
    env[variable] = name;
  }
  return env;
}

/** The wair-simulator as its own process, with JSON helpers for its API. */
export interface SimProcess {
  url: string;
  service: SpawnedService;
  get<T>(path: string): Promise<T>;
  put(path: string, body: unknown): Promise<void>;
  post(path: string): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnSimulator(env: Record<string, string>): Promise<SimProcess> {
  // Below the kernel's ephemeral range (32768+), where an outgoing connection may already hold it.
  const port = 22000 + Math.floor(Math.random() * 6000);
  const service = spawnService(
    'wair-simulator',
    { WAIR_TENANT: SIM_TENANT, WEBHOOK_SECRET: SIM_SECRET, LOG_LEVEL: 'warn', ...env },
    port,
  );
  await service.waitUntilReady();
  const url = service.opsUrl;
  const send = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    url,
    service,
    get: async <T>(path: string) => (await (await send('GET', path)).json()) as T,
    put: async (path, body) => void (await send('PUT', path, body)).arrayBuffer(),
    post: async (path) => void (await send('POST', path, {})).arrayBuffer(),
    // SIGTERM: tsx forwards it to the app; a SIGKILL would orphan the app process tsx started.
    stop: async () => void (await service.stop('SIGTERM')),
  };
}

/** The simulator's true figures of one SKU. */
export interface SimTruth {
  skuCode: string;
  sequence: number;
  locations: Array<{
    locationCode: string;
    onHand: number;
    reserved: number;
    available: number;
    sequence: number;
  }>;
}

/** Waits until the simulator has generated at least `n` changes. */
export async function waitForChanges(sim: SimProcess, n: number, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    `${n} simulated changes`,
    async () => (await sim.get<{ changesGenerated: number }>('/__sim/counters')).changesGenerated >= n,
    timeoutMs,
    200,
  );
}

/** The env wair-ingest needs to poll the simulator. */
export function ingestEnvFor(sim: SimProcess): Record<string, string> {
  return {
    WAIR_BASE_URL: sim.url,
    WAIR_TENANT: SIM_TENANT,
    WAIR_USERNAME: 'sim-user',
    WAIR_PASSWORD: 'sim-password',
    WEBHOOK_SECRET: SIM_SECRET,
    WAIR_LOCATIONS: 'WEB01,DC01,ST01,ST02',
  };
}

/** A location list as comparable text (`LOC:onHand/reserved/available#sequence`, sorted), from the topic or the simulator. */
export const figuresOf = (
  locations: ReadonlyArray<{
    locationCode: string;
    onHand: number;
    reserved: number;
    available?: number;
    sequence: number;
  }>,
): string =>
  [...locations]
    .map((l) => `${l.locationCode}:${l.onHand}/${l.reserved}/${l.available ?? '-'}#${l.sequence}`)
    .sort()
    .join(' ');
