import type { Logger } from '@wair-sfcc/observability';
import type { IngestPipeline } from './ingest-pipeline';
import type { WairClient } from './wair-client';

export interface SnapshotOptions {
  client: WairClient;
  pipeline: IngestPipeline;
  stockPath: string;
  skusPath: string;
  pageSize: number;
  logger: Logger;
  clock?: () => number;
}

export interface SnapshotReport {
  skus: number;
  stock: number;
  /** SKU_MISMATCH exceptions resolved because the snapshot no longer met their codes. */
  resolvedMismatches: number;
  startedAt: string;
  finishedAt: string;
}

/**
 * Full read of the SKU master and of all stock (origin SNAPSHOT). Stale figures are still dropped
 * by sequence, so a snapshot never overwrites a newer webhook. One runs at a time.
 */
export function createSnapshotRunner(options: SnapshotOptions) {
  const { client, pipeline, logger } = options;
  const clock = options.clock ?? Date.now;

  async function readAll(
    path: string,
    ingest: (raw: unknown, source: string) => { ack: Promise<void> },
  ): Promise<number> {
    let total = 0;
    for (let offset = 0; ; offset += options.pageSize) {
      const page = await client.getPage(path, { Offset: offset, Limit: options.pageSize });
      await Promise.all(page.records.map((raw, i) => ingest(raw, `${path}?offset=${offset + i}`).ack));
      total += page.records.length;
      if (!page.moreRecordsAvailable || page.records.length === 0) return total;
    }
  }

  async function run(what: 'all' | 'skus'): Promise<SnapshotReport> {
    const started = clock();
    // Only a feed read to its last page says which codes WAIR no longer has.
    const skus = await readAll(options.skusPath, (raw, source) => pipeline.sku(raw, 'snapshot', source));
    let resolvedMismatches = await pipeline.resolveMismatchesNotSeenSince('skus', started);
    let stock = 0;
    if (what === 'all') {
      stock = await readAll(options.stockPath, (raw, source) => pipeline.stock(raw, 'snapshot', source));
      resolvedMismatches += await pipeline.resolveMismatchesNotSeenSince('stock', started);
    }
    const report = {
      skus,
      stock,
      resolvedMismatches,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(clock()).toISOString(),
    };
    logger.info(report, 'snapshot finished');
    return report;
  }

  let running: { what: 'all' | 'skus'; report: Promise<SnapshotReport> } | undefined;
  let queuedAll: Promise<SnapshotReport> | undefined;

  function start(what: 'all' | 'skus'): Promise<SnapshotReport> {
    const report = run(what).finally(() => (running = undefined));
    running = { what, report };
    return report;
  }

  return {
    /**
     * Starts a snapshot, or joins the one running when it covers what is asked. A full snapshot
     * asked for while only the SKU master is being read (the start-up read) runs right after it:
     * joining would answer without having read any stock.
     */
    run(what: 'all' | 'skus' = 'all'): Promise<SnapshotReport> {
      if (what === 'all' && queuedAll) return queuedAll;
      if (!running) return start(what);
      if (what === 'skus' || running.what === 'all') return running.report;
      const after = running.report.then(
        () => undefined,
        () => undefined,
      );
      queuedAll = after.then(() => {
        queuedAll = undefined;
        return start('all');
      });
      return queuedAll;
    },
    /** What `run('all')` would do now: join, queue behind the SKU-master read, or start. */
    stateFor(what: 'all' | 'skus'): 'started' | 'already-running' | 'queued' {
      if (what === 'all' && queuedAll) return 'already-running';
      if (!running) return 'started';
      return what === 'skus' || running.what === 'all' ? 'already-running' : 'queued';
    },
    isRunning: () => running !== undefined || queuedAll !== undefined,
  };
}

export type SnapshotRunner = ReturnType<typeof createSnapshotRunner>;
