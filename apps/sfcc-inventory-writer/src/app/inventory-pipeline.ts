import type { InventorySync, StockLevel } from '@wair-sfcc/contracts';
import {
  CoalescingQueue,
  isNewerVersion,
  sellability,
  type Allocation,
  type CatalogEntry,
  type CatalogNearMiss,
  type QueueEntry,
} from '@wair-sfcc/inventory-domain';
import type { Logger } from '@wair-sfcc/observability';
import { createMismatchReporting } from './mismatch-reporting';
import { OffsetTracker, type SourceRef } from './offset-tracker';
import type { SkuMismatchRaiser } from './sku-mismatch-raiser';
import type { StockPlanner } from './stock-planner';
import type { SyncReporter } from './sync-reporter';
import type { WriterMetrics } from './writer-metrics';

/** What a queue entry carries: the allocation to write and the record it came from. */
export interface PendingWrite {
  allocation: Allocation;
  /** The stock record behind the figure; undefined for a recomputation of a figure already handled. */
  source: SourceRef | undefined;
}

export type WriteEntry = QueueEntry<PendingWrite>;

export interface InventoryPipelineDeps {
  plan: StockPlanner;
  /** The catalog snapshot; `nearMiss` (when there) names what SFCC has instead of a SKU it cannot sell. */
  catalog: {
    get(sku: string): CatalogEntry | undefined;
    nearMiss?(sku: string): CatalogNearMiss | undefined;
  };
  reporter: SyncReporter;
  mismatches: SkuMismatchRaiser;
  metrics: WriterMetrics;
  logger: Logger;
  now: () => number;
  inventoryListIds: readonly string[];
}

/**
 * The intake side of DESIGN §4: stock figure → strict-identifier check → allocations → coalescing
 * queue, with the offsets of records held until their figures are written or reported.
 */
export function createInventoryPipeline(deps: InventoryPipelineDeps) {
  const { plan, catalog, reporter, metrics, now } = deps;
  const queue = new CoalescingQueue<PendingWrite>();
  const offsets = new OffsetTracker();
  const reportMismatch = createMismatchReporting(deps);
  const listeners = new Set<() => void>();
  const stats = { handled: 0, recomputed: 0 };
  // The newest figure per SKU, so an order or catalog change that arrives later can be applied to it.
  const latest = new Map<string, StockLevel>();

  /**
   * Re-plans the newest figure of a SKU (for some lists) and queues it again under the same
   * version when the allocation SFCC holds or will get is no longer right.
   */
  function recompute(sku: string, onlyLists?: ReadonlySet<string>): void {
    const figure = latest.get(sku);
    if (!figure || !sellability(sku, catalog.get(sku)).sellable) return;
    for (const { allocation, priority } of plan(figure)) {
      if (onlyLists && !onlyLists.has(allocation.inventoryListId)) continue;
      const pending = queue.peek(allocation.inventoryListId, sku);
      const last = reporter.get(sku, allocation.inventoryListId);
      const current = pending
        ? pending.payload.allocation
        : last?.outcome === 'OK' &&
            last.sourceAsOf === figure.asOf &&
            last.sourceSequence === figure.sourceSequence
          ? last
          : undefined;
      if (!current || current.allocation === allocation.allocation) continue;
      const entry = {
        inventoryListId: allocation.inventoryListId,
        sku,
        asOf: figure.asOf,
        sourceSequence: figure.sourceSequence,
      };
      // A pending entry keeps its record's offset held; the recomputation replaces only the figure.
      const result = queue.offer(
        { ...entry, priority, payload: { allocation, source: pending?.payload.source } },
        now(),
        undefined,
        { sameVersion: true },
      );
      if (result !== 'stale') stats.recomputed += 1;
    }
    notify();
  }
  const notify = (): void => {
    for (const l of [...listeners]) l();
  };

  return {
    queue,
    offsets,
    reporter,
    /** Stock records handled since start (for tests and logs). */
    stats,

    /** Handles one record of wair.stock.v1; resolves once it is queued or reported. */
    async acceptStock(figure: StockLevel, source: SourceRef): Promise<void> {
      offsets.seen(source);
      stats.handled += 1;
      const known = latest.get(figure.sku);
      if (!known || isNewerVersion(figure, known)) latest.set(figure.sku, figure);
      const verdict = sellability(figure.sku, catalog.get(figure.sku));
      if (!verdict.sellable) {
        await reportMismatch(figure, verdict);
        return;
      }
      const at = now();
      for (const { allocation, priority } of plan(figure)) {
        const result = queue.offer(
          {
            inventoryListId: allocation.inventoryListId,
            sku: figure.sku,
            asOf: figure.asOf,
            sourceSequence: figure.sourceSequence,
            priority,
            payload: { allocation, source },
          },
          at,
          (old) => offsets.release(old.payload.source),
        );
        if (result === 'stale') metrics.stale.inc();
        else offsets.hold(source);
        if (result === 'replaced') metrics.coalesced.inc();
      }
      notify();
    },

    /** Applies a row of sfcc.inventory-sync.v1: SFCC holds every OK figure (monotonic guard). */
    applySyncRow(row: InventorySync): void {
      reporter.applyRow(row);
      for (const list of row.lists) {
        if (list.outcome !== 'OK') continue;
        const dropped = queue.markWritten(
          list.inventoryListId,
          row.sku,
          list.sourceAsOf,
          list.sourceSequence,
        );
        if (dropped) offsets.release(dropped.payload.source);
      }
    },

    /** An order fact arrived or changed: its SKUs' in-flight units may differ now. */
    orderChanged(lines: ReadonlyArray<{ sku: string; inventoryListId: string }>): void {
      const bySku = new Map<string, Set<string>>();
      for (const l of lines) bySku.set(l.sku, (bySku.get(l.sku) ?? new Set()).add(l.inventoryListId));
      for (const [sku, lists] of bySku) recompute(sku, lists);
    },

    /** After a write: an order that arrived while it was in flight may call for another. */
    recheck(sku: string, inventoryListId: string): void {
      recompute(sku, new Set([inventoryListId]));
    },

    /** A catalog entry arrived or changed: a SKU that became sellable gets its newest figure written. */
    catalogChanged(sku: string): void {
      const figure = latest.get(sku);
      if (!figure || !sellability(sku, catalog.get(sku)).sellable) return;
      const at = now();
      for (const { allocation, priority } of plan(figure)) {
        if (queue.lastWritten(allocation.inventoryListId, sku) || queue.peek(allocation.inventoryListId, sku))
          continue;
        const entry = {
          inventoryListId: allocation.inventoryListId,
          sku,
          asOf: figure.asOf,
          sourceSequence: figure.sourceSequence,
        };
        queue.offer({ ...entry, priority, payload: { allocation, source: undefined } }, at);
      }
      notify();
    },

    /** Calls `listener` whenever new work is queued; returns the unsubscribe function. */
    onWork(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify,
  };
}

export type InventoryPipeline = ReturnType<typeof createInventoryPipeline>;
