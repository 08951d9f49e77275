import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { provideStack } from './test-environment-provider';

/** Finds or starts the real stack, provisions the catalogue's topics, and exports the addresses. */
export default async function globalSetup(): Promise<void> {
  const stack = await provideStack();
  process.env['KAFKA_BROKERS'] = stack.KAFKA_BROKERS;
  process.env['SCHEMA_REGISTRY_URL'] = stack.SCHEMA_REGISTRY_URL;
  process.stderr.write(
    `\nintegration stack (${stack.source}): ${stack.KAFKA_BROKERS}, ${stack.SCHEMA_REGISTRY_URL}\n`,
  );
  (globalThis as { __STACK__?: typeof stack }).__STACK__ = stack;
  // Provisioning runs through tsx, which resolves the workspace's path aliases.
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), 'libs/kafka/src/bin/topics-apply.ts'],
    {
      cwd: path.resolve(__dirname, '../..'),
      env: process.env,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`topics:apply failed:\n${result.stdout}${result.stderr}`);
}
