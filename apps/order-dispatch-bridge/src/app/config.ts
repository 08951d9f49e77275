import { z } from 'zod';
import {
  baseAppEnvSchema,
  parseEnv,
  opsPortField,
  consumerGroupField,
  refuseFixtureCredentialsOffLoopback,
} from '@wair-sfcc/app-runtime';

export const APP_NAME = 'order-dispatch-bridge';

const ms = (fallback: number, what: string) =>
  z.coerce.number().int().min(0).default(fallback).describe(what);
const count = (fallback: number, min: number, max: number, what: string) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(what);
const attributeName = (what: string) =>
  z
    .string()
    .regex(/^(c_[A-Za-z0-9_]+)?$/, 'expected a custom attribute name starting with c_, or empty')
    .default('')
    .describe(what);

/** Environment variables of the order and dispatch bridge (names are the keys). */
export const configSchema = baseAppEnvSchema
  .extend({
    OPS_PORT: opsPortField(9303, '/livez, /readyz and /metrics'),
    KAFKA_GROUP_ID: consumerGroupField(APP_NAME),
    SFCC_SCAPI_HOST: z
      .url()
      .default('http://127.0.0.1:8302')
      .describe(
        'SCAPI base URL (https://<shortCode>.api.commercecloud.salesforce.com, or the SFCC simulator) for the Orders admin API.',
      ),
    SFCC_AM_HOST: z
      .url()
      .default('http://127.0.0.1:8302')
      .describe(
        'Account Manager base URL for the client-credentials token (https://account.demandware.com; the SFCC simulator locally).',
      ),
    SFCC_CLIENT_ID: z
      .string()
      .min(1)
      .default('sim-client')
      .describe(
        'API client id (Account Manager) of the bridge; the default is the sfcc-simulator fixture client.',
      ),
    SFCC_CLIENT_SECRET: z
      .string()
      .min(1)
      .default('sim-client-secret')
      .describe(
        'API client secret (Account Manager); from a secret store in production, never logged. The default only fits the sfcc-simulator fixture client and is refused against any host but 127.0.0.1 or localhost.',
      ),
    SFCC_ORGANIZATION_ID: z
      .string()
      .regex(/^f_ecom_[A-Za-z0-9_]+$/, 'expected f_ecom_<realm>_<instance>')
      .default('f_ecom_zzzz_001')
      .describe('SCAPI organization id (f_ecom_<realm>_<instance>).'),
    SFCC_SITE_ID: z.string().min(1).default('RefArch').describe('Site whose orders the bridge exports.'),
    SFCC_RATE_PER_SEC: z.coerce
      .number()
      .positive()
      .default(25)
      .describe(
        'Ceiling of SCAPI Orders requests per second; lowered automatically when SFCC sheds load. An order costs about 5 calls over its life (listing share, export status, shipment event, shipping status, attributes), so 25/s carries about 5 orders/s; 50 orders/s needs about 250.',
      ),
    SFCC_CONCURRENCY: count(
      8,
      1,
      32,
      'SCAPI Orders requests in flight at once; with a ~0.1 s round trip, 8 carry about 80 calls/s.',
    ),
    SFCC_RETRY_MAX_MS: ms(
      5_000,
      'Ceiling of the jittered backoff between retries of one SCAPI call, in milliseconds.',
    ),
    SFCC_TIMEOUT_MS: ms(30_000, 'Timeout of one SCAPI call, in milliseconds.'),
    SFCC_BREAKER_RESET_MS: ms(
      10_000,
      'How long the circuit breaker stays open after SCAPI failed repeatedly before it lets a trial call through; short, so orders and dispatches move again soon after an outage.',
    ),
    WAIR_BASE_URL: z
      .url()
      .default('http://127.0.0.1:8301')
      .describe('Base URL of the WAIR API the orders are sent to (locally the wair-simulator).'),
    WAIR_TENANT: z
      .string()
      .min(1)
      .default('sim-tenant')
      .describe(
        'WAIR tenant, sent as X-Tenant on every call; the default is the wair-simulator fixture tenant.',
      ),
    WAIR_USERNAME: z
      .string()
      .min(1)
      .default('sim-user')
      .describe('WAIR API user for POST /Token; the default is the wair-simulator fixture user.'),
    WAIR_PASSWORD: z
      .string()
      .min(1)
      .default('sim-password')
      .describe(
        'WAIR API password for POST /Token (secret, never logged). The default only fits the wair-simulator fixture user and is refused against any host but 127.0.0.1 or localhost.',
      ),
    WAIR_TOKEN_PATH: z.string().min(1).default('/Token').describe('Path of the token endpoint.'),
    WAIR_MAX_RETRIES: count(
      6,
      0,
      20,
      'Retries of a WAIR call on 429, 5xx or network errors before the capture round leaves the orders for the next round.',
    ),
    WAIR_TIMEOUT_MS: ms(10_000, 'Timeout of one WAIR HTTP call.'),
    WAIR_WEBSHOP_LOCATION: z
      .string()
      .min(1)
      .default('WEB01')
      .describe('WAIR location code of the webshop: online orders are booked as sales there.'),
    WAIR_CHANNEL_CODE: z.string().min(1).default('WEB').describe('WAIR sales channel code of online orders.'),
    DEFAULT_INVENTORY_LIST: z
      .string()
      .default('inventory_webshop')
      .describe(
        'Inventory list recorded on order facts for lines SFCC reports without one; empty makes such orders malformed.',
      ),
    ORDER_POLL_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .default(5_000)
      .describe('Pause between two order capture rounds (a round never overlaps the next), in milliseconds.'),
    ORDER_PAGE_SIZE: count(
      50,
      1,
      200,
      'Orders per SCAPI page and per WAIR batch cycle (SCAPI allows at most 200).',
    ),
    ORDER_MAX_PER_ROUND: count(
      1_000,
      1,
      100_000,
      'Upper bound of ready orders one capture round takes on; the rest wait for the next round.',
    ),
    CANCELLATION_LOOKBACK_MS: ms(
      24 * 3600_000,
      'At start, how far back cancelled orders are re-examined so cancellations of accepted orders missed during downtime are still forwarded to WAIR.',
    ),
    DISPATCH_RETRY_INITIAL_MS: ms(
      1_000,
      'First delay before retrying an order whose dispatch could not be reported to SFCC; doubles per attempt, with jitter.',
    ),
    DISPATCH_RETRY_MAX_MS: ms(60_000, 'Ceiling of the fast retry delay, in milliseconds.'),
    DISPATCH_FAST_ATTEMPTS: count(
      8,
      1,
      100,
      'Attempts on the fast (exponential) schedule before an order moves to the slow schedule.',
    ),
    DISPATCH_SLOW_RETRY_MS: ms(
      300_000,
      'Delay between attempts once the fast attempts are used up; the bridge never stops retrying by itself.',
    ),
    DISPATCH_SLA_MS: ms(
      4 * 3600_000,
      'Agreed time from the WAIR dispatch to SFCC showing it shipped; a later confirmation raises DISPATCH_NOT_CONFIRMED (owner CX).',
    ),
    DISPATCH_RETRY_TICK_MS: z.coerce
      .number()
      .int()
      .min(50)
      .default(1_000)
      .describe('How often parked orders are checked for a due retry, in milliseconds.'),
    DISPATCH_COMPLETE_ORDER: z
      .enum(['true', 'false'])
      .default('false')
      .describe('Also set the SFCC order status to completed once every line is shipped (true/false).'),
    DISPATCH_ATTR_DISPATCH_IDS: attributeName(
      'Order custom attribute listing the WAIR dispatch ids reported (e.g. c_wairDispatchIds); empty: not written.',
    ),
    DISPATCH_ATTR_TRACKING_NUMBERS: attributeName(
      'Order custom attribute for the tracking numbers, comma-separated (e.g. c_trackingNumbers); empty: not written.',
    ),
    DISPATCH_ATTR_TRACKING_URLS: attributeName(
      'Order custom attribute for the tracking URLs, comma-separated; empty: not written.',
    ),
    DISPATCH_ATTR_CARRIERS: attributeName(
      'Order custom attribute for the carriers, comma-separated; empty: not written.',
    ),
  })
  .superRefine(
    refuseFixtureCredentialsOffLoopback([
      { name: 'SFCC_CLIENT_SECRET', fixture: 'sim-client-secret', urls: ['SFCC_SCAPI_HOST', 'SFCC_AM_HOST'] },
      { name: 'WAIR_PASSWORD', fixture: 'sim-password', urls: ['WAIR_BASE_URL'] },
    ]),
  );

export type BridgeConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): BridgeConfig {
  return parseEnv(configSchema, env, APP_NAME);
}
