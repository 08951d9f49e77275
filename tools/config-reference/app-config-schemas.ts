// The one list of app config schemas that the configuration reference (docs/configuration.md, the
// README block) and the docker-compose.yml checks are derived from. A new app is added here, once.
import type { ZodObject } from 'zod';
import { baseAppEnvSchema } from '@wair-sfcc/app-runtime';
// The imports below reach into apps, which the module boundaries forbid for runtime code. This is a
// docs generator and test helper that reads the apps' config schemas, never code that runs in an app.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configSchema as wairIngest } from '../../apps/wair-ingest/src/app/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configSchema as wairSimulator } from '../../apps/wair-simulator/src/app/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configSchema as sfccInventoryWriter } from '../../apps/sfcc-inventory-writer/src/app/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configSchema as orderDispatchBridge } from '../../apps/order-dispatch-bridge/src/app/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configSchema as reconciliationAuditor } from '../../apps/reconciliation-auditor/src/app/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configSchema as sfccSimulator } from '../../apps/sfcc-simulator/src/app/config';

/** An app (its folder name under `apps/`) and the zod schema its `loadConfig(env)` parses. */
export interface AppConfigSchema {
  readonly app: string;
  readonly schema: ZodObject;
}

/** Every app's config schema, in the order the reference lists them. */
export const appConfigSchemas: readonly AppConfigSchema[] = [
  { app: 'wair-ingest', schema: wairIngest },
  { app: 'sfcc-inventory-writer', schema: sfccInventoryWriter },
  { app: 'order-dispatch-bridge', schema: orderDispatchBridge },
  { app: 'reconciliation-auditor', schema: reconciliationAuditor },
  { app: 'sfcc-simulator', schema: sfccSimulator },
  { app: 'wair-simulator', schema: wairSimulator },
];

/** The settings every app shares (Kafka, registry, logging, ops HTTP); the reference marks them. */
export const sharedConfigSchema: ZodObject = baseAppEnvSchema;
