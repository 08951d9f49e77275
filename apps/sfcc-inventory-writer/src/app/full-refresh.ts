import type { InventoryListSync, StockLevel } from '@wair-sfcc/contracts';
import { compareVersions, PRIORITY, sellability, type CatalogEntry } from '@wair-sfcc/inventory-domain';
import type { Logger } from '@wair-sfcc/observability';
import type { InventoryImporter, InventoryRecordWrite, InventoryWriteResult } from '@wair-sfcc/sfcc-client';
import type { InventoryPipeline } from './inventory-pipeline';
import type { StockPlanner } from './stock-planner';
import type { WriterMetrics } from './writer-metrics';

export interface FullRefreshRequest {
  /** Write every allocation, not only those that differ from what SFCC was last given. */
  force?: boolean;
  /** Limit the refresh to these SKUs. */
  skus?: string[];
}

export interface FullRefreshSummary {
  startedAt: number;
  finishedAt: number | null;
  force: boolean;
  figures: number;
  notSellable: number;
  lists: Record<string, { sent: number; unchanged: number; ok: number; rejected: number; failed: number }>;
  error: string | null;
}

export interface FullRefreshDeps {
  /** The whole compacted wair.stock.v1 table, latest figure per SKU. */
  readStock: () => Promise<Iterable<StockLevel>>;
  importer: InventoryImporter;
  pipeline: InventoryPipeline;
  plan: StockPlanner;
  catalog: { get(sku: string): CatalogEntry | undefined };
  metrics: WriterMetrics;
  logger: Logger;
  now: () => number;
}

/**
 * Full refresh (priority class 3) through IMPEX, one import per inventory list. Diff-only by
 * default: a list entry is sent when SFCC has nothing from us, an older figure, or a different
 * allocation. Keys with a delta write pending or in flight are left to the delta path, and a
 * figure older than what SFCC already holds is never sent, forced or not.
 */
export function createFullRefresh(deps: FullRefreshDeps) {
  const { pipeline, logger, metrics, now } = deps;
  let running: Promise<FullRefreshSummary> | undefined;
  let last: FullRefreshSummary | undefined;

  async function execute(request: FullRefreshRequest, summary: FullRefreshSummary): Promise<void> {
    const only = request.skus ? new Set(request.skus) : undefined;
    const perList = new Map<string, Array<{ write: InventoryRecordWrite; asOf: number; seq: number }>>();
    for (const figure of await deps.readStock()) {
      if (only && !only.has(figure.sku)) continue;
      summary.figures += 1;
      if (!sellability(figure.sku, deps.catalog.get(figure.sku)).sellable) {
        summary.notSellable += 1;
        continue;
      }
      for (const { allocation: a } of deps.plan(figure)) {
        const stats = (summary.lists[a.inventoryListId] ??= {
          sent: 0,
          unchanged: 0,
          ok: 0,
          rejected: 0,
          failed: 0,
        });
        if (pipeline.queue.peek(a.inventoryListId, a.sku)) continue;
        const written = pipeline.queue.lastWritten(a.inventoryListId, a.sku);
        const order = written ? compareVersions(a, written) : 1;
        if (order < 0) continue;
        const lastReport = pipeline.reporter.get(a.sku, a.inventoryListId);
        const same = order === 0 && lastReport?.outcome === 'OK' && lastReport.allocation === a.allocation;
        if (same && !request.force) {
          stats.unchanged += 1;
          continue;
        }
        const list = perList.get(a.inventoryListId) ?? [];
        list.push({
          write: {
            inventoryListId: a.inventoryListId,
            productId: a.sku,
            allocation: a.allocation,
            resetDate: a.resetDate,
          },
          asOf: a.asOf,
          seq: a.sourceSequence,
        });
        perList.set(a.inventoryListId, list);
      }
    }
    for (const [listId, items] of perList) {
      const stats = summary.lists[listId] as FullRefreshSummary['lists'][string];
      stats.sent = items.length;
      const started = now();
      const results = await deps.importer.importList(
        listId,
        items.map((i) => i.write),
      );
      metrics.sfccLatency.observe({ operation: 'impex_import' }, (now() - started) / 1000);
      await report(listId, items, results, stats);
    }
  }

  async function report(
    listId: string,
    items: Array<{ write: InventoryRecordWrite; asOf: number; seq: number }>,
    results: InventoryWriteResult[],
    stats: FullRefreshSummary['lists'][string],
  ): Promise<void> {
    const byProduct = new Map(results.map((r) => [r.write.productId, r]));
    const writtenAt = now();
    const outcomes: Array<{ sku: string; list: InventoryListSync }> = [];
    for (const item of items) {
      const result = byProduct.get(item.write.productId);
      const outcome = result?.status === 'OK' ? 'OK' : result?.status === 'REJECTED' ? 'REJECTED' : 'FAILED';
      if (outcome === 'OK') {
        stats.ok += 1;
        const dropped = pipeline.queue.markWritten(listId, item.write.productId, item.asOf, item.seq);
        if (dropped) pipeline.offsets.release(dropped.payload.source);
      } else if (outcome === 'REJECTED') stats.rejected += 1;
      else stats.failed += 1;
      metrics.writes.inc({ outcome, channel: 'IMPEX' });
      outcomes.push({
        sku: item.write.productId,
        list: {
          inventoryListId: listId,
          allocation: item.write.allocation,
          resetDate: item.write.resetDate,
          sourceAsOf: item.asOf,
          sourceSequence: item.seq,
          writtenAt,
          outcome,
          error:
            outcome === 'OK' ? null : (result?.message ?? result?.faultType ?? 'no result for the record'),
          priority: PRIORITY.FULL_REFRESH,
          channel: 'IMPEX',
        },
      });
    }
    for (let i = 0; i < outcomes.length; i += 500) await pipeline.reporter.report(outcomes.slice(i, i + 500));
  }

  return {
    /** Starts a refresh unless one is running; resolves with its summary when it ends. */
    start(request: FullRefreshRequest = {}): { started: boolean; done: Promise<FullRefreshSummary> } {
      if (running) return { started: false, done: running };
      const summary: FullRefreshSummary = {
        startedAt: now(),
        finishedAt: null,
        force: request.force === true,
        figures: 0,
        notSellable: 0,
        lists: {},
        error: null,
      };
      last = summary;
      logger.info({ force: summary.force, skus: request.skus?.length }, 'full refresh started');
      running = execute(request, summary)
        .catch((error: unknown) => {
          summary.error = (error as Error).message;
          logger.error({ err: error }, 'full refresh failed');
        })
        .then(() => {
          summary.finishedAt = now();
          running = undefined;
          logger.info({ summary }, 'full refresh finished');
          return summary;
        });
      return { started: true, done: running };
    },
    isRunning: () => running !== undefined,
    lastRun: () => last,
  };
}

export type FullRefresh = ReturnType<typeof createFullRefresh>;
