export { baseAppEnvSchema, parseEnv, ConfigError } from './lib/app-env.schema';
export { opsPortField, consumerGroupField } from './lib/app-env-fields';
export type { BaseAppEnv } from './lib/app-env.schema';
export { runService } from './lib/service-runner';
export type { Service, RunOptions } from './lib/service-runner';
export { createServiceShell } from './lib/service-shell';
export type { ServiceShellOptions } from './lib/service-shell';
export { isLoopbackUrl, refuseFixtureCredentialsOffLoopback } from './lib/fixture-credentials.guard';
export type { FixtureCredential } from './lib/fixture-credentials.guard';
