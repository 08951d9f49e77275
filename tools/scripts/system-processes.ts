/**
 * What `npm start` runs, in start order. Later apps (simulators, ...) are added here with their
 * ops port and environment; everything else about starting and stopping them is shared.
 */
export interface SystemProcess {
  app: SystemApp;
  opsPort: number;
  env?: Record<string, string>;
  /** Printed next to the process once it is ready. */
  links?: Array<{ label: string; path: string }>;
}

/** Every process `npm start` runs. */
export const SYSTEM_APPS = [
  'wair-simulator',
  'wair-ingest',
  'sfcc-inventory-writer',
  'order-dispatch-bridge',
  'reconciliation-auditor',
  'sfcc-simulator',
] as const;
export type SystemApp = (typeof SYSTEM_APPS)[number];

/** The ops port of each process; the apps' own OPS_PORT defaults, so the docs' URLs hold. */
export type SystemPorts = Record<SystemApp, number>;
export const DEFAULT_PORTS: SystemPorts = {
  'wair-simulator': 8301,
  'wair-ingest': 9301,
  'sfcc-inventory-writer': 9302,
  'order-dispatch-bridge': 9303,
  'reconciliation-auditor': 9304,
  'sfcc-simulator': 8302,
};

/** Local-only credentials `npm start` gives the apps and prints for the ops CLI; never used in production. */
export const LOCAL_API_TOKEN = 'local-ops-token-0123456789';
export const LOCAL_ADMIN_TOKEN = 'local-admin-token-0123456789';

/**
 * The processes wired to each other on `ports`: every URL one process uses to reach another is
 * set here from the chosen ports, never left to an app's default, so moved ports stay connected.
 */
export function systemProcesses(ports: SystemPorts = DEFAULT_PORTS, startedAt = Date.now()): SystemProcess[] {
  const url = (app: SystemApp): string => `http://127.0.0.1:${ports[app]}`;
  const wair = url('wair-simulator');
  const sfcc = url('sfcc-simulator');
  return [
    {
      app: 'wair-simulator',
      opsPort: ports['wair-simulator'],
      // A steady, lossy webhook stream into wair-ingest; polling repairs what is lost. Sequences
      // start above the start time in seconds (within WAIR's int range): the topics keep earlier
      // runs' figures, and the real WAIR's sequences never go back, so a fresh simulator must
      // number above them.
      env: {
        SEQUENCE_BASE: String(Math.floor(startedAt / 1000)),
        CHANGES_PER_SECOND: '5',
        WEBHOOK_URL: `${url('wair-ingest')}/webhooks/wair`,
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
      opsPort: ports['wair-ingest'],
      // The wair-simulator's fixture tenant and user, not real credentials.
      env: {
        WAIR_BASE_URL: wair,
        WAIR_TENANT: 'sim-tenant',
        WAIR_USERNAME: 'sim-user',
        WAIR_PASSWORD: 'sim-password',
        WEBHOOK_SECRET: 'sim-webhook-secret',
        WAIR_LOCATIONS: 'WEB01,DC01,ST01,ST02',
      },
    },
    // Local-only admin token (for `npm run ops -- resync`); production takes it from a Secret.
    {
      app: 'sfcc-inventory-writer',
      opsPort: ports['sfcc-inventory-writer'],
      env: { ADMIN_TOKEN: LOCAL_ADMIN_TOKEN, SFCC_HOST: sfcc },
    },
    {
      app: 'order-dispatch-bridge',
      opsPort: ports['order-dispatch-bridge'],
      env: { SFCC_SCAPI_HOST: sfcc, SFCC_AM_HOST: sfcc, WAIR_BASE_URL: wair },
    },
    {
      app: 'reconciliation-auditor',
      opsPort: ports['reconciliation-auditor'],
      // Catalog pull from the SFCC simulator (its fixture client, not a real credential).
      env: {
        SFCC_SCAPI_HOST: sfcc,
        SFCC_AM_HOST: sfcc,
        SFCC_CLIENT_ID: 'sim-client',
        SFCC_CLIENT_SECRET: 'sim-client-secret',
        SFCC_ORGANIZATION_ID: 'f_ecom_zzzz_001',
        CATALOG_PULL_INTERVAL_MS: '60000',
        // Drift audit reads inventory back from the simulator's OCAPI.
        SFCC_OCAPI_HOST: sfcc,
        // A local-only dashboard login, printed by npm start; production takes it from a Secret.
        API_BASIC_USER: 'ops',
        API_BASIC_PASSWORD: 'local-dashboard',
        API_TOKEN: LOCAL_API_TOKEN,
      },
      links: [{ label: 'dashboard (login ops / local-dashboard)', path: '/dashboard/' }],
    },
    {
      app: 'sfcc-simulator',
      opsPort: ports['sfcc-simulator'],
      env: { SIM_ORDERS_PER_MINUTE: '30' },
      links: [{ label: 'inventory', path: '/__sim/inventory' }],
    },
  ];
}
