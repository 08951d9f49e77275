import { createKafkaRuntime, loadKafkaSettings } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';

/** A Kafka broker and schema registry the environment names (a shared dev or CI stack). */
export interface NamedStack {
  KAFKA_BROKERS: string;
  SCHEMA_REGISTRY_URL: string;
}

/**
 * The stack KAFKA_BROKERS and SCHEMA_REGISTRY_URL name, when both are set. `npm start` then runs
 * on it as it is: someone else owns it, so starting the local stack on its own ports beside it, or
 * stopping it on exit, would be wrong.
 */
export function namedStack(env: NodeJS.ProcessEnv): NamedStack | undefined {
  const brokers = env['KAFKA_BROKERS'];
  const registry = env['SCHEMA_REGISTRY_URL'];
  return brokers && registry ? { KAFKA_BROKERS: brokers, SCHEMA_REGISTRY_URL: registry } : undefined;
}

/** Whether the named broker answers a metadata request and the registry its subject list. */
export async function namedStackAnswers(
  env: NodeJS.ProcessEnv,
): Promise<{ kafka: boolean; registry: boolean }> {
  // The apps' own settings (SASL, TLS, registry auth), so the probe reaches what they will reach.
  const runtime = createKafkaRuntime(
    loadKafkaSettings(env, 'npm-start'),
    createLogger({ app: 'npm-start', level: 'silent' }),
  );
  try {
    // The probe's own timeout starts after the client's connect retries; this bounds the whole wait.
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)));
    const [kafka, registry] = await Promise.all([
      Promise.race([runtime.admin.probe(5000), giveUp]),
      runtime.registryAnswers(5000),
    ]).finally(() => clearTimeout(timer));
    return { kafka, registry };
  } finally {
    await runtime.admin.disconnect().catch(() => undefined);
  }
}
