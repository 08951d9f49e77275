import type { OrderDispatches, OrderFact } from '@wair-sfcc/contracts';
import type { TableChangeHooks } from '../state/auditor-tables';
import { createFlowMetrics, dispatchTimeFrom, type FlowMetrics } from './flow-metrics';
import { createSkuHistory, type SkuHistory, type SkuHistoryOptions } from './sku-history';

export interface TableFeeds {
  flowMetrics: FlowMetrics;
  skuHistory: SkuHistory;
  /** Pass to `createAuditorTables({ onChange })`. */
  hooks: TableChangeHooks;
  /** Call from `createAuditorTables({ onOrder })`. */
  onOrder(orderNo: string, order: OrderFact | undefined): void;
  /** The dispatches table, once built (dispatched → confirmed needs the dispatch time). */
  attach(dispatches: ReadonlyMap<string, OrderDispatches>): void;
}

/** The flow windows and the SKU history, fed from the tables' change hooks (one wiring for the app and tests). */
export function createTableFeeds(options: {
  now: () => number;
  flowWindowMs?: number;
  history?: SkuHistoryOptions;
}): TableFeeds {
  let dispatchedAt: ((orderNo: string, dispatchId: string) => number | undefined) | undefined;
  const flowMetrics = createFlowMetrics({
    now: options.now,
    windowMs: options.flowWindowMs,
    dispatchedAt: (no, id) => dispatchedAt?.(no, id),
  });
  const skuHistory = createSkuHistory(options.history);
  return {
    flowMetrics,
    skuHistory,
    hooks: {
      stock: skuHistory.onStock,
      syncs: (sku, sync) => {
        skuHistory.onSync(sku, sync);
        flowMetrics.onSync(sku, sync);
      },
      products: flowMetrics.onProduct,
      fulfilments: flowMetrics.onFulfilment,
    },
    onOrder: flowMetrics.onOrder,
    attach(dispatches) {
      dispatchedAt = dispatchTimeFrom(dispatches);
    },
  };
}
