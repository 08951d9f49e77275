import { Presets, SingleBar } from 'cli-progress';
import { OpsUsageError, parseOpsArgs, USAGE, type OpsCommand, type OpsFlags } from './ops-args';
import { OpsConfigError, auditorTarget, writerTarget } from './ops-settings';
import { OpsHttpError, requestJson } from './ops-http';
import { renderExceptions, renderOrder, renderSku } from './lookup.render';
import type { ExceptionsPage, OrderTimelineView, SkuLookupView } from './lookup-views';
import { renderTable } from './text-table';
import { createDlqKafka, kafkaConfigFor, type DlqKafka } from './dlq-kafka.adapter';

/** Where the CLI writes; tests capture it. */
export interface OpsIo {
  out(text: string): void;
  err(text: string): void;
  /** A progress display for DLQ replay; defaults to a cli-progress bar on stderr. */
  progress?(total: number): { update(done: number): void; stop(): void };
}

export interface OpsDeps {
  env: NodeJS.ProcessEnv;
  io: OpsIo;
  /** Replaces the Kafka adapter (tests). */
  dlq?: (flags: OpsFlags, env: NodeJS.ProcessEnv) => DlqKafka;
}

const progressBar = (total: number) => {
  const bar = new SingleBar(
    {
      format: '  replay [{bar}] {percentage}% | {value}/{total} records',
      noTTYOutput: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
};

const query = (filters: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
};

async function execute(command: OpsCommand, flags: OpsFlags, deps: OpsDeps): Promise<number> {
  const { io, env } = deps;
  const print = (json: unknown, text: () => string) =>
    io.out(flags.json ? `${JSON.stringify(json, null, 2)}\n` : text());
  switch (command.name) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'sku': {
      const v = await requestJson<SkuLookupView>(
        auditorTarget(flags, env),
        'GET',
        `/api/sku/${encodeURIComponent(command.sku)}`,
        { allowNotFound: true },
      );
      if (!v) {
        io.err(`SKU ${command.sku} is unknown to WAIR, Kafka and the SFCC catalog\n`);
        return 3;
      }
      print(v, () => renderSku(v));
      return 0;
    }
    case 'order': {
      const v = await requestJson<OrderTimelineView>(
        auditorTarget(flags, env),
        'GET',
        `/api/order/${encodeURIComponent(command.orderNo)}`,
        { allowNotFound: true },
      );
      if (!v) {
        io.err(`order ${command.orderNo} is not known to the auditor\n`);
        return 3;
      }
      print(v, () => renderOrder(v));
      return 0;
    }
    case 'exceptions': {
      const page = await requestJson<ExceptionsPage>(
        auditorTarget(flags, env),
        'GET',
        `/api/exceptions${query({ ...command.filters })}`,
      );
      if (page) print(page, () => renderExceptions(page));
      return 0;
    }
    case 'resync': {
      // A named resync always re-sends: the point is to overwrite what SFCC holds, even if our last write was OK.
      const body = command.all ? { force: true } : { skus: command.skus, force: true };
      const answer = await requestJson<{ status: string; force: boolean; skus: number | null }>(
        writerTarget(flags, env),
        'POST',
        '/admin/full-refresh',
        { body },
      );
      io.out(
        command.all
          ? `Full refresh of every SKU started (forced: every SKU is re-sent to SFCC). Follow it with GET /admin/full-refresh on the writer.\n`
          : `Resync of ${answer?.skus ?? command.skus.length} SKU(s) started: ${command.skus.join(', ')}\n`,
      );
      return 0;
    }
    case 'dlq-list': {
      const dlq = (deps.dlq ?? ((f, e) => createDlqKafka(kafkaConfigFor(f, e))))(flags, env);
      try {
        const topics = await dlq.list();
        print(topics, () =>
          topics.length
            ? `${renderTable(
                ['DLQ topic', 'partitions', 'records'],
                topics.map((t) => [t.topic, t.partitions, t.records]),
              )}\n\n${topics.reduce((s, t) => s + t.records, 0)} record(s) in ${topics.length} DLQ topic(s)\n`
            : 'No DLQ topics.\n',
        );
      } finally {
        await dlq.close();
      }
      return 0;
    }
    case 'dlq-replay': {
      const dlq = (deps.dlq ?? ((f, e) => createDlqKafka(kafkaConfigFor(f, e))))(flags, env);
      let bar: ReturnType<typeof progressBar> | undefined;
      try {
        const result = await dlq.replay(command.topic, {
          dryRun: command.dryRun,
          onStart: (total) => (bar = total > 0 ? (io.progress ?? progressBar)(total) : undefined),
          onProgress: (done) => bar?.update(done),
        });
        bar?.stop();
        const verb = command.dryRun ? 'would replay' : 'replayed';
        const lines = Object.entries(result.bySource).map(([t, n]) => [t, n]);
        io.out(
          `${command.dryRun ? 'Dry run: ' : ''}${verb} ${result.replayed} of ${result.total} record(s) from ${command.topic}` +
            `${result.skipped ? `; ${result.skipped} left on the DLQ (no existing source topic in their dlq-source-topic header)` : ''}\n` +
            (lines.length ? `${renderTable(['source topic', 'records'], lines)}\n` : ''),
        );
        return result.skipped > 0 ? 2 : 0;
      } finally {
        bar?.stop();
        await dlq.close();
      }
    }
  }
}

/** Runs one CLI invocation; resolves with the exit code and never rejects. */
export async function runOps(argv: readonly string[], deps: OpsDeps): Promise<number> {
  try {
    const { command, flags } = parseOpsArgs(argv);
    return await execute(command, flags, deps);
  } catch (error) {
    if (error instanceof OpsUsageError) {
      deps.io.err(`ops: ${error.message}\n\n${USAGE}`);
      return 64;
    }
    if (error instanceof OpsConfigError || error instanceof OpsHttpError) {
      deps.io.err(`ops: ${error.message}\n`);
      return 1;
    }
    deps.io.err(`ops: ${(error as Error).message}\n`);
    return 1;
  }
}
