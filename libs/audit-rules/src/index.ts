// Public entry of @wair-sfcc/audit-rules: the pure audit rules, exception lifecycle, alert
// de-duplication and month-end report of DESIGN §6. Each rule reads plain in-memory tables and
// returns findings; no I/O.
export {
  EXCEPTION_OWNERS,
  exceptionId,
  severityRank,
  maxSeverity,
  formatDuration,
  type Finding,
} from './lib/finding.model';
export {
  upsertException,
  resolveException,
  acknowledgeException,
  reconcileExceptions,
  isMaterialChange,
  ExceptionLifecycleError,
  type ExceptionChange,
  type ExceptionChangeKind,
  type AuditScope,
} from './lib/exception-lifecycle';
export {
  createExceptionRaiser,
  type ExceptionRaiser,
  type ExceptionRaiserOptions,
} from './lib/exception-raiser';
export {
  findSkuMismatches,
  type SkuMismatchReason,
  type SkuMismatchTables,
  type InventoryRecordKey,
} from './lib/sku-mismatch.rule';
export {
  findInventoryDrift,
  type InventoryDriftRow,
  type InventoryDriftOptions,
  type DriftDirection,
} from './lib/inventory-drift.rule';
export { findSyncDelays, type SyncDelayOptions } from './lib/sync-delay.rule';
export {
  findUnconfirmedDispatches,
  type DispatchNotConfirmedOptions,
} from './lib/dispatch-not-confirmed.rule';
export { findUnacceptedOrders, type OrderNotAcceptedOptions } from './lib/order-not-accepted.rule';
export {
  stepAlerts,
  initialAlertState,
  OVERFLOW_ALERT_KEY,
  type AlertEvent,
  type AlertMessage,
  type AlertPolicy,
  type AlertState,
} from './lib/alert-dedup';
export { alertForExceptionChange, alertForBreach, toSlackBody, toGenericBody } from './lib/alert-format';
export {
  buildMonthEndReport,
  monthEndCsvRows,
  MONTH_END_CSV_COLUMNS,
  type MonthEndReport,
  type MonthEndTables,
  type MonthEndDifferences,
  type MonthEndCsvRow,
  type ReportPeriod,
} from './lib/month-end-report';
