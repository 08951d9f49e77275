import {
  isUpstreamCallError,
  type WairSale,
  type WairSaleResult,
  type WairSalesPort,
  type WairStockNotForReplenishmentRow,
} from '@wair-sfcc/order-domain';

/** What one WAIR upload cycle carries. */
export interface WairCycle {
  sales: WairSale[];
  /** Allocation rows; sent only for sales WAIR accepted in the same cycle. */
  allocations: (accepted: ReadonlySet<string>) => WairStockNotForReplenishmentRow[];
}

/**
 * Runs one upload cycle: `Batch/start` → `Sales` → `StockNotForReplenishment` → `Batch/stop`.
 * Sales are upserts keyed on `id`, so repeating a cycle after a crash or a failure is harmless.
 * When a step fails, the batch is still closed (best effort) so the next cycle can start.
 */
export async function runWairCycle(wair: WairSalesPort, cycle: WairCycle): Promise<WairSaleResult[]> {
  if (cycle.sales.length === 0) return [];
  await wair.startBatch();
  let results: WairSaleResult[];
  try {
    results = await wair.postSales(cycle.sales);
    const accepted = new Set(results.filter((r) => r.accepted).map((r) => r.id));
    const records = cycle.allocations(accepted);
    if (records.length > 0) await wair.postStockNotForReplenishment({ fullLoad: false, records });
  } catch (error) {
    await wair.stopBatch().catch(() => undefined);
    throw error;
  }
  await wair.stopBatch();
  return results;
}

/** True when WAIR refused the request as a whole for its content (a resend cannot succeed). */
export function isContentRefusal(error: unknown): boolean {
  return isUpstreamCallError(error) && !error.retriable;
}

/** A rejection reason safe for Kafka and logs: WAIR's own text may echo personal data, so only the status is kept. */
export function refusalReason(error: unknown): string {
  if (isUpstreamCallError(error))
    return `WAIR refused the sale (${error.operation}, HTTP ${error.status ?? 'n/a'})`;
  return 'WAIR refused the sale';
}
