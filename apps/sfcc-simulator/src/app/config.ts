import { z } from 'zod';
import { baseAppEnvSchema, parseEnv, opsPortField } from '@wair-sfcc/app-runtime';

export const APP_NAME = 'sfcc-simulator';

const share = (what: string) => z.coerce.number().min(0).max(1).default(0).describe(what);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * Environment variables of the SFCC simulator (names are the keys). It talks HTTP only, no Kafka,
 * so it takes only the logging and HTTP settings of the shared schema; the one port serves the
 * simulated SFCC APIs, `/__sim/` and `/livez` `/readyz` `/metrics`.
 */
export const configSchema = baseAppEnvSchema.pick({ LOG_LEVEL: true, OPS_HOST: true }).extend({
  OPS_PORT: opsPortField(8302, 'the simulated SFCC APIs, /__sim/, /livez, /readyz and /metrics'),
  SIM_CLIENT_ID: z
    .string()
    .min(1)
    .default('sim-client')
    .describe('Account Manager API client id the token endpoint accepts (HTTP Basic user).'),
  SIM_CLIENT_SECRET: z
    .string()
    .min(1)
    .default('sim-client-secret')
    .describe(
      'Secret of that API client (HTTP Basic password); a simulator fixture, never a real credential.',
    ),
  SIM_CLIENT_SCOPES: z
    .string()
    .min(1)
    .default('sfcc.products sfcc.orders sfcc.inventory')
    .describe(
      'Space-separated scopes granted to the client; SCAPI Products needs `sfcc.products` or `sfcc.products.rw`.',
    ),
  SIM_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(1799)
    .describe('Lifetime of issued access tokens (`expires_in`); tests shorten it to exercise expiry.'),
  SIM_OCAPI_VERSION: z
    .string()
    .regex(/^v\d+_\d+$/)
    .default('v24_5')
    .describe('OCAPI version served under /s/-/dw/data/{version}; other versions get 404.'),
  SIM_INVENTORY_LISTS: z
    .string()
    .min(1)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .default(['inventory_webshop', 'inventory_stores'])
    .describe('Comma-separated ids of the inventory lists that exist.'),
  SIM_REJECT_UNKNOWN_PRODUCTS: flag
    .default(false)
    .describe(
      'When true, OCAPI PUT rejects a product id that is not in the catalog (404 ProductNotFoundException); SFCC accepts it by default.',
    ),
  SIM_ORGANIZATION_ID: z
    .string()
    .min(1)
    .default('f_ecom_zzzz_001')
    .describe('SCAPI organization id (f_ecom_<realm>_<instance>) accepted in SCAPI paths.'),
  SIM_IMPEX_JOB_ID: z
    .string()
    .min(1)
    .default('wair-inventory-import')
    .describe('Id of the job that imports an inventory XML file from the IMPEX WebDAV folder.'),
  SIM_SEED: z
    .string()
    .min(1)
    .default('wair-sfcc')
    .describe('Seed of the catalogue (same as the WAIR simulator), the mismatches and the storefront.'),
  SIM_SKU_COUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(200)
    .describe('Approximate number of SKUs (variants) in the catalogue; use the WAIR simulator value.'),
  SIM_SIMPLE_PRODUCTS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3)
    .describe('Extra SFCC-only simple products (gift cards and the like) WAIR does not know.'),
  SIM_MISMATCH_SHARE: share(
    'Share of SKUs given a deliberate catalog mismatch (missing variant, case, whitespace, leading zeros, parent id).',
  ).default(0.05),
  SIM_ORDERS_PER_MINUTE: z.coerce
    .number()
    .min(0)
    .default(0)
    .describe(
      'Storefront orders placed per minute for SKUs whose ats covers the quantity; 0 stops the generator.',
    ),
  SIM_ORDER_LIST: z
    .string()
    .default('')
    .describe('Inventory list the storefront sells from; empty means the first of SIM_INVENTORY_LISTS.'),
  SIM_RATE_LIMIT_PER_SECOND: z.coerce
    .number()
    .min(0)
    .default(0)
    .describe('Requests per second each API client may make (leaky bucket); 0 disables the limit.'),
  SIM_RATE_LIMIT_BURST: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe('Requests the bucket holds before it answers 429 with Retry-After.'),
});

export type SimulatorConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): SimulatorConfig {
  return parseEnv(configSchema, env, APP_NAME);
}
