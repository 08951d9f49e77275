import { Products, type ProductsTypes } from 'commerce-sdk';

/** The part of commerce-sdk's `Products` client the catalog pull uses (a fake implements it in tests). */
export interface ProductSearchApi {
  searchProducts(options: {
    parameters?: { organizationId: string; siteId?: string };
    headers?: Record<string, string>;
    body: ProductsTypes.ProductSearchRequest;
  }): Promise<ProductsTypes.ProductSearchResult>;
}

export interface ScapiProductsClientOptions {
  /** SCAPI host with scheme, e.g. `https://kv7kzm78.api.commercecloud.salesforce.com` (or the simulator). */
  scapiHost: string;
  /** `f_ecom_<realm>_<instance>`. */
  organizationId: string;
}

/**
 * Salesforce's own commerce-sdk `Products` (SCAPI Products admin API) pointed at `scapiHost`. Its
 * retries are off (`retrySettings.retries: 0`): ours (rate limiter, backoff, breaker) decide. The
 * bearer token is passed per call so one Account Manager token client serves every API.
 */
export function createScapiProductsClient(options: ScapiProductsClientOptions): ProductSearchApi {
  return new Products({
    baseUri: `${options.scapiHost.replace(/\/+$/, '')}/product/products/v1`,
    parameters: { organizationId: options.organizationId, shortCode: 'unused' },
    retrySettings: { retries: 0 },
    headers: {},
  });
}
