import { parseArgs } from 'node:util';

/** A command line the CLI cannot run; the message says what is wrong, the usage follows. */
export class OpsUsageError extends Error {
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'OpsUsageError';
  }
}

export interface ExceptionFilters {
  owner?: string;
  type?: string;
  severity?: string;
  state?: string;
  subject?: string;
  limit?: number;
  offset?: number;
}

export type OpsCommand =
  | { name: 'help' }
  | { name: 'sku'; sku: string }
  | { name: 'order'; orderNo: string }
  | { name: 'exceptions'; filters: ExceptionFilters }
  | { name: 'resync'; skus: string[]; all: boolean }
  | { name: 'dlq-list' }
  | { name: 'dlq-replay'; topic: string; dryRun: boolean };

/** Settings given as flags; they win over the environment. Secrets are read from the environment only. */
export interface OpsFlags {
  json: boolean;
  auditorUrl?: string;
  writerUrl?: string;
  brokers?: string;
  timeoutMs?: number;
}

export const USAGE = `Usage: npm run ops -- <command> [options]

Commands:
  sku <id>                        SKU look-up across WAIR, Kafka and SFCC (auditor API)
  order <orderNo>                 order timeline: captured, accepted, dispatched, shipped (auditor API)
  exceptions [filters]            open exceptions, most urgent first (auditor API)
      --owner OPS|CX|MERCH|PLATFORM  --type <TYPE>  --severity <SEV>  --state <STATE|ALL>
      --subject <sku|orderNo>  --limit <n>  --offset <n>   (comma-separate several values)
  resync <sku> [<sku>…]           ask the inventory writer to re-send these SKUs to SFCC
  resync --all                    ask the writer for a forced full refresh of every SKU
  dlq list                        every *.dlq topic with its record count (Kafka)
  dlq replay <topic.dlq> [--dry-run]
                                  re-produce the DLQ's records, bytes and headers as they were,
                                  to the source topic named in their dlq-source-topic header

Options:
  --json                          print the raw JSON instead of tables (sku, order, exceptions, dlq list)
  --auditor-url <url>             default $AUDITOR_URL or http://127.0.0.1:9304
  --writer-url <url>              default $WRITER_URL or http://127.0.0.1:9302
  --brokers <host:port,…>         default $KAFKA_BROKERS
  --timeout <ms>                  HTTP timeout, default 15000
  -h, --help

Environment: AUDITOR_URL, AUDITOR_TOKEN (bearer for the auditor API), WRITER_URL, ADMIN_TOKEN
(bearer for the writer's admin API), KAFKA_BROKERS (+ KAFKA_SSL, KAFKA_SASL_* as for the apps).
`;

const OPTION_SPEC = {
  owner: { type: 'string' },
  type: { type: 'string' },
  severity: { type: 'string' },
  state: { type: 'string' },
  subject: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  all: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  'auditor-url': { type: 'string' },
  'writer-url': { type: 'string' },
  brokers: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const GLOBAL = new Set(['json', 'auditor-url', 'writer-url', 'brokers', 'timeout', 'help']);
const ALLOWED: Record<string, ReadonlySet<string>> = {
  exceptions: new Set(['owner', 'type', 'severity', 'state', 'subject', 'limit', 'offset']),
  resync: new Set(['all']),
  'dlq-replay': new Set(['dry-run']),
};

const wholeNumber = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new OpsUsageError(`--${name} must be a whole number (got "${raw}")`);
  return Number(raw);
};

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    throw new OpsUsageError((error as Error).message);
  }
}

/** Parses the CLI's arguments into a command and flags. @throws OpsUsageError */
export function parseOpsArgs(argv: readonly string[]): { command: OpsCommand; flags: OpsFlags } {
  const { values, positionals } = parse(argv);
  const flags: OpsFlags = {
    json: values.json === true,
    auditorUrl: values['auditor-url'],
    writerUrl: values['writer-url'],
    brokers: values.brokers,
    timeoutMs: wholeNumber('timeout', values.timeout),
  };
  const [verb, ...rest] = positionals;
  if (values.help || verb === undefined || verb === 'help') return { command: { name: 'help' }, flags };

  const key = verb === 'dlq' ? `dlq-${rest[0] ?? ''}` : verb;
  const given = Object.keys(values).filter((k) => !GLOBAL.has(k));
  const misplaced = given.filter((k) => !ALLOWED[key]?.has(k));
  if (misplaced.length) {
    throw new OpsUsageError(
      `${misplaced.map((k) => `--${k}`).join(', ')} does not apply to "${[verb, ...rest.slice(0, verb === 'dlq' ? 1 : 0)].join(' ')}"`,
    );
  }
  const one = (what: string, args: readonly string[]): string => {
    if (args.length !== 1 || !args[0]?.trim()) throw new OpsUsageError(`${verb} needs exactly one ${what}`);
    return args[0].trim();
  };

  switch (verb) {
    case 'sku':
      return { command: { name: 'sku', sku: one('SKU id', rest) }, flags };
    case 'order':
      return { command: { name: 'order', orderNo: one('order number', rest) }, flags };
    case 'exceptions':
      if (rest.length)
        throw new OpsUsageError(`exceptions takes filters as options, not "${rest.join(' ')}"`);
      return {
        command: {
          name: 'exceptions',
          filters: {
            owner: values.owner,
            type: values.type,
            severity: values.severity,
            state: values.state,
            subject: values.subject,
            limit: wholeNumber('limit', values.limit),
            offset: wholeNumber('offset', values.offset),
          },
        },
        flags,
      };
    case 'resync': {
      const all = values.all === true;
      if (all && rest.length) throw new OpsUsageError('resync takes either SKUs or --all, not both');
      if (!all && !rest.length) throw new OpsUsageError('resync needs one or more SKUs, or --all');
      return { command: { name: 'resync', skus: [...new Set(rest)], all }, flags };
    }
    case 'dlq':
      if (rest[0] === 'list') {
        if (rest.length > 1) throw new OpsUsageError('dlq list takes no arguments');
        return { command: { name: 'dlq-list' }, flags };
      }
      if (rest[0] === 'replay') {
        const topic = one('DLQ topic', rest.slice(1));
        if (!topic.endsWith('.dlq'))
          throw new OpsUsageError(`dlq replay needs a *.dlq topic (got "${topic}")`);
        return { command: { name: 'dlq-replay', topic, dryRun: values['dry-run'] === true }, flags };
      }
      throw new OpsUsageError('dlq needs "list" or "replay <topic.dlq>"');
    default:
      throw new OpsUsageError(`unknown command "${verb}"`);
  }
}
