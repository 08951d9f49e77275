// Maps an app's zod config schema onto Kubernetes: non-secret values into the app's ConfigMap,
// credentials as references to Secrets. Names are exactly the schema's keys.
import { sharedConfigSchema } from '../config-reference/app-config-schemas';
import { describeVariables } from '../config-reference/config-variables';
import type { DeployableApp } from './deployable-apps';
import {
  APP_SETTINGS,
  PLACEHOLDER,
  SHARED_SETTINGS,
  isLocalOnlyDefault,
  isSecretVariable,
  secretSource,
  type SecretSource,
} from './deploy-settings';

/** The environment of one app, split by where each value comes from. */
export interface AppEnvironment {
  /** Non-secret settings for the ConfigMap (`envFrom`). */
  readonly config: Record<string, string>;
  /** Secret settings, each read from a key of a Secret (`env[].valueFrom.secretKeyRef`). */
  readonly secrets: Record<string, SecretSource>;
  /** Required settings that have no value here: the overlay must replace the placeholder. */
  readonly placeholders: string[];
  /** The port of /livez, /readyz and /metrics. */
  readonly opsPort: number;
}

const sharedNames = new Set(Object.keys(sharedConfigSchema.shape));

// Every app needs a stable ops port for its probes and Service; apps without a default get one by
// their position, in a range that does not collide with the apps' own defaults (9301-9304).
const FALLBACK_OPS_PORT_BASE = 9390;

/** The environment an app's container gets in the cluster. */
export function appEnvironment(deployable: DeployableApp, index: number): AppEnvironment {
  const config: Record<string, string> = {};
  const secrets: Record<string, SecretSource> = {};
  const placeholders: string[] = [];
  let opsPort = FALLBACK_OPS_PORT_BASE + index;
  for (const variable of describeVariables(deployable.schema, sharedNames)) {
    const { name, required, defaultValue } = variable;
    if (isSecretVariable(name)) {
      secrets[name] = secretSource(deployable.app, name, required, defaultValue);
      continue;
    }
    if (name === 'OPS_PORT') {
      opsPort = defaultValue === undefined ? opsPort : Number(defaultValue);
      config[name] = String(opsPort);
      continue;
    }
    // The Strimzi KafkaUser of the app is named like the app, and so is its SCRAM user.
    const value =
      name === 'KAFKA_SASL_USERNAME'
        ? deployable.app
        : (APP_SETTINGS[deployable.app]?.[name] ?? SHARED_SETTINGS[name]);
    if (value !== undefined) {
      config[name] = value;
    } else if (required || isLocalOnlyDefault(name, defaultValue)) {
      config[name] = PLACEHOLDER;
      placeholders.push(name);
    }
  }
  return { config, secrets, placeholders, opsPort };
}
