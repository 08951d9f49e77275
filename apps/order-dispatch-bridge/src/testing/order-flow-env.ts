// Test helpers for the bridge's end-to-end specs: both simulators, wair-ingest and the bridge as
// processes on the real Kafka stack, each run on its own topics (never imported by service code).
import { TOPICS, findTopic, type TopicSpec } from '@wair-sfcc/contracts';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import type { BridgeTopics } from '../app/bridge-topics';
import { freePort, spawnBridge, type BridgeProcess } from './bridge-process';
import { createSimClient, type SimClient } from './sim-client';

const spec = (name: string): TopicSpec => findTopic(name) as TopicSpec;

/** Catalogue size and seed both simulators share, so WAIR knows every SKU SFCC sells. */
const SEED = 'order-flow';
const SKU_COUNT = '60';

export interface OrderFlowOptions {
  prefix: string;
  /** wair-simulator env (FULFILMENT_DELAY_MS, FULFILMENT_SPLIT_RATE, ...). */
  wair?: Record<string, string>;
  /** Start wair-ingest (the real path of dispatches); false when the test publishes dispatches. */
  ingest?: boolean;
}

/** The SFCC order as the simulator's `/__sim/orders` shows it (only what the tests read). */
export interface SimOrder {
  orderNo: string;
  status: string;
  exportStatus: string;
  shippingStatus: string;
  productItems: Array<{ itemId: string; productId?: string; quantity: number }>;
  shipments: Array<{ shipmentId: string; shippingStatus: string; trackingNumber?: string }>;
  customerInfo: { customerName: string; email: string };
  billingAddress: { firstName: string; lastName: string; address1: string; city: string };
  /** The `c_*` attributes (SCAPI serves them as top-level keys). */
  custom: Record<string, string | number | boolean>;
}

export interface DispatchEmails {
  total: number;
  duplicates: number;
  byOrder: Record<string, { emails: number; duplicates: number }>;
  emails: Array<{ orderNo: string; eventId: string; trackingNumber: string; duplicate: boolean }>;
}

export interface WairSale {
  id: string;
  code: string;
  saleType: string;
  status: string;
  lines: Record<string, number>;
  open: Record<string, number>;
  acceptedPosts: number;
}

export interface WairSales {
  counters: Record<string, number>;
  batches: Record<string, unknown>;
  sales: WairSale[];
  stockNotForReplenishment: Array<{ id: string; orderNumber: string; quantity: number }>;
}

export type OrderFlowEnv = Awaited<ReturnType<typeof startOrderFlow>>;

async function spawnSim(app: string, env: Record<string, string>): Promise<[SpawnedService, SimClient]> {
  const service = spawnService(app, { LOG_LEVEL: 'warn', ...env }, await freePort());
  await service.waitUntilReady(90_000);
  return [service, createSimClient(service.opsUrl)];
}

/**
 * Creates the run's topics, starts the SFCC and WAIR simulators (and wair-ingest) and returns
 * what a test needs to place orders, start and kill bridges, and read both systems' truth.
 */
export async function startOrderFlow(options: OrderFlowOptions) {
  const run = uniqueName(options.prefix);
  const runtime: KafkaRuntime = createIntegrationRuntime(options.prefix);
  const topics: BridgeTopics = {
    dispatches: `${run}.dispatches`,
    orders: `${run}.orders`,
    fulfilment: `${run}.fulfilment`,
    exceptions: `${run}.exceptions`,
  };
  const ingestTopics = {
    STOCK_TOPIC: `${run}.stock`,
    DISPATCHES_TOPIC: topics.dispatches,
    SKUS_TOPIC: `${run}.skus`,
    CURSOR_TOPIC: `${run}.cursors`,
    EXCEPTIONS_TOPIC: `${run}.ingest-exceptions`,
  };
  const created: Array<[string, string, boolean]> = [
    [TOPICS.wairDispatches, topics.dispatches, true],
    [TOPICS.sfccOrders, topics.orders, false],
    [TOPICS.sfccFulfilment, topics.fulfilment, false],
    [TOPICS.integrationExceptions, topics.exceptions, false],
  ];
  if (options.ingest !== false)
    created.push(
      [TOPICS.wairStock, ingestTopics.STOCK_TOPIC, true],
      [TOPICS.wairSkus, ingestTopics.SKUS_TOPIC, true],
      [TOPICS.wairIngestCursors, ingestTopics.CURSOR_TOPIC, false],
      [TOPICS.integrationExceptions, ingestTopics.EXCEPTIONS_TOPIC, false],
    );
  for (const [base, name, dlq] of created)
    await waitFor(
      `topic ${name} created`,
      () => createTestTopic(runtime, topicSpecFor(spec(base), name), dlq).then(() => true),
      20_000,
      500,
    );
  const topicNames = created.flatMap(([, name, dlq]) => (dlq ? [name, `${name}.dlq`] : [name]));

  const [[sfccService, sfcc], [wairService, wair]] = await Promise.all([
    spawnSim('sfcc-simulator', {
      SIM_ORDERS_PER_MINUTE: '0',
      SIM_SEED: SEED,
      SIM_SKU_COUNT: SKU_COUNT,
      SIM_MISMATCH_SHARE: '0',
    }),
    spawnSim('wair-simulator', {
      SEED,
      SKU_COUNT,
      CHANGES_PER_SECOND: '0',
      // Only the bridge's orders are dispatched: internal web orders are not SFCC's.
      DISPATCH_EVERY: '0',
      FULFILMENT_DELAY_MS: '500',
      ...options.wair,
    }),
  ]);
  const wairEnv = {
    WAIR_BASE_URL: wair.url,
    WAIR_TENANT: 'sim-tenant',
    WAIR_USERNAME: 'sim-user',
    WAIR_PASSWORD: 'sim-password',
  };
  let ingest: SpawnedService | undefined;
  if (options.ingest !== false) {
    ingest = spawnService(
      'wair-ingest',
      {
        ...ingestTopics,
        ...wairEnv,
        KAFKA_GROUP_ID: `${run}.wair-ingest`,
        WAIR_LOCATIONS: 'WEB01,DC01,ST01,ST02',
        WAIR_MAX_RETRIES: '10',
        POLL_INTERVAL_MS: '250',
        SNAPSHOT_INTERVAL_MS: '0',
        SNAPSHOT_ON_START: 'false',
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await ingest.waitUntilReady(90_000);
  }
  const skus = (await wair.get<Array<{ skuCode: string }>>('/__sim/stock')).map((s) => s.skuCode);
  const bridges: BridgeProcess[] = [];
  let bridgeOutput = '';

  const baseBridgeEnv: Record<string, string> = {
    ...wairEnv,
    SFCC_SCAPI_HOST: sfcc.url,
    SFCC_AM_HOST: sfcc.url,
    KAFKA_GROUP_ID: `${run}.bridge`,
    ORDER_POLL_INTERVAL_MS: '300',
    DISPATCH_RETRY_TICK_MS: '100',
    DISPATCH_RETRY_INITIAL_MS: '200',
    DISPATCH_RETRY_MAX_MS: '2000',
    SFCC_RETRY_MAX_MS: '500',
    SFCC_RATE_PER_SEC: '300',
    SFCC_CONCURRENCY: '8',
    WAIR_TIMEOUT_MS: '5000',
    SFCC_TIMEOUT_MS: '5000',
  };

  return {
    run,
    runtime,
    topics,
    topicNames,
    sfcc,
    wair,
    skus,
    ingest,
    bridgeEnv: (extra: Record<string, string> = {}) => ({ ...baseBridgeEnv, ...extra }),
    /** Starts a bridge process (the env of `bridgeEnv` plus `extra`) and waits until it is ready. */
    async startBridge(extra: Record<string, string> = {}): Promise<BridgeProcess> {
      const bridge = await spawnBridge({ ...baseBridgeEnv, ...extra }, topics);
      bridges.push(bridge);
      return bridge;
    },
    /** Every line every bridge process of this run printed. */
    bridgeLogs: () => bridgeOutput + bridges.map((b) => b.output()).join('\n'),
    async killBridge(bridge: BridgeProcess, signal: NodeJS.Signals = 'SIGKILL') {
      const result = await bridge.kill(signal);
      bridges.splice(bridges.indexOf(bridge), 1);
      bridgeOutput += bridge.output() + '\n';
      return result;
    },
    /** Places a storefront order (forced: the ats check is the inventory issue's subject). */
    placeOrder(lines: Array<{ productId?: string; quantity: number }>, allowMalformed = false) {
      return sfcc.post<SimOrder>('/__sim/orders', { lines, force: true, allowMalformed });
    },
    async sfccOrders(): Promise<Map<string, SimOrder>> {
      const { orders } = await sfcc.get<{ orders: SimOrder[] }>('/__sim/orders');
      return new Map(orders.map((o) => [o.orderNo, o]));
    },
    emails: () => sfcc.get<DispatchEmails>('/__sim/orders/dispatch-emails'),
    wairSales: () => wair.get<WairSales>('/__sim/sales'),
    async stop(): Promise<void> {
      for (const b of [...bridges]) await b.kill('SIGTERM');
      await ingest?.stop('SIGTERM');
      await Promise.all([sfccService.stop('SIGTERM'), wairService.stop('SIGTERM')]);
      await runtime.admin.disconnect();
    },
  };
}
