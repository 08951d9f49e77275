import express, { type Express } from 'express';
import { createApiRoutes } from './api-routes';
import type { SimulatorConfig } from './config';
import { createSimRoutes } from './sim-routes';
import type { Simulator } from './simulator';

/** The simulator's express app: WAIR API, /__sim/ control, /livez and /readyz. No port opened here. */
export function createSimulatorHttp(sim: Simulator, config: SimulatorConfig): Express {
  const app = express();
  app.disable('x-powered-by');
  const counters = new Map<string, number>();
  app.get('/livez', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => void res.json({ status: 'ready', checks: [] }));
  app.use('/__sim', createSimRoutes(sim, counters));
  app.use(
    createApiRoutes({
      tenant: config.WAIR_TENANT,
      username: config.WAIR_USERNAME,
      password: config.WAIR_PASSWORD,
      tokens: sim.tokens,
      model: sim.model,
      dispatches: sim.dispatches,
      catalogue: sim.catalogue,
      faults: sim.faults,
      counters,
      batch: sim.batch,
      orders: sim.orders,
    }),
  );
  app.use(
    (_req: express.Request, res: express.Response) =>
      void res.status(404).json({ error: 'not_found', message: 'No such endpoint' }),
  );
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(error.status ?? 500).json({ error: error.type ?? 'internal_error', message: error.message });
    },
  );
  return app;
}
