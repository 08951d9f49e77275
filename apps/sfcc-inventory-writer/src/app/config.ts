import { z } from 'zod';
import {
  baseAppEnvSchema,
  parseEnv,
  opsPortField,
  consumerGroupField,
  refuseFixtureCredentialsOffLoopback,
} from '@wair-sfcc/app-runtime';
import { parseBufferRules, parseInventoryListMappings } from '@wair-sfcc/inventory-domain';
import { parseFullRefreshCron } from './full-refresh-schedule';

export const APP_NAME = 'sfcc-inventory-writer';

const ms = (def: number, what: string) => z.coerce.number().int().min(0).default(def).describe(what);

/** Validates a text setting with a parser from the domain lib, reporting the parser's message. */
const parsedText = (parse: (text: string) => unknown) =>
  z.string().superRefine((text, ctx) => {
    try {
      parse(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

/** Environment variables of the inventory writer (names are the keys). */
export const configSchema = baseAppEnvSchema
  .extend({
    OPS_PORT: opsPortField(9302, '/livez, /readyz, /metrics and /admin/full-refresh'),
    KAFKA_GROUP_ID: consumerGroupField(APP_NAME),
    SFCC_HOST: z
      .url()
      .default('http://127.0.0.1:8302')
      .describe('Base URL of the SFCC instance for OCAPI and WebDAV (locally the sfcc-simulator).'),
    SFCC_AUTH_URL: z
      .url()
      .optional()
      .describe('Account Manager base URL for the client-credentials token; defaults to SFCC_HOST.'),
    SFCC_CLIENT_ID: z
      .string()
      .min(1)
      .default('sim-client')
      .describe(
        'API client id (Account Manager) the writer authenticates with; the default is the sfcc-simulator fixture client.',
      ),
    SFCC_CLIENT_SECRET: z
      .string()
      .min(1)
      .default('sim-client-secret')
      .describe(
        'API client secret (Account Manager); from a secret store in production, never logged. The default only fits the sfcc-simulator fixture client and is refused against any host but 127.0.0.1 or localhost.',
      ),
    SFCC_OCAPI_VERSION: z
      .string()
      .regex(/^v\d+_\d+$/)
      .default('v24_5')
      .describe('OCAPI Data API version used in paths, e.g. v24_5.'),
    SFCC_IMPEX_JOB_ID: z
      .string()
      .min(1)
      .default('wair-inventory-import')
      .describe('SFCC job id that imports the inventory XML uploaded for a full refresh.'),
    INVENTORY_LISTS: parsedText(parseInventoryListMappings)
      .default('inventory_webshop:WEB01+DC01;inventory_stores:ST01+ST02')
      .describe(
        'SFCC inventory lists and the WAIR locations that feed each: "<list id>:<LOC>+<LOC>;<list id>:<LOC>", e.g. "inventory_webshop:WEB01+DC01;inventory_stores:ST01+ST02".',
      ),
    UNMAPPED_LOCATIONS: z
      .string()
      .default('')
      .describe(
        'WAIR locations, "+"-separated, known to feed no inventory list (e.g. a returns depot); stock records naming any other unmapped location go to the DLQ.',
      ),
    STOCK_BUFFERS: parsedText(parseBufferRules)
      .default('global=0')
      .describe(
        'Safety stock held back: "global=N;list:<list id>=N;sku:[<list id>:]<glob or /regex/>=N", most specific wins (exact SKU > longer glob > shorter glob > regex > list > global).',
      ),
    LOW_STOCK_THRESHOLD: z.coerce
      .number()
      .int()
      .min(0)
      .default(3)
      .describe('An allocation dropping below this many units is written with priority 0, like a stock-out.'),
    SFCC_RATE_PER_SEC: z.coerce
      .number()
      .positive()
      .default(20)
      .describe('Maximum OCAPI requests per second (a batch of up to 50 records is one request).'),
    WRITE_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(32)
      .default(2)
      .describe('OCAPI batch requests in flight at once.'),
    WRITE_BATCH_SIZE: z.coerce
      .number()
      .int()
      .min(1)
      .max(50)
      .default(50)
      .describe('Records per OCAPI batch request (OCAPI allows at most 50).'),
    SYNC_SLA_MS: ms(
      60_000,
      'Target time from a WAIR change to its SFCC write, in milliseconds. A figure written later counts in inventory_sync_sla_breaches_total{priority}; a pending entry waiting longer starts a breach episode: one warning per priority class (age, number of late entries, a few examples) until the class has stayed within the SLA for as long again. 0 turns both off.',
    ),
    SFCC_BREAKER_RESET_MS: ms(
      10_000,
      'How long the circuit breaker stays open after SFCC failed repeatedly before it lets a trial call through; short, so recovery after an outage is quick.',
    ),
    SFCC_RETRY_MAX_MS: ms(
      5_000,
      'Ceiling of the jittered backoff between retries of a failed SFCC call or batch, in milliseconds.',
    ),
    FULL_REFRESH_CRON: parsedText(parseFullRefreshCron)
      .default('0 3 * * *')
      .describe(
        'When scheduled full refreshes through IMPEX start: five-field cron in UTC, e.g. "0 3 * * *" (03:00 daily); empty or "off" = on demand only. A tick while a refresh still runs is skipped.',
      ),
    CLOCK_SKEW_MARGIN_MS: ms(
      5_000,
      "Orders created in SFCC up to this long after a figure's asOf still count as in flight for it (clock skew between WAIR and SFCC).",
    ),
    COMMIT_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(50)
      .default(1_000)
      .describe(
        'How often offsets of fully written or reported stock records are committed, in milliseconds.',
      ),
    ADMIN_TOKEN: z
      .string()
      .min(16)
      .optional()
      .describe(
        'Bearer token for POST /admin/full-refresh (at least 16 characters); without it the admin endpoint answers 503.',
      ),
  })
  .superRefine(
    refuseFixtureCredentialsOffLoopback([
      { name: 'SFCC_CLIENT_SECRET', fixture: 'sim-client-secret', urls: ['SFCC_HOST', 'SFCC_AUTH_URL'] },
    ]),
  );

export type WriterConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): WriterConfig {
  return parseEnv(configSchema, env, APP_NAME);
}
