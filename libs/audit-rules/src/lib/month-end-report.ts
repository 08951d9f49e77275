import type { Fulfilment, InventorySync, OrderDispatches, OrderFact, StockLevel } from '@wair-sfcc/contracts';

/** `[from, to)` in epoch ms; orders count when created in SFCC inside the range. */
export interface ReportPeriod {
  from: number;
  to: number;
}

export interface MonthEndTables {
  orders: Iterable<OrderFact>;
  dispatches: ReadonlyMap<string, OrderDispatches>;
  fulfilments: ReadonlyMap<string, Fulfilment>;
  stock: Iterable<StockLevel>;
  syncs?: Iterable<InventorySync>;
}

/** Order numbers that fell through between two stages (the differences Ops chases). */
export interface MonthEndDifferences {
  capturedNotAccepted: string[];
  acceptedNotDispatched: string[];
  dispatchedNotShippedInSfcc: string[];
}

export interface MonthEndReport {
  period: ReportPeriod;
  orders: {
    captured: number;
    accepted: number;
    rejected: number;
    cancelled: number;
    dispatched: number;
    fullyDispatched: number;
    shippedInSfcc: number;
    unitsOrdered: number;
    unitsDispatched: number;
  };
  differences: MonthEndDifferences;
  stock: {
    skus: number;
    onHand: number;
    reserved: number;
    available: number;
    /** Sum of allocations written to SFCC with a source figure at or before period end. */
    allocatedInSfcc: number;
    /** SKUs whose latest figure is newer than period end (the compacted tables hold only the latest). */
    skusChangedAfterPeriod: number;
  };
}

/**
 * Month-end reconciliation of orders captured → accepted by WAIR → dispatched → shipped in SFCC
 * for orders created in the period, counting stage events up to period end, and stock figures at
 * period end. Stock comes from compacted tables (latest figure per SKU), so SKUs changed after the
 * period end are counted separately rather than misreported.
 */
export function buildMonthEndReport(tables: MonthEndTables, period: ReportPeriod): MonthEndReport {
  const inPeriod = (t: number | null | undefined) => t !== null && t !== undefined && t < period.to;
  const o = {
    captured: 0,
    accepted: 0,
    rejected: 0,
    cancelled: 0,
    dispatched: 0,
    fullyDispatched: 0,
    shippedInSfcc: 0,
    unitsOrdered: 0,
    unitsDispatched: 0,
  };
  const diff: MonthEndDifferences = {
    capturedNotAccepted: [],
    acceptedNotDispatched: [],
    dispatchedNotShippedInSfcc: [],
  };
  for (const order of tables.orders) {
    if (order.createdAt < period.from || order.createdAt >= period.to) continue;
    o.captured += 1;
    const ordered = order.lines.reduce((s, l) => s + l.quantity, 0);
    o.unitsOrdered += ordered;
    const accepted = inPeriod(order.acceptedAt);
    if (accepted) o.accepted += 1;
    if (order.state === 'REJECTED') o.rejected += 1;
    if (order.state === 'CANCELLED') o.cancelled += 1;
    if (!accepted && order.state !== 'REJECTED' && order.state !== 'CANCELLED')
      diff.capturedNotAccepted.push(order.orderNo);
    const shipped = (tables.dispatches.get(order.orderNo)?.dispatches ?? []).filter((d) =>
      inPeriod(d.dispatchedAt),
    );
    const units = shipped.reduce((s, d) => s + d.lines.reduce((t, l) => t + l.quantity, 0), 0);
    o.unitsDispatched += units;
    if (shipped.length > 0) o.dispatched += 1;
    if (shipped.length > 0 && units >= ordered) o.fullyDispatched += 1;
    if (accepted && order.state !== 'CANCELLED' && shipped.length === 0)
      diff.acceptedNotDispatched.push(order.orderNo);
    const confirmed = new Set(
      (tables.fulfilments.get(order.orderNo)?.shipments ?? [])
        .filter((s) => s.outcome === 'CONFIRMED' && inPeriod(s.confirmedAt))
        .map((s) => s.dispatchId),
    );
    const allConfirmed = shipped.length > 0 && shipped.every((d) => confirmed.has(d.dispatchId));
    if (allConfirmed) o.shippedInSfcc += 1;
    if (shipped.length > 0 && !allConfirmed) diff.dispatchedNotShippedInSfcc.push(order.orderNo);
  }
  const stock = {
    skus: 0,
    onHand: 0,
    reserved: 0,
    available: 0,
    allocatedInSfcc: 0,
    skusChangedAfterPeriod: 0,
  };
  for (const s of tables.stock) {
    if (s.asOf >= period.to) {
      stock.skusChangedAfterPeriod += 1;
      continue;
    }
    stock.skus += 1;
    for (const l of s.locations) {
      stock.onHand += l.onHand;
      stock.reserved += l.reserved;
      stock.available += l.available;
    }
  }
  for (const sync of tables.syncs ?? []) {
    for (const l of sync.lists)
      if (l.outcome === 'OK' && l.sourceAsOf < period.to) stock.allocatedInSfcc += l.allocation;
  }
  for (const list of Object.values(diff)) list.sort();
  return { period, orders: o, differences: diff, stock };
}

/** One CSV row of the month-end report. */
export interface MonthEndCsvRow {
  section: 'period' | 'orders' | 'difference' | 'stock';
  metric: string;
  value: string;
  /** Set on difference rows: the order that fell through. */
  orderNo: string;
}

/** Column order of the month-end CSV. */
export const MONTH_END_CSV_COLUMNS: ReadonlyArray<keyof MonthEndCsvRow> = [
  'section',
  'metric',
  'value',
  'orderNo',
];

/** The report flattened to rows for a CSV writer: totals, stage differences (count + one row per order), stock. */
export function monthEndCsvRows(report: MonthEndReport): MonthEndCsvRow[] {
  const row = (
    section: MonthEndCsvRow['section'],
    metric: string,
    value: string | number,
    orderNo = '',
  ): MonthEndCsvRow => ({ section, metric, value: String(value), orderNo });
  const rows: MonthEndCsvRow[] = [
    row('period', 'from', new Date(report.period.from).toISOString()),
    row('period', 'to', new Date(report.period.to).toISOString()),
  ];
  for (const [metric, value] of Object.entries(report.orders)) rows.push(row('orders', metric, value));
  for (const [metric, orderNos] of Object.entries(report.differences) as Array<[string, string[]]>) {
    rows.push(row('difference', metric, orderNos.length));
    for (const orderNo of orderNos) rows.push(row('difference', metric, 1, orderNo));
  }
  for (const [metric, value] of Object.entries(report.stock)) rows.push(row('stock', metric, value));
  return rows;
}
