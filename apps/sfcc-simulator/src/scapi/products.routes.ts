import express, { type Router } from 'express';
import type { ProductsTypes } from 'commerce-sdk';
import type { TokenStore } from '../auth/token-store';
import type { SfccCatalog } from '../catalog/sim-sfcc-catalog';
import { compileQuery } from './product-search';
import { sendScapiError } from './scapi-error';

type ProductSearchRequest = ProductsTypes.ProductSearchRequest;
type ProductSearchResult = ProductsTypes.ProductSearchResult;

export const PRODUCT_SEARCH_MAX_LIMIT = 200;
const PRODUCT_SCOPES = ['sfcc.products', 'sfcc.products.rw'];

/**
 * SCAPI Products admin search as commerce-sdk's `Products.searchProducts` calls it:
 * `POST /product/products/v1/organizations/{organizationId}/product-search`, body
 * `{query, limit ≤ 200, offset, sorts}`, answer `{hits, limit, offset, total, query}`.
 */
export function createProductsRoutes(options: {
  tokens: TokenStore;
  organizationId: string;
  catalog: () => SfccCatalog;
}): Router {
  const router = express.Router();
  router.post(
    '/product/products/v1/organizations/:organizationId/product-search',
    express.json({ limit: '1mb' }),
    (req, res) => {
      const check = options.tokens.check(req.headers.authorization);
      if (!check.ok) return sendScapiError(res, 401, `The access token is ${check.reason}.`);
      if (!check.token.scope.some((s) => PRODUCT_SCOPES.includes(s))) {
        return sendScapiError(res, 403, `The access token lacks scope ${PRODUCT_SCOPES.join(' or ')}.`);
      }
      if (req.params.organizationId !== options.organizationId) {
        return sendScapiError(
          res,
          403,
          `Organization '${req.params.organizationId}' is not accessible with this token.`,
        );
      }
      const body = (req.body ?? {}) as ProductSearchRequest;
      const limit = body.limit ?? 25;
      const offset = body.offset ?? 0;
      if (!Number.isInteger(limit) || limit < 1 || limit > PRODUCT_SEARCH_MAX_LIMIT) {
        return sendScapiError(
          res,
          400,
          `'limit' must be an integer 1-${PRODUCT_SEARCH_MAX_LIMIT}, got ${JSON.stringify(body.limit)}.`,
        );
      }
      if (!Number.isInteger(offset) || offset < 0)
        return sendScapiError(res, 400, `'offset' must be an integer >= 0.`);
      const matcher = compileQuery(body.query);
      if (!matcher.ok) return sendScapiError(res, 400, matcher.message);
      let hits = options.catalog().products.filter(matcher.match);
      const sort = body.sorts?.[0];
      if (sort) {
        if (sort.field !== 'id')
          return sendScapiError(res, 400, `Sorting by '${sort.field}' is not supported (id).`);
        if (sort.sortOrder === 'desc') hits = [...hits].reverse();
      }
      const result: ProductSearchResult = {
        hits: hits.slice(offset, offset + limit),
        limit,
        offset,
        total: hits.length,
        query: body.query,
        ...(body.sorts ? { sorts: body.sorts } : {}),
      };
      res.json(result);
    },
  );
  return router;
}
