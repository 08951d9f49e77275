/**
 * What `npm start` runs, in start order. Later apps (simulators, ...) are added here with their
 * ops port and environment; everything else about starting and stopping them is shared.
 */
export interface SystemProcess {
  app: string;
  opsPort: number;
  env?: Record<string, string>;
  /** Printed next to the process once it is ready. */
  links?: Array<{ label: string; path: string }>;
}

/** Local-only credentials `npm start` gives the apps and prints for the ops CLI; never used in production. */
export const LOCAL_API_TOKEN = 'local-ops-token-0123456789';
export const LOCAL_ADMIN_TOKEN = 'local-admin-token-0123456789';

export const SYSTEM_PROCESSES: SystemProcess[] = [
  {
    app: 'wair-simulator',
    opsPort: 8301,
    // A steady, lossy webhook stream into wair-ingest; polling repairs what is lost.
    env: {
      CHANGES_PER_SECOND: '5',
      WEBHOOK_URL: 'http://127.0.0.1:9301/webhooks/wair',
      WEBHOOK_LOSS_RATE: '0.05',
      WEBHOOK_DUPLICATE_RATE: '0.05',
      WEBHOOK_REORDER_RATE: '0.05',
    },
    links: [
      { label: 'true stock', path: '/__sim/stock' },
      { label: 'counters', path: '/__sim/counters' },
    ],
  },
  {
    app: 'wair-ingest',
    opsPort: 9301,
    // The wair-simulator's fixture tenant and user, not real credentials.
    env: {
      WAIR_BASE_URL: 'http://127.0.0.1:8301',
      WAIR_TENANT: 'sim-tenant',
      WAIR_USERNAME: 'sim-user',
      WAIR_PASSWORD: 'sim-password',
      WEBHOOK_SECRET: 'sim-webhook-secret',
      WAIR_LOCATIONS: 'WEB01,DC01,ST01,ST02',
    },
  },
  // Local-only admin token (for `npm run ops -- resync`); production takes it from a Secret.
  { app: 'sfcc-inventory-writer', opsPort: 9302, env: { ADMIN_TOKEN: LOCAL_ADMIN_TOKEN } },
  { app: 'order-dispatch-bridge', opsPort: 9303 },
  {
    app: 'reconciliation-auditor',
    opsPort: 9304,
    // Catalog pull from the SFCC simulator (its fixture client, not a real credential).
    env: {
      SFCC_SCAPI_HOST: 'http://127.0.0.1:8302',
      SFCC_AM_HOST: 'http://127.0.0.1:8302',
      SFCC_CLIENT_ID: 'sim-client',
      SFCC_CLIENT_SECRET: 'sim-client-secret',
      SFCC_ORGANIZATION_ID: 'f_ecom_zzzz_001',
      CATALOG_PULL_INTERVAL_MS: '60000',
      // Drift audit reads inventory back from the simulator's OCAPI.
      SFCC_OCAPI_HOST: 'http://127.0.0.1:8302',
      // A local-only dashboard login, printed by npm start; production takes it from a Secret.
      API_BASIC_USER: 'ops',
      API_BASIC_PASSWORD: 'local-dashboard',
      API_TOKEN: LOCAL_API_TOKEN,
    },
    links: [{ label: 'dashboard (login ops / local-dashboard)', path: '/dashboard/' }],
  },
  {
    app: 'sfcc-simulator',
    opsPort: 8302,
    env: { SIM_ORDERS_PER_MINUTE: '30' },
    links: [{ label: 'inventory', path: '/__sim/inventory' }],
  },
];
