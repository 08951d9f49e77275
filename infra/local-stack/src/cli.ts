/** `npm run stack:up | stack:down | stack:status` — the real local Kafka + schema registry. */
import { loadStackConfig, stackEndpoints } from './stack-config';
import { stackDown, stackLogTails, stackStatus, stackUp, type StackStatus } from './local-stack';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function printStatus(status: StackStatus): void {
  const mark = (ok: boolean): string => (ok ? 'answers' : 'DOWN');
  out(
    `Kafka           ${status.kafka.url.padEnd(44)} ${mark(status.kafka.answers)}${status.kafka.pid ? ` (pid ${status.kafka.pid})` : ''}`,
  );
  out(
    `Schema registry ${status.registry.url.padEnd(44)} ${mark(status.registry.answers)}${status.registry.pid ? ` (pid ${status.registry.pid})` : ''}`,
  );
}

async function main(): Promise<void> {
  const [command, ...flags] = process.argv.slice(2);
  const config = loadStackConfig();
  switch (command) {
    case 'up': {
      const status = await stackUp(config, out);
      printStatus(status);
      const env = stackEndpoints(config);
      out(`\nexport KAFKA_BROKERS=${env.KAFKA_BROKERS} SCHEMA_REGISTRY_URL=${env.SCHEMA_REGISTRY_URL}`);
      break;
    }
    case 'down':
      for (const line of await stackDown(config, { fresh: flags.includes('--fresh') })) out(line);
      break;
    case 'status': {
      const status = await stackStatus(config);
      printStatus(status);
      if (!status.kafka.answers || !status.registry.answers) process.exitCode = 1;
      break;
    }
    case 'logs':
      out(stackLogTails(config, Number(flags[0] ?? 60)));
      break;
    default:
      out('usage: stack.ts up | down [--fresh] | status | logs [lines]');
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`local stack: ${(error as Error).message}\n`);
  process.exit(1);
});
