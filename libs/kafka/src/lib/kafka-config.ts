import { readFileSync } from 'node:fs';
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
  KAFKA_SSL_CA_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      "PEM file of the CA certificate(s) the brokers' certificates are checked against, read at start; unset trusts Node's default CAs (and NODE_EXTRA_CA_CERTS). Needs KAFKA_SSL=true.",
    ),
  KAFKA_SSL_CERT_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'PEM client certificate for mutual TLS, read at start; set together with KAFKA_SSL_KEY_FILE. Needs KAFKA_SSL=true.',
    ),
  KAFKA_SSL_KEY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'PEM (unencrypted) private key of KAFKA_SSL_CERT_FILE, read at start; set together with it. Needs KAFKA_SSL=true.',
    ),
  KAFKA_SSL_REJECT_UNAUTHORIZED: booleanFlag
    .default(true)
    .describe(
      'Refuse brokers whose certificate does not verify against the trusted CAs; `false` only for a test cluster with self-signed certificates. Needs KAFKA_SSL=true.',
    ),
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

/**
 * TLS options for the broker connections, in the shape Node's `tls.connect` takes. The PEM
 * contents are read from the `KAFKA_SSL_*_FILE` paths at start; they are never logged.
 */
export interface KafkaTlsSettings {
  /** CA certificate(s) to trust instead of Node's defaults; absent means the defaults. */
  ca?: string;
  /** Client certificate and its key, for mutual TLS; both or neither. */
  cert?: string;
  key?: string;
  /** False only for test clusters with certificates that do not verify. */
  rejectUnauthorized: boolean;
}

/** Connection settings in the shape the lib's factories take. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** `false` for plaintext, else the TLS options. */
  ssl: false | KafkaTlsSettings;
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

const TLS_FILE_VARIABLES = ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'] as const;
type TlsFileVariable = (typeof TLS_FILE_VARIABLES)[number];

/**
 * Reads one PEM file named by an environment variable. Errors name the variable and the path, never
 * the contents (a key file's contents are a credential).
 */
function readPemFile(variable: TlsFileVariable, path: string): string {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new KafkaConfigError(`${variable}: cannot read ${path} (${reason})`);
  }
  // A DER file or a wrong path (e.g. a directory listing mounted as a file) fails here, at start,
  // rather than as an opaque TLS handshake error on the first connection.
  if (!content.includes('-----BEGIN ')) {
    throw new KafkaConfigError(`${variable}: ${path} is not a PEM file (no "-----BEGIN" line)`);
  }
  return content;
}

/** TLS options from the env; the files are read here, so a bad path fails at start. */
function toTlsSettings(env: KafkaEnv): false | KafkaTlsSettings {
  if (!env.KAFKA_SSL) {
    const given: string[] = TLS_FILE_VARIABLES.filter((name) => env[name] !== undefined);
    if (!env.KAFKA_SSL_REJECT_UNAUTHORIZED) given.push('KAFKA_SSL_REJECT_UNAUTHORIZED');
    if (given.length > 0) {
      // Ignoring them would silently connect in plaintext while the operator believes TLS is set up.
      throw new KafkaConfigError(`${given.join(', ')} set but KAFKA_SSL is not true`);
    }
    return false;
  }
  if ((env.KAFKA_SSL_CERT_FILE === undefined) !== (env.KAFKA_SSL_KEY_FILE === undefined)) {
    throw new KafkaConfigError('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE must be set together');
  }
  const tls: KafkaTlsSettings = { rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED };
  if (env.KAFKA_SSL_CA_FILE !== undefined) tls.ca = readPemFile('KAFKA_SSL_CA_FILE', env.KAFKA_SSL_CA_FILE);
  if (env.KAFKA_SSL_CERT_FILE !== undefined && env.KAFKA_SSL_KEY_FILE !== undefined) {
    tls.cert = readPemFile('KAFKA_SSL_CERT_FILE', env.KAFKA_SSL_CERT_FILE);
    tls.key = readPemFile('KAFKA_SSL_KEY_FILE', env.KAFKA_SSL_KEY_FILE);
  }
  return tls;
}

/**
 * Turns validated env into settings: SASL needs all three of mechanism, username and password; the
 * TLS files need KAFKA_SSL and are read now. Throws {@link KafkaConfigError} naming the variable.
 */
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
    ssl: toTlsSettings(env),
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
