import type { ChaosProfile } from './chaos-profile';
import type { ChaosTopics } from './chaos-system';
import type { ProcessSpec } from './managed-process';

export const INVENTORY_LISTS = 'inventory_webshop:WEB01+DC01;inventory_stores:ST01+ST02';
const SEED = 'chaos';

/** The webhook stream between scenarios: a little loss, duplication and reordering, as npm start runs it. */
export const BASE_WEBHOOKS = { lossRate: 0.05, duplicateRate: 0.05, reorderRate: 0.05 };

export interface ChaosPorts {
  wair: number;
  sfcc: number;
  ingest: number;
  writer: number;
  bridge: number;
  auditor: number;
}

export type ProcessName =
  | 'wair-simulator'
  | 'sfcc-simulator'
  | 'wair-ingest'
  | 'reconciliation-auditor'
  | 'sfcc-inventory-writer'
  | 'order-dispatch-bridge';

/**
 * How each process of the system is started: entry (main.ts, or a process fixture taking the
 * run's topic names) and environment, intervals time-compressed by the profile.
 */
export function chaosProcessSpecs(
  profile: ChaosProfile,
  topics: ChaosTopics,
  ports: ChaosPorts,
  groups: { ingest: string; writer: string; bridge: string; auditor: string },
): Record<ProcessName, ProcessSpec> {
  const url = (p: number) => `http://127.0.0.1:${p}`;
  const spec = (
    name: ProcessName,
    entry: string,
    port: number,
    env: Record<string, string>,
  ): ProcessSpec => ({
    name,
    entry,
    port,
    env,
  });
  const wairCreds = {
    WAIR_BASE_URL: url(ports.wair),
    WAIR_TENANT: 'sim-tenant',
    WAIR_USERNAME: 'sim-user',
    WAIR_PASSWORD: 'sim-password',
  };
  const sfccCreds = { SFCC_CLIENT_ID: 'sim-client', SFCC_CLIENT_SECRET: 'sim-client-secret' };

  return {
    'wair-simulator': spec('wair-simulator', 'apps/wair-simulator/src/main.ts', ports.wair, {
      SEED,
      SKU_COUNT: String(profile.skuCount),
      STORES: '2',
      CHANGES_PER_SECOND: String(profile.wairChangesPerSecond),
      // Only storefront orders are dispatched, so every parcel has an SFCC order to confirm.
      DISPATCH_EVERY: '0',
      WEBHOOK_URL: `${url(ports.ingest)}/webhooks/wair`,
      WEBHOOK_SECRET: 'sim-webhook-secret',
      WEBHOOK_LOSS_RATE: String(BASE_WEBHOOKS.lossRate),
      WEBHOOK_DUPLICATE_RATE: String(BASE_WEBHOOKS.duplicateRate),
      WEBHOOK_REORDER_RATE: String(BASE_WEBHOOKS.reorderRate),
      FULFILMENT_DELAY_MS: String(profile.fulfilmentDelayMs),
      FULFILMENT_SPLIT_RATE: '0.3',
    }),
    'sfcc-simulator': spec('sfcc-simulator', 'apps/sfcc-simulator/src/main.ts', ports.sfcc, {
      SIM_SEED: SEED,
      SIM_SKU_COUNT: String(profile.skuCount),
      SIM_MISMATCH_SHARE: '0',
      SIM_ORDERS_PER_MINUTE: '0',
    }),
    'wair-ingest': spec('wair-ingest', 'apps/wair-ingest/src/main.ts', ports.ingest, {
      ...wairCreds,
      KAFKA_GROUP_ID: groups.ingest,
      STOCK_TOPIC: topics.stock,
      DISPATCHES_TOPIC: topics.dispatches,
      SKUS_TOPIC: topics.skus,
      CURSOR_TOPIC: topics.cursors,
      EXCEPTIONS_TOPIC: topics.exceptions,
      WEBHOOK_SECRET: 'sim-webhook-secret',
      WAIR_LOCATIONS: 'WEB01,DC01,ST01,ST02',
      WAIR_MAX_RETRIES: '10',
      POLL_INTERVAL_MS: String(profile.pollMs),
      // The simulator corrupts 20 % of serves at random, each serve anew: with the default 3
      // re-reads a record is given up with probability 0.2^4, about one record a run. A real WAIR
      // record stays malformed until fixed (then WairRecordGivenUp tells Ops); here it would not.
      POLL_MALFORMED_REREADS: '8',
      SNAPSHOT_INTERVAL_MS: '0',
    }),
    'reconciliation-auditor': spec(
      'reconciliation-auditor',
      'apps/reconciliation-auditor/src/testing/auditor-process.fixture.ts',
      ports.auditor,
      {
        ...sfccCreds,
        AUDITOR_TEST_TOPICS: JSON.stringify({
          stock: topics.stock,
          skus: topics.skus,
          products: topics.products,
          orders: topics.orders,
          dispatches: topics.dispatches,
          syncs: topics.sync,
          fulfilments: topics.fulfilment,
          exceptions: topics.exceptions,
        }),
        KAFKA_GROUP_ID: groups.auditor,
        SFCC_SCAPI_HOST: url(ports.sfcc),
        SFCC_AM_HOST: url(ports.sfcc),
        SFCC_OCAPI_HOST: url(ports.sfcc),
        SFCC_ORGANIZATION_ID: 'f_ecom_zzzz_001',
        CATALOG_PULL_INTERVAL_MS: String(Math.max(5_000, profile.pollMs * 5)),
        INVENTORY_LISTS,
        LAG_WATCH_GROUPS: `${groups.writer}:${topics.stock};${groups.bridge}:${topics.dispatches}`,
        API_BASIC_USER: 'ops',
        API_BASIC_PASSWORD: 'chaos-dashboard',
      },
    ),
    'sfcc-inventory-writer': spec(
      'sfcc-inventory-writer',
      'apps/sfcc-inventory-writer/src/app/writer-process.fixture.ts',
      ports.writer,
      {
        ...sfccCreds,
        WRITER_TEST_TOPICS: JSON.stringify({
          stock: topics.stock,
          products: topics.products,
          orders: topics.orders,
          sync: topics.sync,
          exceptions: topics.exceptions,
        }),
        KAFKA_GROUP_ID: groups.writer,
        SFCC_HOST: url(ports.sfcc),
        INVENTORY_LISTS,
        SFCC_RATE_PER_SEC: '50',
        FULL_REFRESH_CRON: 'off',
        SFCC_BREAKER_RESET_MS: '2000',
        SFCC_RETRY_MAX_MS: '2000',
      },
    ),
    'order-dispatch-bridge': spec(
      'order-dispatch-bridge',
      'apps/order-dispatch-bridge/src/testing/bridge-process.fixture.ts',
      ports.bridge,
      {
        ...wairCreds,
        ...sfccCreds,
        BRIDGE_TEST_TOPICS: JSON.stringify({
          dispatches: topics.dispatches,
          orders: topics.orders,
          fulfilment: topics.fulfilment,
          exceptions: topics.exceptions,
        }),
        KAFKA_GROUP_ID: groups.bridge,
        SFCC_SCAPI_HOST: url(ports.sfcc),
        SFCC_AM_HOST: url(ports.sfcc),
        WAIR_MAX_RETRIES: '10',
        ORDER_POLL_INTERVAL_MS: String(profile.pollMs),
        DISPATCH_RETRY_TICK_MS: '200',
        DISPATCH_RETRY_INITIAL_MS: '500',
        DISPATCH_RETRY_MAX_MS: '5000',
        DISPATCH_SLOW_RETRY_MS: '10000',
        SFCC_RETRY_MAX_MS: '2000',
        SFCC_RATE_PER_SEC: '200',
        SFCC_CONCURRENCY: '8',
      },
    ),
  };
}
