// Public entry of @wair-sfcc/sfcc-client: the SFCC ports and their HTTP adapters (Account Manager,
// OCAPI inventory + batch, IMPEX, SCAPI catalog via commerce-sdk) with shared resilience.
export * from './lib/inventory-writer.port';
export * from './lib/sfcc-errors';
export {
  createAccountManagerTokenClient,
  type AccessTokenProvider,
  type AccountManagerTokenClientOptions,
} from './lib/auth/account-manager-token.client';
export {
  createAdaptiveRateLimiter,
  parseRetryAfter,
  type AdaptiveRateLimiter,
  type AdaptiveRateLimiterOptions,
  type RateSignal,
} from './lib/resilience/adaptive-rate-limiter';
export { withRetry, type RetryOptions } from './lib/resilience/retry-policy';
export { createObservedFetch, type SfccResponseStatus } from './lib/resilience/observed-fetch';
export {
  createSfccCircuitBreaker,
  isOutage,
  type CircuitState,
  type SfccCircuitBreaker,
  type SfccCircuitBreakerOptions,
} from './lib/resilience/circuit-breaker';
export {
  createSfccResilience,
  type SfccResilience,
  type SfccResilienceOptions,
} from './lib/resilience/sfcc-resilience';
export {
  createOcapiHttpClient,
  type OcapiHttpClient,
  type OcapiHttpClientOptions,
  type OcapiRequest,
  type OcapiResponse,
} from './lib/ocapi/ocapi-http.client';
export { parseOcapiFault, type OcapiFault } from './lib/ocapi/ocapi-fault';
export { invalidWriteReason } from './lib/ocapi/inventory-write.validation';
export {
  OCAPI_BATCH_MAX_BYTES,
  OCAPI_BATCH_MAX_PARTS,
  buildBatchBody,
  parseBatchResponse,
  type BatchPart,
  type BatchPartResponse,
} from './lib/ocapi/ocapi-batch.codec';
export {
  createOcapiInventoryWriter,
  type OcapiInventoryWriterOptions,
} from './lib/ocapi/ocapi-inventory-writer.adapter';
export {
  createOcapiInventoryReader,
  toInventoryRecordRead,
  type OcapiInventoryReaderOptions,
} from './lib/ocapi/ocapi-inventory-reader.adapter';
export { buildInventoryXml, INVENTORY_XML_NAMESPACE } from './lib/impex/inventory-xml.builder';
export {
  createImpexInventoryImporter,
  type ImpexInventoryImporterOptions,
} from './lib/impex/impex-inventory-importer.adapter';
export {
  isExecutionOk,
  isFileRejected,
  recordErrorsOf,
  type ImpexRecordError,
  type JobExecutionDoc,
} from './lib/impex/impex-execution.mapping';
export {
  createSfccInventoryClients,
  type SfccInventoryClients,
  type SfccInventoryClientSettings,
} from './lib/sfcc-inventory-clients.factory';
export {
  createScapiProductsClient,
  type ProductSearchApi,
  type ScapiProductsClientOptions,
} from './lib/catalog/scapi-products.client';
export { productTypeOf, sameProduct, toSfccProduct } from './lib/catalog/scapi-product.mapping';
export {
  createCatalogPuller,
  type CatalogPuller,
  type CatalogPullerOptions,
  type CatalogPullResult,
} from './lib/catalog/catalog-puller';
export { createScapiOrdersClient, type ScapiOrdersClientOptions } from './lib/orders/scapi-orders.client';
