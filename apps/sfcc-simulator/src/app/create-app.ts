import { createOpsServer, type Logger } from '@wair-sfcc/observability';
import type { Service } from '@wair-sfcc/app-runtime';
import type { SimulatorConfig } from './config';
import { createSimHttpOptions } from './sim-http-app';
import { createSimState, type SimState } from './sim-state';

export interface SimulatorDeps {
  config: SimulatorConfig;
  logger: Logger;
  now?: () => number;
}

export interface SimulatorService extends Service {
  state: SimState;
  /** Base URL once started (with OPS_PORT 0 the port is known only then). */
  url(): string;
}

/** The SFCC simulator: one HTTP server for the simulated APIs, `/__sim/` and the probes. */
export function createApp(deps: SimulatorDeps): SimulatorService {
  const { config, logger } = deps;
  const state = createSimState(config, deps.now);
  const server = createOpsServer({
    ...createSimHttpOptions(state, logger),
    host: config.OPS_HOST,
    port: config.OPS_PORT,
  });
  let baseUrl = '';
  return {
    state,
    url: () => baseUrl,
    async start() {
      baseUrl = (await server.start()).url;
      state.storefront.setRate(config.SIM_ORDERS_PER_MINUTE);
      logger.info(
        {
          url: baseUrl,
          ocapiVersion: config.SIM_OCAPI_VERSION,
          lists: config.SIM_INVENTORY_LISTS,
          products: state.catalog.products.length,
          mismatches: state.catalog.mismatches.length,
        },
        'sfcc simulator listening',
      );
    },
    async stop() {
      state.storefront.stop();
      await server.stop();
    },
  };
}
