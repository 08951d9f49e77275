import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { buildMonthEndReport, ExceptionLifecycleError, type MonthEndReport } from '@wair-sfcc/audit-rules';
import type { Logger } from '@wair-sfcc/observability';
import { UnknownAuditError, type AuditScheduler } from '../audits/audit-scheduler';
import { UnknownExceptionError, type ExceptionBook } from '../exceptions/exception-book';
import type { ConsumerLagView } from '../lookups/consumer-lag';
import type { FlowsHealth } from '../lookups/flows-health';
import type { OrderTimeline } from '../lookups/order-timeline';
import type { SkuLookup } from '../lookups/sku-lookup';
import type { AuditorTables } from '../state/auditor-tables';
import { createApiAuth, type ApiAuthSettings } from './api-auth';
import { exceptionsCsv, monthEndCsv } from './csv-reports';
import { ExceptionQueryError, parseExceptionQuery, selectExceptions } from './exception-query';

export interface AuditorApiDeps {
  auth: ApiAuthSettings;
  book: ExceptionBook;
  scheduler: Pick<AuditScheduler, 'runNow' | 'status'>;
  tables: Pick<AuditorTables, 'orders' | 'dispatches' | 'fulfilments' | 'stock' | 'syncs' | 'behind'>;
  skuLookup: (sku: string) => Promise<SkuLookup | undefined>;
  orderTimeline: (orderNo: string) => OrderTimeline | undefined;
  flowsHealth: () => FlowsHealth;
  /** Lag of the other apps' consumer groups; without it `/lag` answers 503. */
  consumerLag?: () => Promise<ConsumerLagView>;
  logger: Logger;
}

/** A request the API refuses with 400. */
class BadRequestError extends Error {
  readonly retriable = false;
}

const MAX_LIMIT = 10_000;

function parseTime(name: string, raw: unknown): number {
  const text = String(raw ?? '');
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!text || Number.isNaN(ms))
    throw new BadRequestError(`${name} must be an ISO date/time or epoch milliseconds`);
  return ms;
}

function parsePeriod(q: Record<string, unknown>): { from: number; to: number } {
  const from = parseTime('from', q['from']);
  const to = parseTime('to', q['to']);
  if (to <= from) throw new BadRequestError('to must be after from');
  return { from, to };
}

const param = (req: Request, name: string) => String(req.params[name] ?? '');

const dateStamp = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The auditor's JSON API (documented in docs/api.md), mounted under `/api` on the ops server.
 * Every route needs the configured bearer token or basic auth.
 */
export function createAuditorApiRouter(deps: AuditorApiDeps): Router {
  const router = express.Router();
  router.use(createApiAuth(deps.auth));
  router.use(express.json({ limit: '16kb' }));
  const wrap =
    (handler: (req: Request, res: Response) => Promise<void> | void) =>
    (req: Request, res: Response, next: NextFunction) => {
      Promise.resolve(handler(req, res)).catch(next);
    };
  const monthEnd = (req: Request): MonthEndReport =>
    buildMonthEndReport(
      {
        orders: deps.tables.orders.values(),
        dispatches: deps.tables.dispatches,
        fulfilments: deps.tables.fulfilments,
        stock: deps.tables.stock.values(),
        syncs: deps.tables.syncs.values(),
      },
      parsePeriod(req.query),
    );

  router.get('/exceptions', (req, res) => {
    const selected = selectExceptions(deps.book.all(), parseExceptionQuery(req.query));
    const limit = Math.min(Number(req.query['limit'] ?? 500) || 500, MAX_LIMIT);
    const offset = Math.max(0, Number(req.query['offset'] ?? 0) || 0);
    res.json({ total: selected.length, offset, limit, exceptions: selected.slice(offset, offset + limit) });
  });
  router.get('/exceptions/:id', (req, res) => {
    const ex = deps.book.get(param(req, 'id'));
    if (!ex) res.status(404).json({ error: `no exception ${param(req, 'id')}` });
    else res.json(ex);
  });
  router.post(
    '/exceptions/:id/acknowledge',
    wrap(async (req, res) => {
      const id = param(req, 'id');
      const body = (req.body ?? {}) as { by?: unknown; reason?: unknown };
      if (typeof body.by !== 'string' || typeof body.reason !== 'string') {
        throw new BadRequestError('body must be {"by": "<user id>", "reason": "<why>"}');
      }
      if (deps.book.get(id)?.state === 'RESOLVED') {
        res.status(409).json({ error: `${id} is already resolved` });
        return;
      }
      const exception = await deps.book.acknowledge(id, { by: body.by, reason: body.reason });
      deps.logger.info({ exceptionId: id, by: exception.acknowledgedBy }, 'exception acknowledged');
      res.json(exception);
    }),
  );
  router.get('/audits', (_req, res) => {
    res.json({ audits: deps.scheduler.status() });
  });
  router.post(
    '/audits/:type/run',
    wrap(async (req, res) => {
      const behind = deps.tables.behind();
      if (behind.length) {
        res.status(503).json({ error: `tables still catching up: ${behind.join(', ')}` });
        return;
      }
      res.json(await deps.scheduler.runNow(param(req, 'type').toUpperCase()));
    }),
  );
  router.get(
    '/sku/:id',
    wrap(async (req, res) => {
      const view = await deps.skuLookup(param(req, 'id'));
      if (!view)
        res.status(404).json({ error: `no SKU ${param(req, 'id')} in WAIR, Kafka or the SFCC catalog` });
      else res.json(view);
    }),
  );
  router.get('/order/:no', (req, res) => {
    const view = deps.orderTimeline(param(req, 'no'));
    if (!view) res.status(404).json({ error: `no order ${param(req, 'no')}` });
    else res.json(view);
  });
  router.get('/flows', (_req, res) => {
    res.json(deps.flowsHealth());
  });
  router.get('/lag', async (_req, res) => {
    if (!deps.consumerLag) res.status(503).json({ error: 'consumer lag is not configured' });
    else res.json(await deps.consumerLag());
  });
  router.get('/reports/exceptions.csv', (req, res) => {
    const q = parseExceptionQuery(req.query);
    const rows = selectExceptions(deps.book.all(), q).sort((a, b) =>
      a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0,
    );
    res
      .type('text/csv')
      .attachment(`exceptions-${dateStamp(Date.now())}.csv`)
      .send(exceptionsCsv(rows));
  });
  router.get('/reports/month-end', (req, res) => {
    res.json(monthEnd(req));
  });
  router.get('/reports/month-end.csv', (req, res) => {
    const report = monthEnd(req);
    res
      .type('text/csv')
      .attachment(`month-end-${dateStamp(report.period.from)}-${dateStamp(report.period.to)}.csv`)
      .send(monthEndCsv(report));
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (
      error instanceof BadRequestError ||
      error instanceof ExceptionQueryError ||
      error instanceof ExceptionLifecycleError
    ) {
      res.status(400).json({ error: error.message });
    } else if (error instanceof UnknownExceptionError || error instanceof UnknownAuditError) {
      res.status(404).json({ error: error.message });
    } else if ((error as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({ error: 'body is not valid JSON' });
    } else {
      deps.logger.error({ err: error }, 'API request failed');
      res.status(500).json({ error: (error as Error).message });
    }
  });
  return router;
}
