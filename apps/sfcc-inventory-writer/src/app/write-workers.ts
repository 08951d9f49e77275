import type { InventoryListSync } from '@wair-sfcc/contracts';
import { backoffDelay } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import type { InventoryWriter, InventoryWriteResult } from '@wair-sfcc/sfcc-client';
import type { InventoryPipeline, WriteEntry } from './inventory-pipeline';
import type { WriterMetrics } from './writer-metrics';

export interface WriteWorkersOptions {
  pipeline: InventoryPipeline;
  writer: InventoryWriter;
  metrics: WriterMetrics;
  logger: Logger;
  now: () => number;
  batchSize: number;
  concurrency: number;
  /** Called after each settled batch (commit scheduling, tests). */
  onSettled?: () => void;
  sleep?: (ms: number) => Promise<void>;
  /** Wait after a failed publish or a whole-call SFCC failure, before trying again. */
  retry?: { initialMs: number; maxMs: number };
  /** SYNC_SLA_MS: a figure written later than this after its WAIR change counts as an SLA breach; 0 = off. */
  slaMs?: number;
}

const keyOf = (list: string, sku: string) => `${list}\u0000${sku}`;

/**
 * `concurrency` loops that each take up to `batchSize` entries (highest class first), write them
 * through the InventoryWriter port (one OCAPI batch), report every final outcome on
 * sfcc.inventory-sync.v1 and only then release the records' offsets. Retriable failures go back
 * into the queue, where a newer figure of the same key wins; nothing is dropped.
 */
export function createWriteWorkers(options: WriteWorkersOptions) {
  const { pipeline, writer, metrics, logger, now } = options;
  const { queue, offsets } = pipeline;
  const retry = options.retry ?? { initialMs: 200, maxMs: 30_000 };
  const slaMs = options.slaMs ?? 0;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let running = false;
  let loops: Promise<void>[] = [];
  let failures = 0;
  const wakers = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, 1000);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      }
      wakers.add(done);
    });

  function toSync(
    entry: WriteEntry,
    result: InventoryWriteResult | undefined,
    outcome: InventoryListSync['outcome'],
  ) {
    const a = entry.payload.allocation;
    const error =
      outcome === 'OK'
        ? null
        : [result?.httpStatus, result?.faultType, result?.message].filter(Boolean).join(' ') || outcome;
    return {
      sku: entry.sku,
      list: {
        inventoryListId: entry.inventoryListId,
        allocation: a.allocation,
        resetDate: a.resetDate,
        sourceAsOf: a.asOf,
        sourceSequence: a.sourceSequence,
        writtenAt: now(),
        outcome,
        error,
        priority: entry.priority,
        channel: 'OCAPI' as const,
      },
    };
  }

  async function publish(reports: ReturnType<typeof toSync>[]): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await pipeline.reporter.report(reports);
        return true;
      } catch (error) {
        logger.warn({ err: error, attempt }, 'publishing sync outcomes failed, retrying');
        if (!running) return false;
        await sleep(backoffDelay(attempt, retry.initialMs, retry.maxMs));
      }
    }
  }

  async function writeBatch(batch: WriteEntry[]): Promise<void> {
    const started = now();
    let results: InventoryWriteResult[];
    try {
      results = await writer.write(
        batch
          .map((e) => e.payload.allocation)
          .map((a) => ({
            inventoryListId: a.inventoryListId,
            productId: a.sku,
            allocation: a.allocation,
            resetDate: a.resetDate,
          })),
      );
      failures = 0;
    } catch (error) {
      metrics.sfccLatency.observe({ operation: 'ocapi_batch' }, (now() - started) / 1000);
      logger.warn({ err: error, records: batch.length }, 'SFCC batch write failed as a whole; requeued');
      for (const e of batch) requeue(e);
      await sleep(backoffDelay((failures += 1), retry.initialMs, retry.maxMs));
      return;
    }
    const ackAt = now();
    metrics.sfccLatency.observe({ operation: 'ocapi_batch' }, (ackAt - started) / 1000);
    const byKey = new Map(results.map((r) => [keyOf(r.write.inventoryListId, r.write.productId), r]));
    const reports: ReturnType<typeof toSync>[] = [];
    const done: WriteEntry[] = [];
    for (const entry of batch) {
      const result = byKey.get(keyOf(entry.inventoryListId, entry.sku));
      if (result?.httpStatus === 429 || result?.httpStatus === 503) {
        metrics.throttled.inc({ status: String(result.httpStatus) });
      }
      if (result?.status === 'OK') {
        const dropped = queue.markWritten(entry.inventoryListId, entry.sku, entry.asOf, entry.sourceSequence);
        if (dropped) offsets.release(dropped.payload.source);
        observeDelay(entry, ackAt);
        reports.push(toSync(entry, result, 'OK'));
        done.push(entry);
      } else if (result?.status === 'REJECTED' || (result && !result.retriable)) {
        logger.warn(
          {
            sku: entry.sku,
            inventoryListId: entry.inventoryListId,
            status: result.httpStatus,
            fault: result.faultType,
          },
          'SFCC refused the write',
        );
        reports.push(toSync(entry, result, result.status === 'REJECTED' ? 'REJECTED' : 'FAILED'));
        done.push(entry);
      } else {
        requeue(entry);
      }
    }
    if (reports.length > 0) {
      if (!(await publish(reports))) return;
      for (const r of reports) metrics.writes.inc({ outcome: r.list.outcome, channel: 'OCAPI' });
    }
    for (const entry of done) {
      queue.complete(entry);
      offsets.release(entry.payload.source);
    }
    for (const r of reports) if (r.list.outcome === 'OK') pipeline.recheck(r.sku, r.list.inventoryListId);
    options.onSettled?.();
  }

  /**
   * WAIR change → SFCC write delay of a written figure. Only entries that carry a stock record
   * count: a re-write without one (an order or catalog change re-planned a figure already handled)
   * has an `asOf` that can be hours old, which would read as a late WAIR change when it is not.
   */
  function observeDelay(entry: WriteEntry, ackAt: number): void {
    if (entry.payload.source === undefined) return;
    const delayMs = Math.max(0, ackAt - entry.asOf);
    const priority = String(entry.priority);
    metrics.changeToWrite.observe({ priority }, delayMs / 1000);
    if (slaMs > 0 && delayMs > slaMs) metrics.slaBreaches.inc({ priority });
  }

  function requeue(entry: WriteEntry): void {
    metrics.retries.inc();
    if (!queue.requeue(entry)) offsets.release(entry.payload.source);
  }

  async function loop(): Promise<void> {
    while (running) {
      const batch = queue.take(options.batchSize);
      if (batch.length === 0) {
        await idle();
        continue;
      }
      await writeBatch(batch);
    }
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      unsubscribe = pipeline.onWork(() => [...wakers].forEach((w) => w()));
      loops = Array.from({ length: options.concurrency }, () =>
        loop().catch((error: unknown) => logger.error({ err: error }, 'write loop failed')),
      );
    },
    /** Lets the batches in flight finish (and report), then returns. */
    async stop(): Promise<void> {
      running = false;
      unsubscribe?.();
      [...wakers].forEach((w) => w());
      await Promise.all(loops);
    },
  };
}
