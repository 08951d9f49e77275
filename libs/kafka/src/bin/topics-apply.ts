/**
 * `npm run topics:apply [-- --fix] [-- --replication-factor N]`: creates the catalogue's topics
 * and reports config drift on existing ones. Exits 1 when drift remains unfixed.
 */
import { topicCatalogue } from '@wair-sfcc/contracts';
import { createLogger } from '@wair-sfcc/observability';
import { createKafkaRuntime, loadKafkaSettings } from '../index';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fix = args.includes('--fix');
  const rfIndex = args.indexOf('--replication-factor');
  const replicationFactor = rfIndex >= 0 ? Number(args[rfIndex + 1]) : 1;
  const logger = createLogger({ app: 'topics-apply', level: process.env['LOG_LEVEL'] ?? 'warn' });
  const runtime = createKafkaRuntime(loadKafkaSettings(process.env, 'topics-apply'), logger);
  const reports = await runtime.provision(topicCatalogue, { fix, replicationFactor });
  let unfixed = 0;
  for (const r of reports) {
    const parts =
      r.partitions.live !== undefined && r.partitions.live !== r.partitions.wanted
        ? ` (partitions live ${r.partitions.live}, catalogue ${r.partitions.wanted})`
        : '';
    process.stdout.write(`${r.action.padEnd(9)} ${r.topic}${parts}\n`);
    for (const d of r.drift) process.stdout.write(`          ${d}\n`);
    if (r.action === 'drift') unfixed += 1;
  }
  if (unfixed > 0) {
    process.stdout.write(`${unfixed} topic(s) drifted from the catalogue; run with --fix to apply it\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`topics:apply failed: ${(error as Error).message}\n`);
  process.exit(1);
});
