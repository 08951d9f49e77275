import { z } from 'zod';
import { baseAppEnvSchema, parseEnv, opsPortField, consumerGroupField } from '@wair-sfcc/app-runtime';
import { TOPICS } from '@wair-sfcc/contracts';

export const APP_NAME = 'wair-ingest';

const ms = (fallback: number, what: string) =>
  z.coerce.number().int().min(0).default(fallback).describe(what);
const text = (fallback: string, what: string) => z.string().min(1).default(fallback).describe(what);
const list = (what: string) => z.string().default('').describe(what);

/** The entries of a comma-separated list variable. */
export function listOf(value: string): string[] {
  return value
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Environment variables of the WAIR ingest (names are the keys). */
export const configSchema = baseAppEnvSchema.extend({
  OPS_PORT: opsPortField(9301, '/livez, /readyz, /metrics, the webhook receiver and /admin'),
  KAFKA_GROUP_ID: consumerGroupField(APP_NAME),
  WAIR_BASE_URL: z
    .string()
    .default('')
    .describe('Base URL of the WAIR API (or of the wair-simulator); empty disables polling and snapshots.'),
  WAIR_TENANT: z.string().default('').describe('WAIR tenant, sent as X-Tenant on every call.'),
  WAIR_USERNAME: z.string().default('').describe('WAIR API user for POST /Token.'),
  WAIR_PASSWORD: z.string().default('').describe('WAIR API password for POST /Token (secret, never logged).'),
  WAIR_TOKEN_PATH: text('/Token', 'Path of the token endpoint.'),
  WAIR_STOCK_PATH: text('/api/v1/StockLevels', 'Path of the stock levels feed.'),
  WAIR_DISPATCHES_PATH: text('/api/v1/Dispatches', 'Path of the dispatches feed.'),
  WAIR_SKUS_PATH: text('/api/v1/Skus', 'Path of the SKU master feed.'),
  WAIR_FIELD_NAMES: z
    .string()
    .default('{}')
    .describe(
      'JSON object renaming contract names to the feed\'s own (query parameters, envelope and record fields), e.g. {"skuCode":"sku","Limit":"PageSize"}; see docs/wair-contract.md.',
    ),
  WAIR_TOKEN_MARGIN_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(60)
    .describe('A cached token is renewed this long before it expires.'),
  WAIR_MAX_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .default(4)
    .describe('Concurrent WAIR API calls at most.'),
  WAIR_MAX_RETRIES: z.coerce
    .number()
    .int()
    .min(0)
    .default(6)
    .describe('Retries of a WAIR call on 429, 5xx or network errors before the poll round fails.'),
  WAIR_TIMEOUT_MS: ms(10_000, 'Timeout of one WAIR HTTP call.'),
  WAIR_LOCATIONS: list(
    'Comma-separated WAIR location codes that are accepted; a record for another location is parked on the DLQ. Empty accepts any.',
  ),
  POLL_INTERVAL_MS: ms(3000, 'Pause between change polls of stock and dispatches; 0 disables polling.'),
  POLL_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(500).describe('Limit of one polled page.'),
  POLL_MAX_PAGE_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1000)
    .describe(
      'Largest Limit the WAIR feed accepts. A full page whose records share one modifiedDateTime is read again at this size (Offset paging through such a group can skip rows that change meanwhile).',
    ),
  POLL_MALFORMED_REREADS: z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .default(3)
    .describe(
      'Further change polls that read a malformed WAIR record again (the stored cursor waits at its modifiedDateTime) before it is given up and stays on the DLQ; 0 moves past it at once.',
    ),
  SNAPSHOT_INTERVAL_MS: ms(
    6 * 3600_000,
    'Pause between full snapshots of stock and the SKU master; 0 disables the schedule (POST /admin/snapshot still works).',
  ),
  SNAPSHOT_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .describe('Whether to take the SKU master snapshot when the app starts.'),
  WEBHOOK_PATH: text('/webhooks/wair', 'Path the WAIR webhooks are POSTed to, on OPS_PORT.'),
  WEBHOOK_SECRET: z
    .string()
    .default('')
    .describe('HMAC-SHA256 key of the WAIR webhook signatures (secret); empty rejects every webhook.'),
  WEBHOOK_SIGNATURE_HEADER: text(
    'X-Wair-Signature',
    'Header carrying sha256=<hex HMAC of timestamp + "." + body>.',
  ),
  WEBHOOK_TIMESTAMP_HEADER: text('X-Wair-Timestamp', 'Header carrying the signing time in Unix seconds.'),
  WEBHOOK_TOLERANCE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('Webhooks signed further than this from now are rejected (replay protection).'),
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .default(256 * 1024)
    .describe('Larger webhook bodies are rejected with 413.'),
  SKU_PATTERN: text(
    '^[A-Z0-9]+(?:[-_.][A-Z0-9]+)*$',
    'Regular expression every WAIR child SKU must match; others raise SKU_MISMATCH.',
  ),
  STOCK_TOPIC: text(TOPICS.wairStock, 'Topic of per-SKU stock (read back at start to rebuild state).'),
  DISPATCHES_TOPIC: text(TOPICS.wairDispatches, 'Topic of dispatches per order.'),
  SKUS_TOPIC: text(TOPICS.wairSkus, 'Topic of the SKU master.'),
  CURSOR_TOPIC: text(TOPICS.wairIngestCursors, 'Compacted topic holding the poll cursors.'),
  EXCEPTIONS_TOPIC: text(TOPICS.integrationExceptions, 'Topic SKU_MISMATCH exceptions are raised on.'),
});

export type IngestConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): IngestConfig {
  return parseEnv(configSchema, env, APP_NAME);
}
