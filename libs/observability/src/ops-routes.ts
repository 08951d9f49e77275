import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from './logger';
import type { MetricsRegistry } from './metrics-registry';
import { runReadinessChecks, type ReadinessCheck, type ReadinessReport } from './readiness-check';

/** The express app behind the ops server; apps get it in `extraRoutes` to add admin endpoints. */
export type OpsHttpApp = Express;

/** Options of {@link createOpsHttpApp}. */
export interface OpsHttpAppOptions {
  logger: Logger;
  /** What `/metrics` serves: prom-client's default metrics and the app's own. */
  metrics: MetricsRegistry;
  readiness?: readonly ReadinessCheck[];
  /** Per-check timeout for `/readyz` unless a check sets its own; default 2000 ms. */
  readinessTimeoutMs?: number;
  /** Called after the built-in routes are mounted and before the error handler. */
  extraRoutes?: (app: OpsHttpApp) => void;
}

/**
 * Builds the ops HTTP app without listening, so tests drive it with supertest:
 * - `GET /livez` → 200 `{ status: 'ok' }` while the process can answer at all;
 * - `GET /readyz` → 200 `{ status: 'ready', checks }` or 503 `{ status: 'not-ready', checks }`;
 * - `GET /metrics` → the registry in the Prometheus text format.
 */
export function createOpsHttpApp(options: OpsHttpAppOptions): OpsHttpApp {
  const { logger, metrics: registry, readiness = [], readinessTimeoutMs } = options;
  const app = express();
  app.disable('x-powered-by');
  // Probes must always see the current state, never a 304.
  app.set('etag', false);

  // Kubernetes probes every few seconds: log when readiness changes, not on every probe.
  let lastReady: boolean | undefined;
  const logTransition = (report: ReadinessReport): void => {
    if (report.ready === lastReady) return;
    lastReady = report.ready;
    if (report.ready) logger.info({ checks: report.checks }, 'ready');
    else logger.warn({ checks: report.checks.filter((check) => !check.ok) }, 'not ready');
  };

  app.get('/livez', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const report = await runReadinessChecks(readiness, readinessTimeoutMs);
    logTransition(report);
    res
      .status(report.ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: report.ready ? 'ready' : 'not-ready', checks: report.checks });
  });

  app.get('/metrics', async (_req, res) => {
    const body = await registry.metrics();
    res.set('Content-Type', registry.contentType).send(body);
  });

  options.extraRoutes?.(app);

  const onError: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    // Honour a 4xx set by express middleware (e.g. malformed JSON in an admin endpoint's body).
    const status = statusOf(error);
    if (status < 500) {
      res.status(status).json({ status: 'error', message: messageOf(error) });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'ops request failed');
    res.status(500).json({ status: 'error' });
  };
  app.use(onError);

  return app;
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'request failed';
}
