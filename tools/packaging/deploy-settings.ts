// The values the generated manifests give the apps' environment variables. Anything not listed here
// keeps the default of the app's zod schema; a required variable without a value here gets a
// placeholder the platform team replaces in its overlay (docs/deploying.md says how).
import { isSecretName } from '../config-reference/config-variables';

/** Name of the Strimzi `Kafka` cluster the topics and users belong to (label `strimzi.io/cluster`). */
export const KAFKA_CLUSTER = 'platform-kafka';

/** Namespace the overlays deploy into; the Strimzi entity operator must watch it. */
export const NAMESPACE = 'wair-sfcc';

/** Where the Strimzi cluster CA certificate is mounted; Node trusts it through NODE_EXTRA_CA_CERTS. */
export const KAFKA_CA_MOUNT = '/etc/kafka-ca';

/** Marks a value the platform team must set in its overlay. */
export const PLACEHOLDER = 'SET-IN-OVERLAY';

/**
 * Non-secret settings shared by every app in-cluster. TLS + SCRAM-SHA-512 against the Strimzi
 * listener on 9093; schemas are registered by CI (`npm run contracts:register`), never by the apps.
 */
export const SHARED_SETTINGS: Readonly<Record<string, string>> = {
  KAFKA_BROKERS: `${KAFKA_CLUSTER}-kafka-bootstrap:9093`,
  KAFKA_SSL: 'true',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  SCHEMA_REGISTRY_URL: 'http://schema-registry:8081',
  SCHEMA_AUTO_REGISTER: 'false',
  LOG_LEVEL: 'info',
  // Probes and Prometheus reach the ops port from outside the pod.
  OPS_HOST: '0.0.0.0',
};

/** App-specific non-secret settings, by app then variable. */
export const APP_SETTINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

/**
 * Whether a default only makes sense on a developer machine (points at loopback or is a `*-local`
 * value): in-cluster such a variable gets a placeholder the overlay must replace, so a forgotten
 * setting fails at start (the config error names it) instead of talking to nothing.
 */
export function isLocalOnlyDefault(name: string, defaultValue: string | undefined): boolean {
  if (defaultValue === undefined) return false;
  if (/127\.0\.0\.1|localhost|-local\b/.test(defaultValue)) return true;
  return defaultValue === '' && /(_URL|_HOST|_TENANT|_USERNAME)$/.test(name);
}

/** Where a secret variable comes from. */
export interface SecretSource {
  readonly secret: string;
  readonly key: string;
  /** The variable may be absent (the schema makes it optional or gives it a default). */
  readonly optional: boolean;
}

/**
 * The Secret a secret variable is read from. The Kafka password is the one the Strimzi User Operator
 * writes for the app's KafkaUser (Secret named like the user, key `password`); registry credentials
 * sit in `<app>-schema-registry`; every other credential in `<app>-secrets` under its own name.
 */
// A secret with a default (a local development value) is mandatory in-cluster: the pod then fails
// with a message naming the missing Secret key instead of running with the local value. Only a
// secret the app can do without (optional, no default) may be absent.
export function secretSource(
  app: string,
  variable: string,
  required: boolean,
  defaultValue: string | undefined,
): SecretSource {
  if (variable === 'KAFKA_SASL_PASSWORD') {
    return { secret: app, key: 'password', optional: false };
  }
  const optional = !required && defaultValue === undefined;
  if (variable.startsWith('SCHEMA_REGISTRY_')) {
    return { secret: `${app}-schema-registry`, key: variable, optional };
  }
  return { secret: `${app}-secrets`, key: variable, optional };
}

// The shared secret-name rule also matches settings *about* tokens (WAIR_TOKEN_PATH,
// WAIR_TOKEN_MARGIN_SECONDS): paths, durations and header names are configuration, not credentials.
const NOT_A_CREDENTIAL = /_(PATH|SECONDS|MS|HEADER|URL|HOST|TOPIC)$/;

/** Whether a variable is set from a Secret rather than the ConfigMap. */
export function isSecretVariable(variable: string): boolean {
  if (variable === 'SCHEMA_REGISTRY_USERNAME') return true;
  return isSecretName(variable) && !NOT_A_CREDENTIAL.test(variable);
}

/**
 * Node.js runtime variables the containers set besides the app's own config: they configure the
 * runtime (trusted CAs, heap size), not the app, so no zod schema declares them.
 */
export const RUNTIME_VARIABLES: readonly string[] = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
