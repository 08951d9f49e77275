import { opsPortField } from '@wair-sfcc/app-runtime';
import { z } from 'zod';

export const APP_NAME = 'wair-simulator';

const rate = (what: string) => z.coerce.number().min(0).max(1).default(0).describe(what);

/** Environment variables of the WAIR simulator (names are the keys). It talks HTTP only, no Kafka. */
export const configSchema = z.object({
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level.'),
  OPS_PORT: opsPortField(8301, 'the WAIR API, /__sim/ and /readyz'),
  OPS_HOST: z.string().default('127.0.0.1').describe('Interface the HTTP server listens on.'),
  WAIR_TENANT: z.string().min(1).default('sim-tenant').describe('Tenant expected in the X-Tenant header.'),
  WAIR_USERNAME: z.string().min(1).default('sim-user').describe('API user accepted by POST /Token.'),
  WAIR_PASSWORD: z
    .string()
    .min(1)
    .default('sim-password')
    .describe('Password accepted by POST /Token (secret).'),
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3600)
    .describe('expiresIn of issued tokens; expired tokens get 401.'),
  SEED: z
    .string()
    .min(1)
    .default('wair-sfcc')
    .describe('Seed of the catalogue (same as the SFCC simulator) and of the change stream.'),
  SEQUENCE_BASE: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe(
      "Per-SKU sequences start above this. A simulator run against topics that hold an earlier run's figures needs a base above them (the real WAIR's sequences never go back): npm start passes its start time in seconds.",
    ),
  SKU_COUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(200)
    .describe('Approximate number of SKUs in the catalogue.'),
  STORES: z.coerce.number().int().min(0).default(2).describe('Number of stores besides WEB01 and DC01.'),
  CHANGES_PER_SECOND: z.coerce
    .number()
    .min(0)
    .default(5)
    .describe('Stock changes generated per second; 0 stops the stream.'),
  DISPATCH_EVERY: z.coerce
    .number()
    .int()
    .min(0)
    .default(20)
    .describe('One internal web order is dispatched every N stock changes; 0 disables dispatches.'),
  WEBHOOK_URL: z.string().default('').describe('Where webhooks are POSTed; empty disables webhooks.'),
  WEBHOOK_SECRET: z
    .string()
    .default('sim-webhook-secret')
    .describe('HMAC-SHA256 key for webhook signatures (secret).'),
  WEBHOOK_LOSS_RATE: rate('Share of webhook events never sent.'),
  WEBHOOK_DUPLICATE_RATE: rate('Share of webhook events sent twice.'),
  WEBHOOK_REORDER_RATE: rate('Share of webhook events held back and sent after later ones.'),
  WEBHOOK_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('Delivery attempts per webhook on non-2xx or network errors.'),
  FULFILMENT_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5000)
    .describe('Time from accepting a sale (POST /api/v1/Sales) to dispatching it.'),
  FULFILMENT_SPLIT_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.3)
    .describe('Share of multi-line orders shipped in several parcels (one dispatch each).'),
  BATCH_IDLE_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('A started batch with no write call for this long expires (later writes get 409).'),
  FAULT_LATENCY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Added latency of every API response.'),
  FAULT_500_RATE: rate('Share of API requests answered 500.'),
  FAULT_503_RATE: rate('Share of API requests answered 503.'),
  FAULT_429_RATE: rate('Share of API requests answered 429 with Retry-After.'),
  FAULT_DROP_RATE: rate('Share of API requests whose connection is dropped without an answer.'),
  FAULT_LOST_ANSWER_RATE: rate(
    'Share of API requests that are processed but whose connection is then dropped before the answer.',
  ),
  FAULT_MALFORMED_RATE: rate(
    'Share of returned records that are malformed (wrong type, missing field, negative quantity, unknown location).',
  ),
});

export type SimulatorConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): SimulatorConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${APP_NAME} config invalid: ${names}`);
  }
  return parsed.data;
}
