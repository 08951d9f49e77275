import type { StockLevel } from '@wair-sfcc/contracts';
import { explainMismatch, type NotSellable } from '@wair-sfcc/inventory-domain';
import type { InventoryPipelineDeps } from './inventory-pipeline';

/**
 * Strict identifiers: a figure of a SKU that is no sellable SFCC product is not written; it raises
 * `SKU_MISMATCH` for MERCH, naming what SFCC has instead (an id differing in case, whitespace or
 * leading zeros; a parent's variants; the master of a missing variant), and is reported as
 * SKU_NOT_IN_CATALOG for every mapped list.
 */
export function createMismatchReporting(deps: InventoryPipelineDeps) {
  const { plan, reporter, mismatches, metrics, logger, now, catalog } = deps;
  return async function reportMismatch(figure: StockLevel, verdict: NotSellable) {
    const why = catalog.nearMiss
      ? explainMismatch(figure.sku, verdict, catalog.nearMiss(figure.sku) ?? null)
      : verdict;
    metrics.skuMismatches.inc({ reason: why.reason });
    logger.info(
      { sku: figure.sku, reason: why.reason, nearMiss: why.nearMiss?.kind },
      'stock figure not written: SKU is no sellable SFCC product',
    );
    await mismatches.raise(figure.sku, why, deps.inventoryListIds, now());
    const writtenAt = now();
    await reporter.report(
      plan(figure).map(({ allocation, priority }) => ({
        sku: figure.sku,
        list: {
          inventoryListId: allocation.inventoryListId,
          allocation: allocation.allocation,
          resetDate: allocation.resetDate,
          sourceAsOf: allocation.asOf,
          sourceSequence: allocation.sourceSequence,
          writtenAt,
          outcome: 'SKU_NOT_IN_CATALOG' as const,
          error: `${why.reason}: ${why.detail}`,
          priority,
          channel: 'OCAPI' as const,
        },
      })),
    );
    metrics.writes.inc({ outcome: 'SKU_NOT_IN_CATALOG', channel: 'OCAPI' }, deps.inventoryListIds.length);
  };
}
