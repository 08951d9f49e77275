import type { IntegrationException, OrderDispatches } from '@wair-sfcc/contracts';
import type { ChaosSystem } from './chaos-system';
import {
  catalogEntries,
  compareRecords,
  expectedAllocations,
  type ConvergenceResult,
} from './convergence.check';
import { checkOrderFlow, orderFlowHolds, type OrderFlowResult } from './order-flow.check';

/** A compacted topic read from the beginning to its end, as the table it stands for. */
export async function readTable<V>(system: ChaosSystem, topic: string): Promise<Map<string, V>> {
  const table = system.runtime.tableReader<V>({ topic });
  await table.start();
  try {
    await table.caughtUp();
    return new Map(table.entries());
  } finally {
    await table.stop();
  }
}

/** Invariant (a) now: SFCC's records against the allocation WAIR's truth implies. */
export async function convergenceNow(system: ChaosSystem): Promise<ConvergenceResult> {
  const [truth, records, catalog] = await Promise.all([
    system.wair.stock(),
    system.sfcc.inventory(),
    system.sfcc.catalog(),
  ]);
  return compareRecords(expectedAllocations(truth, system.lists, catalogEntries(catalog)), records);
}

/** Invariant (c) now, parcels per order from the dispatches topic (checked against WAIR's own total). */
export type OrderFlowNow = OrderFlowResult & {
  wairDispatchTotal: number;
  openInWair: number;
  /** Records on the dispatches topic for order numbers SFCC does not have. */
  foreignDispatches: number;
};

export async function orderFlowNow(system: ChaosSystem): Promise<OrderFlowNow> {
  const [{ orders }, { sales }, emails, dispatches, counters] = await Promise.all([
    system.sfcc.orders(),
    system.wair.sales(),
    system.sfcc.emails(),
    readTable<OrderDispatches>(system, system.topics.dispatches),
    system.wair.counters(),
  ]);
  // Dispatches of orders SFCC does not know are another channel's (or a malformed order number):
  // the bridge skips them by design, so they are counted apart.
  const known = new Set(orders.map((o) => o.orderNo));
  const parcels = new Map(
    [...dispatches]
      .filter(([orderNo]) => known.has(orderNo))
      .map(([orderNo, d]) => [orderNo, d.dispatches.length]),
  );
  const result = checkOrderFlow({ orders, sales, emails, parcelsByOrder: parcels });
  return {
    ...result,
    wairDispatchTotal: Number(counters['dispatches'] ?? result.wairDispatches),
    openInWair: sales.filter((s) => s.saleType === 'ONLINE_ORDER' && s.status === 'OPEN').length,
    foreignDispatches: dispatches.size - parcels.size,
  };
}

/** Whether every order has settled: accepted, exported, dispatched parcels all confirmed once. */
export function settled(r: OrderFlowNow): boolean {
  return orderFlowHolds(r) && r.openInWair === 0 && r.wairDispatchTotal === r.wairDispatches;
}

/** Records parked on the run's DLQ topics so far. */
export async function dlqRecords(system: ChaosSystem): Promise<number> {
  let n = 0;
  for (const t of ['stock', 'dispatches', 'skus', 'products', 'orders'] as const)
    n += await system.recordsOn(`${system.topics[t]}.dlq`).catch(() => 0);
  return n;
}

/** The run's exceptions table (every app writes to the one topic). */
export const exceptionsTable = (system: ChaosSystem) =>
  readTable<IntegrationException>(system, system.topics.exceptions);
