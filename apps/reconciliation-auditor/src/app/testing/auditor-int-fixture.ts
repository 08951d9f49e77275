// Integration-test fixture: the auditor in-process over unique copies of its topics on the dev
// stack (never imported by service code).
import { findTopic, type IntegrationException, type TopicSpec } from '@wair-sfcc/contracts';
import type { KafkaRuntime, TableReader, TypedProducer } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { freeLowPort, spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { loadConfig, type AuditorConfig } from '../config';
import { createApp, type AuditorDeps, type AuditorService } from '../create-app';
import { TABLE_TOPICS, type TableName } from '../state/auditor-tables';

/** Every scheduled audit off: a spec turns on the ones it exercises. */
export const AUDITS_OFF = {
  AUDIT_SKU_MISMATCH_INTERVAL_MS: '0',
  AUDIT_INVENTORY_DRIFT_INTERVAL_MS: '0',
  AUDIT_SYNC_DELAY_INTERVAL_MS: '0',
  AUDIT_DISPATCH_NOT_CONFIRMED_INTERVAL_MS: '0',
  AUDIT_ORDER_NOT_ACCEPTED_INTERVAL_MS: '0',
};

export interface AuditorIntFixture {
  runtime: KafkaRuntime;
  producer: TypedProducer;
  topics: Record<TableName, string>;
  /** `integration.exceptions.v1` (the unique copy) as the auditor publishes it. */
  exceptions: TableReader<IntegrationException>;
  config(env: Record<string, string>): AuditorConfig;
  /** Starts the auditor with its ops server (and `/api`) on a free loopback port. */
  start(
    env: Record<string, string>,
    deps?: Partial<AuditorDeps>,
  ): Promise<{ service: AuditorService; url: string }>;
  /** Waits until exception `id` is in `state` on the topic, and returns it. */
  waitForState(
    id: string,
    state: IntegrationException['state'],
    timeoutMs?: number,
  ): Promise<IntegrationException>;
  close(): Promise<void>;
}

export async function createAuditorIntFixture(prefix: string): Promise<AuditorIntFixture> {
  const runtime = createIntegrationRuntime(prefix);
  const topics = {} as Record<TableName, string>;
  const specs: TopicSpec[] = [];
  for (const [name, base] of Object.entries(TABLE_TOPICS) as Array<[TableName, string]>) {
    const spec = topicSpecFor(findTopic(base) as TopicSpec, uniqueName(`${base}.${prefix}`));
    await createTestTopic(runtime, spec, false);
    topics[name] = spec.name;
    specs.push(spec);
  }
  const producer = runtime.producer({ topics: specs });
  await producer.connect();
  const exceptions = runtime.tableReader<IntegrationException>({ topic: topics.exceptions });
  await exceptions.start();
  const apps: AuditorService[] = [];
  const config = (env: Record<string, string>) =>
    loadConfig({
      ...process.env,
      OPS_PORT: '0',
      LOG_LEVEL: 'silent',
      API_ALLOW_ANONYMOUS: 'true',
      ...AUDITS_OFF,
      ...env,
    });
  return {
    runtime,
    producer,
    topics,
    exceptions,
    config,
    async start(env, deps = {}) {
      const port = await freeLowPort();
      const app = createApp({
        config: config({ OPS_HOST: '127.0.0.1', ...env, OPS_PORT: String(port) }),
        logger: createLogger({ app: prefix, level: 'silent' }),
        kafka: runtime,
        topics,
        ...deps,
      });
      apps.push(app);
      await app.start();
      return { service: app, url: `http://127.0.0.1:${port}` };
    },
    waitForState: (id, state, timeoutMs = 20_000) =>
      waitFor(
        `${id} ${state} on the topic`,
        () => {
          const e = exceptions.get(id);
          return e?.state === state ? e : undefined;
        },
        timeoutMs,
      ),
    async close() {
      for (const app of apps) await app.stop();
      await exceptions.stop();
      await producer.disconnect();
      await runtime.admin.disconnect();
    },
  };
}

/** The real sfcc-simulator as a process (its fixture API client: sim-client / sim-client-secret). */
export async function startSfccSimulator(
  env: Record<string, string> = {},
): Promise<{ service: SpawnedService; url: string; clientId: string; clientSecret: string }> {
  const service = spawnService(
    'sfcc-simulator',
    { SIM_ORDERS_PER_MINUTE: '0', SIM_SKU_COUNT: '20', LOG_LEVEL: 'warn', ...env },
    await freeLowPort(),
  );
  await service.waitUntilReady(60_000);
  return { service, url: service.opsUrl, clientId: 'sim-client', clientSecret: 'sim-client-secret' };
}
