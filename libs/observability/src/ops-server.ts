import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpsServerError } from './observability-errors';
import { createOpsHttpApp, type OpsHttpApp, type OpsHttpAppOptions } from './ops-routes';

/** Where the ops server listens unless told otherwise (the port OpenTelemetry's Prometheus exporter uses). */
export const DEFAULT_OPS_PORT = 9464;

/** Options of {@link createOpsServer}. */
export interface OpsServerOptions extends OpsHttpAppOptions {
  /** Default {@link DEFAULT_OPS_PORT}; 0 picks a free port (see the result of `start()`). */
  port?: number;
  /** Default `0.0.0.0`, since Kubernetes probes and Prometheus connect to the pod IP. */
  host?: string;
  /** How long `stop()` lets in-flight requests finish before cutting connections; default 1000 ms. */
  shutdownGraceMs?: number;
}

/** Where a started ops server listens. */
export interface OpsServerAddress {
  port: number;
  url: string;
}

/** `/livez`, `/readyz` and `/metrics` of an app, plus whatever `extraRoutes` mounts. */
export interface OpsServer {
  readonly app: OpsHttpApp;
  /** @throws OpsServerError when already started or the port cannot be bound. */
  start(): Promise<OpsServerAddress>;
  /** Stops listening and closes keep-alive connections; safe to call more than once. */
  stop(): Promise<void>;
}

function urlHost(host: string): string {
  // A wildcard address is not something a client can connect to; loopback reaches it locally.
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // A scrape or probe in flight gets a moment to finish; after that, connections are cut.
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close((error) => {
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    // Idle keep-alive sockets (Prometheus keeps them) would otherwise hold close() open.
    server.closeIdleConnections();
  });
}

/** Creates the ops server of an app; nothing listens until `start()`. */
export function createOpsServer(options: OpsServerOptions): OpsServer {
  const { logger, port = DEFAULT_OPS_PORT, host = '0.0.0.0', shutdownGraceMs = 1000 } = options;
  const app = createOpsHttpApp(options);
  let server: Server | undefined;
  let stopping: Promise<void> | undefined;

  return {
    app,
    async start() {
      if (server) throw new OpsServerError('ops server already started', false, { port, host });
      const candidate = createServer(app);
      try {
        await listen(candidate, port, host);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new OpsServerError(
          `ops server cannot listen on ${host}:${port}`,
          code === 'EADDRINUSE',
          { port, host, code },
          {
            cause: error,
          },
        );
      }
      server = candidate;
      const bound = (candidate.address() as AddressInfo).port;
      const address = { port: bound, url: `http://${urlHost(host)}:${bound}` };
      logger.info({ host, port: bound }, 'ops server listening');
      return address;
    },
    stop() {
      if (!server) return stopping ?? Promise.resolve();
      const closing = server;
      server = undefined;
      stopping = close(closing, shutdownGraceMs).finally(() => {
        stopping = undefined;
      });
      return stopping;
    },
  };
}
