import { z } from 'zod';
import { baseAppEnvSchema, parseEnv, opsPortField, consumerGroupField } from '@wair-sfcc/app-runtime';

export const APP_NAME = 'order-dispatch-bridge';

/** Environment variables of the order and dispatch bridge (names are the keys). */
export const configSchema = baseAppEnvSchema.extend({
  OPS_PORT: opsPortField(9303, '/livez, /readyz and /metrics'),
  KAFKA_GROUP_ID: consumerGroupField(APP_NAME),
});

export type BridgeConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): BridgeConfig {
  return parseEnv(configSchema, env, APP_NAME);
}
