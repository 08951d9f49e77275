/**
 * `npm run topics:apply [-- --fix] [-- --add-partitions] [-- --replication-factor N]`: creates the
 * catalogue's missing topics and reports config and partition drift on existing ones. Exit codes:
 * 0 all topics match, 1 a difference remains, 2 failed (see topics-apply-command.ts).
 */
import { topicCatalogue } from '@wair-sfcc/contracts';
import { createLogger } from '@wair-sfcc/observability';
import { createKafkaRuntime, loadKafkaSettings } from '../index';
import { runTopicsApply, TOPICS_APPLY_EXIT } from '../lib/topics-apply-command';

async function main(): Promise<number> {
  const logger = createLogger({ app: 'topics-apply', level: process.env['LOG_LEVEL'] ?? 'warn' });
  const runtime = createKafkaRuntime(loadKafkaSettings(process.env, 'topics-apply'), logger);
  return runTopicsApply({
    argv: process.argv.slice(2),
    specs: topicCatalogue,
    provision: (specs, options) => runtime.provision(specs, options),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}

main().then(
  (code) => {
    // On failure a retrying client could keep the process alive; stdout/stderr are synchronous here.
    if (code === TOPICS_APPLY_EXIT.failed) process.exit(code);
    process.exitCode = code;
  },
  (error: unknown) => {
    // Configuration errors (KAFKA_* variables) land here, before any Kafka call.
    process.stderr.write(`topics:apply failed: ${(error as Error).message}\n`);
    process.exit(TOPICS_APPLY_EXIT.failed);
  },
);
