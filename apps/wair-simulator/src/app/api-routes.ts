import express, { type Request, type Response, type Router } from 'express';
import type { SimCatalogue } from '@wair-sfcc/sim-catalogue';
import type { BatchState } from './batch-state';
import type { DispatchBook } from './dispatch-book';
import type { FaultInjector } from './fault-injector';
import type { OrderBook } from './order-book';
import type { StockModel } from './stock-model';
import type { TokenStore } from './token-store';
import { createWriteRoutes } from './write-routes';

export interface ApiDeps {
  tenant: string;
  username: string;
  password: string;
  tokens: TokenStore;
  model: StockModel;
  dispatches: DispatchBook;
  catalogue: SimCatalogue;
  faults: FaultInjector;
  counters: Map<string, number>;
  batch: BatchState;
  orders: OrderBook;
}

const MAX_LIMIT = 1000;
// The SKU master does not change while the simulator runs.
const CATALOGUE_TIME = '2025-01-01T00:00:00.000Z';

class QueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function paging(req: Request, withFrom: boolean) {
  const int = (name: string, fallback: number, max: number): number => {
    const raw = req.query[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new QueryError(name, `${name} must be an integer from 0 to ${max}`);
    return n;
  };
  const offset = int('Offset', 0, Number.MAX_SAFE_INTEGER);
  const limit = int('Limit', 100, MAX_LIMIT);
  let from: number | undefined;
  const rawFrom = req.query['FromModifiedDateTime'];
  if (withFrom && rawFrom !== undefined && rawFrom !== '') {
    from = Date.parse(String(rawFrom));
    if (Number.isNaN(from))
      throw new QueryError('FromModifiedDateTime', 'FromModifiedDateTime must be an ISO-8601 date-time');
  }
  return { offset, limit, from };
}

function page<T>(res: Response, all: T[], offset: number, limit: number, map: (r: T) => unknown): void {
  const slice = all.slice(offset, offset + limit);
  res.json({
    offset,
    limit,
    count: slice.length,
    moreRecordsAvailable: offset + slice.length < all.length,
    records: slice.map(map),
  });
}

/** The WAIR API: POST /Token, and the read and write sides of docs/wair-contract.md under /api/v1. */
export function createApiRoutes(deps: ApiDeps): Router {
  const router = express.Router();
  const count = (name: string): void => void deps.counters.set(name, (deps.counters.get(name) ?? 0) + 1);

  router.post('/Token', deps.faults.middleware, express.json({ limit: '16kb' }), (req, res) => {
    count('POST /Token');
    const body = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (
      req.get('X-Tenant') !== deps.tenant ||
      body.username !== deps.username ||
      body.password !== deps.password
    ) {
      res
        .status(401)
        .json({ error: 'invalid_credentials', message: 'Unknown tenant or wrong username/password' });
      return;
    }
    res.json(deps.tokens.issue(deps.tenant));
  });

  const api = express.Router();
  api.use((req, res, next) => {
    const auth = req.get('Authorization');
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const problem = deps.tokens.problem(token, req.get('X-Tenant'));
    if (problem) {
      count('401');
      res.status(401).json({ error: 'invalid_token', message: problem });
      return;
    }
    next();
  });
  api.use(deps.faults.middleware);
  api.use(createWriteRoutes({ batch: deps.batch, orders: deps.orders, count }));
  const handle = (
    name: string,
    withFrom: boolean,
    fn: (p: ReturnType<typeof paging>, res: Response) => void,
  ) =>
    api.get(name, (req, res) => {
      count(`GET ${name}`);
      try {
        fn(paging(req, withFrom), res);
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        res.status(400).json({ error: 'invalid_request', field: error.field, message: error.message });
      }
    });
  handle('/StockLevels', true, (p, res) => {
    const { rows, total } = deps.model.pageSince(p.from, p.offset, p.limit);
    res.json({
      offset: p.offset,
      limit: p.limit,
      count: rows.length,
      moreRecordsAvailable: p.offset + rows.length < total,
      records: rows.map((r) => deps.faults.mangle(r)),
    });
  });
  handle('/Dispatches', true, (p, res) =>
    page(res, deps.dispatches.changedSince(p.from), p.offset, p.limit, (r) =>
      deps.faults.mangle(r, 'lines', 'orderNumber'),
    ),
  );
  handle('/Skus', false, (p, res) =>
    page(res, deps.catalogue.skus, p.offset, p.limit, (s) =>
      deps.faults.mangle(
        {
          id: s.barcode,
          code: s.sku,
          skuCode: s.sku,
          styleCode: s.styleCode,
          itemCode: s.itemCode,
          colour: s.colour,
          size: s.size,
          barcode: s.barcode,
          status: s.status,
          modifiedDateTime: CATALOGUE_TIME,
        },
        'size',
        'status',
      ),
    ),
  );
  router.use('/api/v1', api);
  return router;
}
