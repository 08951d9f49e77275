import { z } from 'zod';
import { kafkaEnvSchema } from '@wair-sfcc/kafka';

/**
 * Settings every app shares: Kafka and registry, logging, and the ops HTTP port. Each app's own
 * schema extends this one; its keys are the environment variable names.
 */
export const baseAppEnvSchema = kafkaEnvSchema.extend({
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum level of the JSON logs written to stdout.'),
  OPS_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface for /livez, /readyz and /metrics; 0.0.0.0 in containers, loopback locally.'),
  OPS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .describe('Port for /livez, /readyz and /metrics; 0 picks a free port.'),
  LAG_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(10_000)
    .describe('How often consumer lag is computed for /metrics, in milliseconds.'),
});

export type BaseAppEnv = z.infer<typeof baseAppEnvSchema>;

export class ConfigError extends Error {
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses env with an app's schema; the error lists every offending variable by name. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, app: string): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`${app}: invalid configuration\n${lines.join('\n')}`);
  }
  return parsed.data;
}
