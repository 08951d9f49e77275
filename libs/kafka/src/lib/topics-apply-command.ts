import type { TopicSpec } from '@wair-sfcc/contracts';
import type { ProvisionOptions, TopicReport } from './topic-provisioner';

/**
 * Exit codes of `npm run topics:apply` (documented in docs/deploying.md): `ok` when every topic
 * matches the catalogue after the run, `drift` when a difference remains, `failed` when the
 * command could not do its job (bad arguments or configuration, broker unreachable, a Kafka error).
 */
export const TOPICS_APPLY_EXIT = { ok: 0, drift: 1, failed: 2 } as const;

export const TOPICS_APPLY_USAGE =
  'usage: npm run topics:apply [-- [--fix] [--add-partitions] [--replication-factor N]]';

/** The command line of `topics:apply`, parsed. */
export interface TopicsApplyArgs {
  fix: boolean;
  addPartitions: boolean;
  replicationFactor: number;
}

export class TopicsApplyUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${TOPICS_APPLY_USAGE}`);
    this.name = 'TopicsApplyUsageError';
  }
}

/** Parses the arguments; an unknown one is an error, so a typo (`--fixx`) never passes for a report. */
export function parseTopicsApplyArgs(argv: readonly string[]): TopicsApplyArgs {
  const args: TopicsApplyArgs = { fix: false, addPartitions: false, replicationFactor: 1 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--fix') args.fix = true;
    else if (arg === '--add-partitions') args.addPartitions = true;
    else if (arg === '--replication-factor') {
      const value = argv[(i += 1)];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) {
        throw new TopicsApplyUsageError(
          `--replication-factor wants a positive integer, got ${value ?? 'nothing'}`,
        );
      }
      args.replicationFactor = n;
    } else throw new TopicsApplyUsageError(`unknown argument ${arg}`);
  }
  return args;
}

const INDENT = ' '.repeat(10);

function partitionLine(p: TopicReport['partitions']): string | undefined {
  switch (p.state) {
    case 'match':
      return undefined;
    case 'added':
      return `partitions: ${p.live} → ${p.wanted} (added)`;
    case 'too-few':
      return `partitions: ${p.live} live, ${p.wanted} in the catalogue (fewer)`;
    case 'too-many':
      return `partitions: ${p.live} live, ${p.wanted} in the catalogue (more; cannot be fixed here)`;
  }
}

/**
 * The command's output and exit code for a provisioning run: one line per topic, its differences
 * indented below it, and when a difference remains, what to run (or do) about each kind.
 */
export function renderTopicReports(reports: readonly TopicReport[]): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.action.padEnd(9)} ${r.topic}`);
    for (const d of r.drift) lines.push(`${INDENT}${d}${r.configsFixed ? ' (applied)' : ''}`);
    const partitions = partitionLine(r.partitions);
    if (partitions) lines.push(`${INDENT}${partitions}`);
  }
  const drifted = reports.filter((r) => r.action === 'drift');
  if (drifted.length === 0) return { lines, exitCode: TOPICS_APPLY_EXIT.ok };

  const count = (n: number) => `${n} topic${n === 1 ? '' : 's'}`;
  const configs = drifted.filter((r) => r.drift.length > 0 && !r.configsFixed).length;
  const fewer = drifted.filter((r) => r.partitions.state === 'too-few').length;
  const more = drifted.filter((r) => r.partitions.state === 'too-many').length;
  const differ = drifted.length === 1 ? 'differs' : 'differ';
  lines.push(`${count(drifted.length)} ${differ} from the catalogue (exit code ${TOPICS_APPLY_EXIT.drift}):`);
  if (configs > 0) {
    lines.push(
      `  configs on ${count(configs)}: \`npm run topics:apply -- --fix\` applies the catalogue's configs`,
    );
  }
  if (fewer > 0) {
    lines.push(
      `  fewer partitions on ${count(fewer)}: \`npm run topics:apply -- --add-partitions\` adds them; ` +
        'this re-maps keys to partitions, see "Provisioning topics" in docs/deploying.md first',
    );
  }
  if (more > 0) {
    lines.push(
      `  more partitions on ${count(more)}: Kafka cannot remove partitions; raise the count in the ` +
        'catalogue (libs/contracts) or delete and recreate the topic (its records are lost)',
    );
  }
  return { lines, exitCode: TOPICS_APPLY_EXIT.drift };
}

/** What {@link runTopicsApply} needs: the catalogue (or a part of it) and a way to provision it. */
export interface TopicsApplyDeps {
  argv: readonly string[];
  specs: readonly TopicSpec[];
  provision(specs: readonly TopicSpec[], options: ProvisionOptions): Promise<TopicReport[]>;
  /** Receives the report, one line at a time. */
  out(line: string): void;
  /** Receives usage and failure messages. */
  err(line: string): void;
}

/**
 * `topics:apply` without the process around it: parses the arguments, provisions the given topics
 * and prints the report. Resolves to the exit code ({@link TOPICS_APPLY_EXIT}); never rejects.
 */
export async function runTopicsApply(deps: TopicsApplyDeps): Promise<number> {
  try {
    const args = parseTopicsApplyArgs(deps.argv);
    const reports = await deps.provision(deps.specs, args);
    const { lines, exitCode } = renderTopicReports(reports);
    lines.forEach((line) => deps.out(line));
    return exitCode;
  } catch (error) {
    deps.err(`topics:apply failed: ${(error as Error).message}`);
    return TOPICS_APPLY_EXIT.failed;
  }
}
