import { z } from 'zod';
import { baseAppEnvSchema, parseEnv } from '@wair-sfcc/app-runtime';

export const APP_NAME = 'order-dispatch-bridge';

/** Environment variables of the order and dispatch bridge (names are the keys). */
export const configSchema = baseAppEnvSchema.extend({
  OPS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(9303)
    .describe('Port for /livez, /readyz and /metrics; 0 picks a free port.'),
  KAFKA_GROUP_ID: z
    .string()
    .min(1)
    .default(APP_NAME)
    .describe(
      'Consumer group id of the app; all replicas share it so they split the partitions between them.',
    ),
});

export type BridgeConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): BridgeConfig {
  return parseEnv(configSchema, env, APP_NAME);
}
