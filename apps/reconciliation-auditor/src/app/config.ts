import { z } from 'zod';
import { baseAppEnvSchema, parseEnv, opsPortField, consumerGroupField } from '@wair-sfcc/app-runtime';

export const APP_NAME = 'reconciliation-auditor';

/** Environment variables of the reconciliation auditor (names are the keys). */
export const configSchema = baseAppEnvSchema
  .extend({
    OPS_PORT: opsPortField(9304, '/livez, /readyz and /metrics'),
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
  })
  .superRefine((env, ctx) => {
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
