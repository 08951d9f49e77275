import type {
  Fulfilment,
  InventorySync,
  OrderDispatches,
  OrderFact,
  SfccProduct,
} from '@wair-sfcc/contracts';
import { FlowWindow, type FlowWindowSummary } from './flow-window';

export type FlowName = 'stockToStorefront' | 'ordersToWair' | 'dispatchToSfcc' | 'catalog';

export interface FlowMetricsOptions {
  now: () => number;
  /** Rolling window of throughput, delays and errors. Default 15 minutes. */
  windowMs?: number;
  /** Events kept per flow for the delay percentiles. Default 10,000 (about 3.5 MiB per flow, measured). */
  maxEventsPerFlow?: number;
  /** When a dispatch was made (WAIR), to measure dispatched → confirmed. */
  dispatchedAt: (orderNo: string, dispatchId: string) => number | undefined;
}

/** The change feeds the windows are fed from (wired to the table readers' change hooks). */
export interface FlowMetricsFeed {
  onSync(sku: string, sync: InventorySync | undefined): void;
  onOrder(orderNo: string, order: OrderFact | undefined): void;
  onFulfilment(orderNo: string, fulfilment: Fulfilment | undefined): void;
  onProduct(productId: string, product: SfccProduct | undefined): void;
}

export interface FlowMetrics extends FlowMetricsFeed {
  summary(flow: FlowName): FlowWindowSummary;
}

/**
 * Per flow: throughput, delay p50/p99, errors and last success over a rolling window, kept up to
 * date from the table change feeds (no scans):
 * - stock → storefront: one event per list outcome on `sfcc.inventory-sync.v1`; delay = WAIR asOf → SFCC write;
 *   errors = FAILED and REJECTED outcomes (SKU_NOT_IN_CATALOG is a skip, not an error);
 * - orders → WAIR: one event per accepted order (delay = created in SFCC → accepted) or rejected
 *   order (an error, dated at capture: the contract has no rejection time);
 * - dispatch → SFCC: one event per CONFIRMED shipment (delay = dispatched → confirmed) or FAILED
 *   shipment (an error, dated at the fulfilment record's update);
 * - catalog: one event per product changed by a pull (no delay).
 */
export function createFlowMetrics(options: FlowMetricsOptions): FlowMetrics {
  const window = () =>
    new FlowWindow({ windowMs: options.windowMs ?? 900_000, maxEvents: options.maxEventsPerFlow ?? 10_000 });
  const flows: Record<FlowName, FlowWindow> = {
    stockToStorefront: window(),
    ordersToWair: window(),
    dispatchToSfcc: window(),
    catalog: window(),
  };
  return {
    onSync(sku, sync) {
      const now = options.now();
      for (const l of sync?.lists ?? []) {
        const ok = l.outcome === 'OK';
        flows.stockToStorefront.record(
          `${sku}\u0000${l.inventoryListId}\u0000${l.writtenAt}`,
          {
            at: l.writtenAt,
            delayMs: ok ? Math.max(0, l.writtenAt - l.sourceAsOf) : null,
            outcome: ok ? 'ok' : l.outcome === 'SKU_NOT_IN_CATALOG' ? 'other' : 'error',
          },
          now,
        );
      }
    },
    onOrder(orderNo, order) {
      if (!order) return;
      if (order.acceptedAt !== null) {
        flows.ordersToWair.record(
          `${orderNo}\u0000A`,
          { at: order.acceptedAt, delayMs: Math.max(0, order.acceptedAt - order.createdAt), outcome: 'ok' },
          options.now(),
        );
      } else if (order.state === 'REJECTED') {
        flows.ordersToWair.record(
          `${orderNo}\u0000R`,
          { at: order.capturedAt, delayMs: null, outcome: 'error' },
          options.now(),
        );
      }
    },
    onFulfilment(orderNo, fulfilment) {
      const now = options.now();
      for (const s of fulfilment?.shipments ?? []) {
        if (s.outcome === 'CONFIRMED') {
          const at = s.confirmedAt ?? fulfilment?.updatedAt ?? now;
          const dispatched = options.dispatchedAt(orderNo, s.dispatchId);
          flows.dispatchToSfcc.record(
            `${orderNo}\u0000${s.dispatchId}\u0000C`,
            { at, delayMs: dispatched === undefined ? null : Math.max(0, at - dispatched), outcome: 'ok' },
            now,
          );
        } else if (s.outcome === 'FAILED' && fulfilment) {
          flows.dispatchToSfcc.record(
            `${orderNo}\u0000${s.dispatchId}\u0000F`,
            { at: fulfilment.updatedAt, delayMs: null, outcome: 'error' },
            now,
          );
        }
      }
    },
    onProduct(productId, product) {
      if (!product) return;
      flows.catalog.record(
        `${productId}\u0000${product.pulledAt}`,
        { at: product.pulledAt, delayMs: null, outcome: 'ok' },
        options.now(),
      );
    },
    summary: (flow) => flows[flow].summary(options.now()),
  };
}

/** `dispatchedAt` over the dispatches table. */
export function dispatchTimeFrom(dispatches: ReadonlyMap<string, OrderDispatches>) {
  return (orderNo: string, dispatchId: string): number | undefined =>
    dispatches.get(orderNo)?.dispatches.find((d) => d.dispatchId === dispatchId)?.dispatchedAt;
}
