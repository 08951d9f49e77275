// Public entry of @wair-sfcc/order-domain: the pure order and dispatch logic of DESIGN §5 (SFCC
// order → non-personal fact, → WAIR sale; WAIR dispatches → SFCC writes; fulfilment record). No I/O.
export type {
  SfccOrder,
  SfccProductItem,
  SfccShipment,
  SfccAddress,
  SfccCustomerInfo,
  SfccShippingStatus,
  SfccFulfillmentEvent,
} from './lib/sfcc-order.model';
export { OrderValidationError, type OrderProblem } from './lib/order-validation.error';
export {
  validateSfccOrder,
  assertValidSfccOrder,
  toOrderFact,
  formatOrderTotal,
  initialOrderState,
  markAccepted,
  markRejected,
  markCancelled,
  type OrderFactOptions,
} from './lib/order-facts';
export * from './lib/wair-api.model';
export {
  toWairSale,
  toWairCancellation,
  toStockNotForReplenishment,
  dispatchedUnitsBySku,
  type WairSaleOptions,
} from './lib/wair-sale';
export {
  allocateDispatches,
  sortDispatches,
  type AllocatedDispatch,
  type DispatchAllocation,
  type DispatchProblem,
  type DispatchProblemReason,
} from './lib/dispatch-allocation';
export {
  planDispatchWrites,
  isEmptyPlan,
  assertNoDispatchProblems,
  DispatchPlanError,
  type DispatchPlan,
  type DispatchPlanOptions,
  type DispatchAttributeNames,
} from './lib/dispatch-plan';
export {
  createFulfilment,
  recordShipmentAttempt,
  recordAlreadyConfirmed,
  recordShippingStatus,
  toContractShippingStatus,
  isFullyConfirmed,
  isDispatchOverdue,
  type ShipmentAttempt,
  type DispatchTiming,
} from './lib/fulfilment-state';
export { UpstreamCallError, isUpstreamCallError } from './lib/upstream-call.error';
export type {
  ScapiOrdersPort,
  SfccOrderQuery,
  SfccOrderPage,
  SfccExportStatus,
  SfccOrderStatus,
} from './lib/scapi-orders.port';
export type { WairSalesPort, WairSaleResult } from './lib/wair-sales.port';
