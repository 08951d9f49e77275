import express from 'express';
import {
  createMetricsRegistry,
  createOpsHttpApp,
  type Logger,
  type OpsHttpApp,
  type OpsHttpAppOptions,
} from '@wair-sfcc/observability';
import { createTokenRoutes } from '../auth/token.routes';
import { createFaultsMiddleware } from '../faults/faults.middleware';
import { createJobsHandler } from '../impex/jobs.handler';
import { createWebdavRoutes } from '../impex/webdav.routes';
import { createRequestCounters } from '../inspect/request-counters';
import { createSimAdminRoutes } from '../inspect/sim-admin.routes';
import { createBatchRoutes } from '../ocapi/batch.routes';
import { createOcapiDataDispatcher } from '../ocapi/ocapi-data-dispatcher';
import { createOcapiDataRoutes } from '../ocapi/ocapi-data.routes';
import { createOrdersRoutes } from '../scapi/orders.routes';
import { createProductsRoutes } from '../scapi/products.routes';
import { APP_NAME } from './config';
import type { SimState } from './sim-state';

/** The whole simulator as one express app (no port), so every route is testable with supertest. */
export function createSimHttpApp(state: SimState, logger: Logger): OpsHttpApp {
  return createOpsHttpApp(createSimHttpOptions(state, logger));
}

/** Probes, `/metrics`, `/__sim/` and the simulated APIs, as options of the observability ops app. */
export function createSimHttpOptions(state: SimState, logger: Logger): OpsHttpAppOptions {
  const { config } = state;
  const version = config.SIM_OCAPI_VERSION;
  const registry = createMetricsRegistry({ app: APP_NAME });
  const counters = createRequestCounters(registry);
  const dispatch = createOcapiDataDispatcher(
    version,
    state.inventory,
    createJobsHandler(version, state.jobs),
  );
  return {
    logger,
    metrics: registry,
    extraRoutes: (app) => {
      app.use(createSimAdminRoutes(state, counters));
      const api = express.Router();
      api.use(counters.middleware);
      api.use(
        createFaultsMiddleware({
          settings: state.faults,
          tokens: state.tokens,
          version,
          now: state.now,
          random: state.random,
        }),
      );
      api.use(
        createTokenRoutes({
          tokens: state.tokens,
          clientId: config.SIM_CLIENT_ID,
          clientSecret: config.SIM_CLIENT_SECRET,
          scopes: config.SIM_CLIENT_SCOPES.split(/\s+/).filter(Boolean),
        }),
      );
      api.use(createOcapiDataRoutes({ version, tokens: state.tokens, dispatch }));
      api.use(createBatchRoutes({ version, tokens: state.tokens, dispatch }));
      api.use(createWebdavRoutes({ tokens: state.tokens, files: state.files, now: state.now }));
      api.use(
        createProductsRoutes({
          tokens: state.tokens,
          organizationId: config.SIM_ORGANIZATION_ID,
          catalog: () => state.catalog,
        }),
      );
      api.use(
        createOrdersRoutes({
          tokens: state.tokens,
          organizationId: config.SIM_ORGANIZATION_ID,
          orders: state.orders,
          now: state.now,
        }),
      );
      app.use(api);
    },
  };
}
