import type { ExceptionType, OwnerTeam } from '@wair-sfcc/contracts';
import type { AuditScheduler, AuditStatus } from '../audits/audit-scheduler';
import type { ExceptionBook } from '../exceptions/exception-book';
import type { AuditorTables, TableName } from '../state/auditor-tables';
import { forEachSyncOutcome, productRowHead, stockRowIngestedAt } from '../state/row-codecs';
import type { FlowMetrics } from './flow-metrics';
import type { FlowWindowSummary } from './flow-window';

const latest = (a: number | null, b: number | null | undefined) =>
  b === null || b === undefined ? a : a === null ? b : Math.max(a, b);

/** One flow at a glance; the window figures are present when flow metrics are wired. */
export interface FlowHealth extends Partial<FlowWindowSummary> {
  /** ok: nothing open; degraded: exceptions open; failing: HIGH/CRITICAL open or failures reported. */
  status: 'ok' | 'degraded' | 'failing';
  openExceptions: number;
  lastActivityAt: number | null;
  counts: Record<string, number>;
}

export interface FlowsHealth {
  generatedAt: number;
  tablesCaughtUp: boolean;
  tables: Record<TableName, number>;
  flows: {
    stockToStorefront: FlowHealth;
    ordersToWair: FlowHealth;
    dispatchToSfcc: FlowHealth;
    catalog: FlowHealth;
  };
  openExceptionsByOwner: Record<OwnerTeam, number>;
  audits: AuditStatus[];
}

const FLOW_TYPES: Record<keyof FlowsHealth['flows'], readonly ExceptionType[]> = {
  stockToStorefront: ['SYNC_DELAY', 'INVENTORY_DRIFT'],
  ordersToWair: ['ORDER_NOT_ACCEPTED'],
  dispatchToSfcc: ['DISPATCH_NOT_CONFIRMED'],
  catalog: ['SKU_MISMATCH'],
};

/**
 * A summary of the four flows. Row counts and last activity come from scans of the compact rows
 * (no decoding; the result is cached for `cacheMs`, so a dashboard polling every few seconds costs
 * one scan per period, not one per viewer); throughput, delays, errors and last success come from
 * the rolling windows of `metrics`, fed by the change feeds.
 */
export function createFlowsHealth(options: {
  tables: AuditorTables;
  book: ExceptionBook;
  scheduler: Pick<AuditScheduler, 'status'>;
  now: () => number;
  cacheMs?: number;
  /** Throughput, delay p50/p99, errors and last success per flow over a rolling window. */
  metrics?: Pick<FlowMetrics, 'summary'>;
}) {
  const { tables, book } = options;
  let cached: FlowsHealth | undefined;

  const compute = (now: number): FlowsHealth => {
    const open = { byType: new Map<ExceptionType, number>(), severe: new Set<ExceptionType>() };
    const byOwner: Record<OwnerTeam, number> = { OPS: 0, CX: 0, MERCH: 0, PLATFORM: 0 };
    for (const e of book.all()) {
      if (e.state === 'RESOLVED') continue;
      byOwner[e.owner] += 1;
      open.byType.set(e.type, (open.byType.get(e.type) ?? 0) + 1);
      if (e.severity === 'HIGH' || e.severity === 'CRITICAL') open.severe.add(e.type);
    }
    const flow = (
      name: keyof FlowsHealth['flows'],
      lastActivityAt: number | null,
      counts: Record<string, number>,
      failures = 0,
    ): FlowHealth => {
      const types = FLOW_TYPES[name];
      const openExceptions = types.reduce((s, t) => s + (open.byType.get(t) ?? 0), 0);
      const status =
        failures > 0 || types.some((t) => open.severe.has(t))
          ? 'failing'
          : openExceptions > 0
            ? 'degraded'
            : 'ok';
      return { status, openExceptions, lastActivityAt, ...options.metrics?.summary(name), counts };
    };

    let lastStock: number | null = null;
    for (const [, row] of tables.stock.rawEntries()) lastStock = latest(lastStock, stockRowIngestedAt(row));
    const outcomes = { OK: 0, SKU_NOT_IN_CATALOG: 0, REJECTED: 0, FAILED: 0 };
    let lastWrite: number | null = null;
    for (const [, row] of tables.syncs.rawEntries()) {
      forEachSyncOutcome(row, (outcome, writtenAt) => {
        outcomes[outcome] += 1;
        lastWrite = latest(lastWrite, writtenAt);
      });
    }
    const states = { CAPTURED: 0, ACCEPTED_BY_WAIR: 0, REJECTED: 0, CANCELLED: 0 };
    let lastOrder: number | null = null;
    for (const o of tables.orders.values()) {
      states[o.state] += 1;
      lastOrder = latest(lastOrder, latest(o.capturedAt, o.acceptedAt));
    }
    const shipments = { dispatched: 0, CONFIRMED: 0, PENDING: 0, FAILED: 0 };
    let lastDispatch: number | null = null;
    for (const d of tables.dispatches.values()) {
      shipments.dispatched += d.dispatches.length;
      for (const x of d.dispatches) lastDispatch = latest(lastDispatch, x.dispatchedAt);
    }
    for (const f of tables.fulfilments.values()) {
      for (const s of f.shipments) {
        shipments[s.outcome] += 1;
        lastDispatch = latest(lastDispatch, s.confirmedAt);
      }
    }
    let lastPull: number | null = null;
    let sellable = 0;
    for (const [, row] of tables.products.rawEntries()) {
      const { type, pulledAt } = productRowHead(row);
      lastPull = latest(lastPull, pulledAt);
      if (type === 'VARIANT' || type === 'SIMPLE') sellable += 1;
    }
    return {
      generatedAt: now,
      tablesCaughtUp: tables.behind().length === 0,
      tables: tables.rowCounts(),
      flows: {
        stockToStorefront: flow(
          'stockToStorefront',
          latest(lastStock, lastWrite),
          { skus: tables.stock.size, ...outcomes },
          outcomes.FAILED,
        ),
        ordersToWair: flow('ordersToWair', lastOrder, { orders: tables.orders.size, ...states }),
        dispatchToSfcc: flow('dispatchToSfcc', lastDispatch, shipments, shipments.FAILED),
        catalog: flow('catalog', lastPull, {
          products: tables.products.size,
          sellable,
          wairSkus: tables.skus.size,
        }),
      },
      openExceptionsByOwner: byOwner,
      audits: options.scheduler.status(),
    };
  };

  return (): FlowsHealth => {
    const now = options.now();
    if (!cached || now - cached.generatedAt >= (options.cacheMs ?? 5_000)) cached = compute(now);
    return { ...cached, audits: options.scheduler.status() };
  };
}
