import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service } from '@wair-sfcc/app-runtime';
import type { Logger } from '@wair-sfcc/observability';
import type { SimulatorConfig } from './config';
import { createSimulator, type Simulator } from './simulator';
import { createSimulatorHttp } from './simulator-http';

export interface SimulatorDeps {
  config: SimulatorConfig;
  logger: Logger;
}

/** The running simulator: its state, and the URL it answers on once started. */
export interface SimulatorApp extends Service {
  sim: Simulator;
  url(): string;
}

export function createApp(deps: SimulatorDeps): SimulatorApp {
  const { config, logger } = deps;
  const sim = createSimulator(config, logger);
  const http = createSimulatorHttp(sim, config);
  let server: Server | undefined;
  return {
    sim,
    url() {
      const address = server?.address() as AddressInfo | null;
      if (!address) throw new Error('wair-simulator is not listening');
      return `http://127.0.0.1:${address.port}`;
    },
    async start() {
      sim.start();
      await new Promise<void>((resolve, reject) => {
        server = http.listen(config.OPS_PORT, config.OPS_HOST, () => resolve()).once('error', reject);
      });
      logger.info({ url: this.url(), skus: sim.catalogue.skus.length }, 'wair-simulator listening');
    },
    async stop() {
      sim.stop();
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
