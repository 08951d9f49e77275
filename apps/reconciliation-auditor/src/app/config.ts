import { z } from 'zod';
import { baseAppEnvSchema, parseEnv, opsPortField, consumerGroupField } from '@wair-sfcc/app-runtime';
import { alertConfigShape } from './alerts/alert-config';
import { parseBufferRules, parseInventoryListMappings } from '@wair-sfcc/inventory-domain';
import { parseWatchedGroups } from './lookups/consumer-lag';

export const APP_NAME = 'reconciliation-auditor';

const ms = (def: number, what: string) => z.coerce.number().int().min(0).default(def).describe(what);
const interval = (def: number, audit: string) =>
  ms(def, `Time between two scheduled ${audit} audits, in milliseconds; 0 runs it on demand only.`);

/** Validates a text setting with the parser the writer uses, reporting the parser's message. */
const parsedText = (parse: (text: string) => unknown) =>
  z.string().superRefine((text, ctx) => {
    try {
      parse(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** Environment variables of the reconciliation auditor (names are the keys). */
export const configSchema = baseAppEnvSchema
  .extend({
    ...alertConfigShape,
    OPS_PORT: opsPortField(9304, '/livez, /readyz, /metrics and the JSON API under /api'),
    KAFKA_GROUP_ID: consumerGroupField(APP_NAME),
    SFCC_SCAPI_HOST: z
      .url()
      .optional()
      .describe(
        'SCAPI base URL (https://<shortCode>.api.commercecloud.salesforce.com, or the SFCC simulator) for the catalog pull; unset disables the pull.',
      ),
    SFCC_AM_HOST: z
      .url()
      .default('https://account.demandware.com')
      .describe('Account Manager base URL for the client-credentials token (the SFCC simulator locally).'),
    SFCC_CLIENT_ID: z
      .string()
      .min(1)
      .optional()
      .describe('API client id of the catalog pull; required with SFCC_SCAPI_HOST.'),
    SFCC_CLIENT_SECRET: z
      .string()
      .min(1)
      .optional()
      .describe(
        'API client secret of the catalog pull; required with SFCC_SCAPI_HOST. From a secret store only.',
      ),
    SFCC_ORGANIZATION_ID: z
      .string()
      .regex(/^f_ecom_[A-Za-z0-9_]+$/, 'expected f_ecom_<realm>_<instance>')
      .optional()
      .describe('SCAPI organization id (f_ecom_<realm>_<instance>); required with SFCC_SCAPI_HOST.'),
    SFCC_SITE_ID: z
      .string()
      .min(1)
      .optional()
      .describe('Site whose online/searchable flags the catalog pull reports; SFCC defaults when unset.'),
    CATALOG_PULL_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(900_000)
      .describe('Time between two catalog pulls (one also runs at start), in milliseconds.'),
    CATALOG_PULL_PAGE_SIZE: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(200)
      .describe('Products per product-search page (SCAPI allows at most 200).'),
    CATALOG_PULL_RATE_PER_SECOND: z.coerce
      .number()
      .positive()
      .default(5)
      .describe('Ceiling of product-search requests per second; lowered automatically when SFCC is loaded.'),
    SFCC_OCAPI_HOST: z
      .url()
      .optional()
      .describe(
        'SFCC instance base URL for reading inventory records back over OCAPI (the sfcc-simulator locally); unset disables INVENTORY_DRIFT and the SFCC record in the SKU look-up.',
      ),
    SFCC_OCAPI_VERSION: z
      .string()
      .regex(/^v\d+_\d+$/)
      .default('v24_5')
      .describe('OCAPI Data API version used in paths, e.g. v24_5.'),
    SFCC_READ_RATE_PER_SEC: z.coerce
      .number()
      .positive()
      .default(2)
      .describe(
        'Ceiling of OCAPI inventory read requests per second (one at a time), kept low so audits never starve the writer of the shared API quota.',
      ),
    INVENTORY_LISTS: parsedText(parseInventoryListMappings)
      .default('inventory_webshop:WEB01+DC01;inventory_stores:ST01+ST02')
      .describe(
        'SFCC inventory lists and the WAIR locations that feed each, exactly as the writer is configured: "<list id>:<LOC>+<LOC>;<list id>:<LOC>".',
      ),
    STOCK_BUFFERS: parsedText(parseBufferRules)
      .default('global=0')
      .describe('Safety stock rules, exactly as the writer is configured (see the writer reference).'),
    CLOCK_SKEW_MARGIN_MS: ms(
      5_000,
      "Orders created in SFCC up to this long after a figure's asOf still count as in flight for it (as in the writer).",
    ),
    AUDIT_SKU_MISMATCH_INTERVAL_MS: interval(900_000, 'SKU_MISMATCH'),
    AUDIT_INVENTORY_DRIFT_INTERVAL_MS: interval(1_800_000, 'INVENTORY_DRIFT'),
    AUDIT_SYNC_DELAY_INTERVAL_MS: interval(60_000, 'SYNC_DELAY'),
    AUDIT_DISPATCH_NOT_CONFIRMED_INTERVAL_MS: interval(300_000, 'DISPATCH_NOT_CONFIRMED'),
    AUDIT_ORDER_NOT_ACCEPTED_INTERVAL_MS: interval(300_000, 'ORDER_NOT_ACCEPTED'),
    SYNC_SLA_MS: ms(
      300_000,
      'A WAIR stock change must have an SFCC sync outcome within this time (SYNC_DELAY).',
    ),
    DISPATCH_CONFIRM_SLA_MS: ms(
      3_600_000,
      'A WAIR dispatch must be confirmed as shipped in SFCC within this time (DISPATCH_NOT_CONFIRMED).',
    ),
    ORDER_ACCEPT_SLA_MS: ms(
      1_800_000,
      'A captured order must be accepted by WAIR within this time (ORDER_NOT_ACCEPTED).',
    ),
    DRIFT_TOLERANCE_UNITS: z.coerce
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('Differences between SFCC and the expected allocation up to this many units are not drift.'),
    DRIFT_GRACE_MS: ms(
      120_000,
      'A WAIR figure newer than the SFCC record and younger than this is a write in flight, not drift.',
    ),
    DRIFT_RECORDS_PER_RUN: z.coerce
      .number()
      .int()
      .min(1)
      .default(20_000)
      .describe(
        'Inventory records read back per list and run; larger lists are audited as a rotating sample that continues where the last run stopped.',
      ),
    DRIFT_PAGE_SIZE: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(200)
      .describe('Records per OCAPI product_inventory_records page.'),
    LAG_WATCH_GROUPS: z
      .string()
      .default('sfcc-inventory-writer:wair.stock.v1;order-dispatch-bridge:wair.dispatches.v1')
      .superRefine((text, ctx) => {
        try {
          parseWatchedGroups(text);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      })
      .describe(
        'Consumer groups of the other apps whose lag GET /api/lag reports: "<group id>:<topic>+<topic>;<group id>:<topic>".',
      ),
    API_TOKEN: z
      .string()
      .min(16)
      .optional()
      .describe('Bearer token accepted by the JSON API (at least 16 characters). From a secret store only.'),
    API_BASIC_USER: z
      .string()
      .regex(/^[^:]+$/, 'a user name without ":"')
      .default('ops')
      .describe('User name accepted as HTTP basic auth by the JSON API, with API_BASIC_PASSWORD.'),
    API_BASIC_PASSWORD: z
      .string()
      .min(8)
      .optional()
      .describe(
        'Password of API_BASIC_USER (at least 8 characters); unset disables basic auth. From a secret store only.',
      ),
    API_ALLOW_ANONYMOUS: flag.describe(
      'true lets unauthenticated requests use the JSON API (local runs only); otherwise the API answers 401 without a token or basic auth, and 503 when neither is configured.',
    ),
  })
  .superRefine((env, ctx) => {
    if (env.SFCC_OCAPI_HOST !== undefined) {
      for (const name of ['SFCC_CLIENT_ID', 'SFCC_CLIENT_SECRET'] as const) {
        if (env[name] === undefined) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'required when SFCC_OCAPI_HOST is set' });
        }
      }
    }
    if (env.SFCC_SCAPI_HOST === undefined) return;
    for (const name of ['SFCC_CLIENT_ID', 'SFCC_CLIENT_SECRET', 'SFCC_ORGANIZATION_ID'] as const) {
      if (env[name] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `required when SFCC_SCAPI_HOST is set (catalog pull)`,
        });
      }
    }
  });

export type AuditorConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): AuditorConfig {
  return parseEnv(configSchema, env, APP_NAME);
}
