import { z } from 'zod';

const csv = z
  .string()
  .min(1)
  .transform((s) =>
    s
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  );

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The Kafka and schema registry settings every app reads from its environment. Keys are the
 * environment variable names themselves, so app config schemas extend this one and the
 * Kubernetes manifests can be checked against it.
 */
export const kafkaEnvSchema = z.object({
  KAFKA_BROKERS: csv.describe('Comma-separated bootstrap brokers, e.g. `127.0.0.1:19092`.'),
  KAFKA_CLIENT_ID: z.string().min(1).optional().describe('Kafka client id prefix; defaults to the app name.'),
  KAFKA_SSL: booleanFlag.default(false).describe('Connect to the brokers over TLS.'),
  KAFKA_SASL_MECHANISM: z
    .enum(['plain', 'scram-sha-256', 'scram-sha-512'])
    .optional()
    .describe(
      'SASL mechanism for the brokers; set together with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD, or leave all three unset.',
    ),
  KAFKA_SASL_USERNAME: z
    .string()
    .min(1)
    .optional()
    .describe('SASL user name; set together with KAFKA_SASL_MECHANISM and KAFKA_SASL_PASSWORD.'),
  KAFKA_SASL_PASSWORD: z
    .string()
    .min(1)
    .optional()
    .describe('SASL password; set together with KAFKA_SASL_MECHANISM and KAFKA_SASL_USERNAME.'),
  SCHEMA_REGISTRY_URL: z
    .url()
    .describe(
      'Confluent-compatible schema registry API base, e.g. `http://127.0.0.1:18081/apis/ccompat/v7`.',
    ),
  SCHEMA_REGISTRY_USERNAME: z
    .string()
    .min(1)
    .optional()
    .describe('Basic-auth user name for the schema registry.'),
  SCHEMA_REGISTRY_PASSWORD: z
    .string()
    .min(1)
    .optional()
    .describe('Basic-auth password for the schema registry.'),
  SCHEMA_AUTO_REGISTER: booleanFlag
    .default(true)
    .describe(
      'Register missing schemas at start (local runs); production registers them in CI and leaves this off.',
    ),
});

export type KafkaEnv = z.infer<typeof kafkaEnvSchema>;

/** Connection settings in the shape the lib's factories take. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  ssl: boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  registry: { url: string; username?: string; password?: string; autoRegister: boolean };
}

export class KafkaConfigError extends Error {
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'KafkaConfigError';
  }
}

/** Turns validated env into settings; SASL needs all three of mechanism, username and password. */
export function toKafkaSettings(env: KafkaEnv, app: string): KafkaSettings {
  const saslParts = [env.KAFKA_SASL_MECHANISM, env.KAFKA_SASL_USERNAME, env.KAFKA_SASL_PASSWORD];
  const saslGiven = saslParts.filter((p) => p !== undefined).length;
  if (saslGiven !== 0 && saslGiven !== 3) {
    throw new KafkaConfigError(
      'KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set together',
    );
  }
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID ?? app,
    ssl: env.KAFKA_SSL,
    sasl:
      env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
        ? {
            mechanism: env.KAFKA_SASL_MECHANISM,
            username: env.KAFKA_SASL_USERNAME,
            password: env.KAFKA_SASL_PASSWORD,
          }
        : undefined,
    registry: {
      url: env.SCHEMA_REGISTRY_URL.replace(/\/+$/, ''),
      username: env.SCHEMA_REGISTRY_USERNAME,
      password: env.SCHEMA_REGISTRY_PASSWORD,
      autoRegister: env.SCHEMA_AUTO_REGISTER,
    },
  };
}

/** Parses the environment; errors name every offending variable. */
export function loadKafkaSettings(env: NodeJS.ProcessEnv, app: string): KafkaSettings {
  const parsed = kafkaEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new KafkaConfigError(`invalid Kafka configuration: ${issues}`);
  }
  return toKafkaSettings(parsed.data, app);
}
