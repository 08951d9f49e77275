// Public entry of @wair-sfcc/inventory-domain: the pure stock → storefront logic of DESIGN §4
// (ATS formula, in-flight orders, buffers, priorities, the coalescing queue). No I/O.
export { compareVersions, isNewerVersion, type FigureVersion } from './lib/figure-version';
export {
  computeAllocation,
  unknownLocations,
  type Allocation,
  type AllocationInputs,
  type StockFigure,
} from './lib/allocation';
export {
  parseInventoryListMappings,
  mappedLocations,
  InventoryListMappingError,
  type InventoryListMapping,
} from './lib/inventory-list-mapping';
export {
  createBufferResolver,
  parseBufferRules,
  BufferRuleError,
  type BufferRules,
  type SkuBufferRule,
} from './lib/buffer-rules';
export { InFlightOrderIndex, type InFlightOrderIndexOptions } from './lib/in-flight-order-index';
export { classifyPriority, PRIORITY, PRIORITY_CLASSES, type PriorityClass } from './lib/priority';
export { CoalescingQueue, type OfferResult, type QueueEntry } from './lib/coalescing-queue';
export {
  sellability,
  findNearMiss,
  explainMismatch,
  nearMissHint,
  nearMissData,
  CatalogNearMissFinder,
  NEAR_MISS_VARIANTS,
  type Sellability,
  type NotSellable,
  type CatalogEntry,
  type CatalogNearMiss,
  type CatalogSnapshot,
  type NearMissLookups,
} from './lib/sellability';
export {
  nearMatchKey,
  nearMatchHash,
  describeNearMatch,
  nearMatchWords,
  NearMatchIndex,
  type NearMatchKind,
} from './lib/sku-near-match';
