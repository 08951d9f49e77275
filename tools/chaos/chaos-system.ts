import path from 'node:path';
import { TOPICS, findTopic, type TopicSpec } from '@wair-sfcc/contracts';
import { parseInventoryListMappings, type InventoryListMapping } from '@wair-sfcc/inventory-domain';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import type { ChaosProfile } from './chaos-profile';
import { chaosProcessSpecs, INVENTORY_LISTS, type ProcessName } from './chaos-processes';
import { ManagedProcess, ROOT, type ExitRecord } from './managed-process';
import { sfccSim, wairSim } from './sim-control';

/** The run's own copy of every topic, so nothing shared is read or written. */
export function chaosTopics(prefix: string) {
  return {
    stock: `${prefix}.wair.stock`,
    dispatches: `${prefix}.wair.dispatches`,
    skus: `${prefix}.wair.skus`,
    cursors: `${prefix}.wair-ingest.cursors`,
    products: `${prefix}.sfcc.products`,
    orders: `${prefix}.sfcc.orders`,
    sync: `${prefix}.sfcc.inventory-sync`,
    fulfilment: `${prefix}.sfcc.fulfilment`,
    exceptions: `${prefix}.integration.exceptions`,
  };
}
export type ChaosTopics = ReturnType<typeof chaosTopics>;

const CATALOGUE: Record<keyof ChaosTopics, string> = {
  stock: TOPICS.wairStock,
  dispatches: TOPICS.wairDispatches,
  skus: TOPICS.wairSkus,
  cursors: TOPICS.wairIngestCursors,
  products: TOPICS.sfccProducts,
  orders: TOPICS.sfccOrders,
  sync: TOPICS.sfccInventorySync,
  fulfilment: TOPICS.sfccFulfilment,
  exceptions: TOPICS.integrationExceptions,
};

/** Apps the runner SIGKILLs; the simulators stand for WAIR and SFCC and stay up. */
export const APPS = [
  'wair-ingest',
  'sfcc-inventory-writer',
  'order-dispatch-bridge',
  'reconciliation-auditor',
] as const;
export type AppName = (typeof APPS)[number];

export interface ChaosSystemOptions {
  profile: ChaosProfile;
  /** First of 8 consecutive ports, or a function handing out free ones. */
  ports: number | (() => Promise<number>);
  logDir: string;
  prefix?: string;
}

/**
 * Both simulators and the four apps as separate processes on the run's topics — the system
 * `npm start` runs, with time-compressed intervals from the profile — plus the handles the
 * scenarios need: kill/restart any process, the simulators' control APIs, a Kafka runtime.
 */
export async function startChaosSystem(options: ChaosSystemOptions) {
  const { profile } = options;
  const run = uniqueName(options.prefix ?? 'chaos');
  const topics = chaosTopics(run);
  const runtime: KafkaRuntime = createIntegrationRuntime('chaos-runner');
  for (const key of Object.keys(topics) as Array<keyof ChaosTopics>) {
    const spec = topicSpecFor(findTopic(CATALOGUE[key]) as TopicSpec, topics[key]);
    await waitFor(
      `topic ${spec.name}`,
      () => createTestTopic(runtime, spec, key !== 'cursors').then(() => true),
      30_000,
      500,
    );
  }
  let next = typeof options.ports === 'number' ? options.ports : 0;
  const port = async (): Promise<number> => (typeof options.ports === 'number' ? next++ : options.ports());
  const ports = {
    wair: await port(),
    sfcc: await port(),
    ingest: await port(),
    writer: await port(),
    bridge: await port(),
    auditor: await port(),
  };
  const groups = {
    ingest: `${run}.ingest`,
    writer: `${run}.writer`,
    bridge: `${run}.bridge`,
    auditor: `${run}.auditor`,
  };
  const exits: ExitRecord[] = [];
  const logDir = path.join(options.logDir, run);
  const specs = chaosProcessSpecs(profile, topics, ports, groups);
  const processes = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, new ManagedProcess(spec, logDir, exits)]),
  ) as Record<ProcessName, ManagedProcess>;
  type Name = ProcessName;
  const wair = wairSim(processes['wair-simulator'].url);
  const sfcc = sfccSim(processes['sfcc-simulator'].url);
  const lists: InventoryListMapping[] = parseInventoryListMappings(INVENTORY_LISTS);

  const stopAll = async (): Promise<void> => {
    await Promise.all(Object.values(processes).map((p) => p.kill('SIGTERM')));
    await runtime.admin.disconnect().catch(() => undefined);
  };
  try {
    const sims = [processes['wair-simulator'], processes['sfcc-simulator']];
    sims.forEach((p) => p.start());
    await Promise.all(sims.map((p) => p.waitReady()));
    // The auditor's catalog pull feeds the writer's strict-identifier gate: start it first.
    for (const name of ['wair-ingest', 'reconciliation-auditor'] as const) processes[name].start();
    await Promise.all([
      processes['wair-ingest'].waitReady(),
      processes['reconciliation-auditor'].waitReady(),
    ]);
    await waitFor(
      'the catalog on the products topic',
      async () => (await endOffset(runtime, topics.products)) > 0,
      60_000,
      500,
    );
    for (const name of ['sfcc-inventory-writer', 'order-dispatch-bridge'] as const) processes[name].start();
    await Promise.all([
      processes['sfcc-inventory-writer'].waitReady(),
      processes['order-dispatch-bridge'].waitReady(),
    ]);
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    run,
    profile,
    topics,
    groups,
    runtime,
    processes,
    exits,
    logDir,
    wair,
    sfcc,
    lists,
    defaultList: 'inventory_webshop',
    app: (name: Name) => processes[name],
    /** Records on a topic so far (sum of partition end offsets). */
    recordsOn: (topic: string) => endOffset(runtime, topic),
    stop: stopAll,
  };
}

export type ChaosSystem = Awaited<ReturnType<typeof startChaosSystem>>;

async function endOffset(runtime: KafkaRuntime, topic: string): Promise<number> {
  return (await runtime.admin.fetchTopicEndOffsets(topic)).reduce((n, p) => n + Number(p.offset), 0);
}

export { ROOT };
