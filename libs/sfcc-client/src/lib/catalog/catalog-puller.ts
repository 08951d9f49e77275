import type { SfccProduct } from '@wair-sfcc/contracts';
import type { ProductsTypes } from 'commerce-sdk';
import type { AccessTokenProvider } from '../auth/account-manager-token.client';
import { parseRetryAfter } from '../resilience/adaptive-rate-limiter';
import type { SfccResilience } from '../resilience/sfcc-resilience';
import { SfccHttpError } from '../sfcc-errors';
import { sameProduct, toSfccProduct } from './scapi-product.mapping';
import type { ProductSearchApi } from './scapi-products.client';

export interface CatalogPullerOptions {
  /** commerce-sdk `Products` (see createScapiProductsClient) or a fake with the same method. */
  products: ProductSearchApi;
  tokens: AccessTokenProvider;
  resilience: SfccResilience;
  organizationId: string;
  /** Site whose `online`/`searchable` flags count; SFCC's `default` otherwise. */
  siteId?: string;
  /** Hits per page; SCAPI allows at most 200. */
  pageSize?: number;
  now?: () => number;
}

/** A complete catalog read and how it differs from what was published before. */
export interface CatalogPullResult {
  products: SfccProduct[];
  /** New or changed entries (ignoring `pulledAt`): what to publish. */
  changed: SfccProduct[];
  /** Ids in the previous snapshot that the catalog no longer has: publish tombstones. */
  removedIds: string[];
  pages: number;
}

/** Reads the whole SFCC catalog through SCAPI product search and diffs it against a snapshot. */
export interface CatalogPuller {
  /** Rejects (nothing to publish) if any page fails: a partial read must not tombstone products. */
  pull(previous: ReadonlyMap<string, SfccProduct>): Promise<CatalogPullResult>;
}

/** commerce-sdk throws `ResponseError` with the raw `response` on non-2xx. */
const responseOf = (
  error: unknown,
): { status: number; headers: { get(name: string): string | null } } | undefined =>
  (error as { response?: { status: number; headers: { get(name: string): string | null } } }).response;

/**
 * Pages through `POST /organizations/{org}/product-search` sorted by id (stable paging), each page
 * through the shared rate limiter/backoff/breaker; 401 drops the token and repeats once.
 */
export function createCatalogPuller(options: CatalogPullerOptions): CatalogPuller {
  const pageSize = Math.min(200, Math.max(1, options.pageSize ?? 200));
  const now = options.now ?? Date.now;

  const attempt = async (offset: number): Promise<ProductsTypes.ProductSearchResult> => {
    for (let reauthed = false; ; reauthed = true) {
      const token = await options.tokens.getToken();
      try {
        const page = await options.products.searchProducts({
          parameters: {
            organizationId: options.organizationId,
            ...(options.siteId ? { siteId: options.siteId } : {}),
          },
          headers: { authorization: `Bearer ${token}` },
          body: {
            query: { matchAllQuery: {} },
            limit: pageSize,
            offset,
            sorts: [{ field: 'id', sortOrder: 'asc' }],
          },
        });
        options.resilience.limiter.observe({ status: 200 });
        return page;
      } catch (error) {
        const res = responseOf(error);
        if (!res) {
          throw new SfccHttpError(`product-search failed: ${(error as Error).message}`, {
            path: 'product-search',
            retriable: true,
          });
        }
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
        options.resilience.limiter.observe({
          status: res.status,
          retryAfterMs,
          loadStatus: res.headers.get('sfdc_load_status'),
        });
        if (res.status === 401) {
          options.tokens.invalidate(token);
          if (!reauthed) continue;
        }
        throw new SfccHttpError(`product-search at offset ${offset} answered ${res.status}`, {
          method: 'POST',
          path: 'product-search',
          status: res.status,
          retriable: res.status === 429 || res.status >= 500,
          retryAfterMs,
        });
      }
    }
  };

  return {
    async pull(previous) {
      const pulledAt = now();
      const byId = new Map<string, SfccProduct>();
      let pages = 0;
      for (let offset = 0; ; offset += pageSize) {
        const page = await options.resilience.execute(() => attempt(offset));
        pages += 1;
        for (const hit of page.hits ?? []) byId.set(hit.id, toSfccProduct(hit, pulledAt, options.siteId));
        const got = page.hits?.length ?? 0;
        if (got === 0 || offset + got >= page.total) break;
      }
      const products = [...byId.values()];
      const changed = products.filter((p) => {
        const before = previous.get(p.productId);
        return !before || !sameProduct(before, p);
      });
      const removedIds = [...previous.keys()].filter((id) => !byId.has(id));
      return { products, changed, removedIds, pages };
    },
  };
}
