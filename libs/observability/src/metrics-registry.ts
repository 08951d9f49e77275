import { collectDefaultMetrics, Registry } from 'prom-client';

/** The Prometheus registry an app's metrics live in; served by the ops server at `/metrics`. */
export type MetricsRegistry = Registry;

/** Options of {@link createMetricsRegistry}. */
export interface MetricsRegistryConfig {
  /** Written as the `app` label on every series. */
  app: string;
  /** Node process metrics (CPU, memory, event loop lag, GC, handles); default true. */
  collectDefaults?: boolean;
}

/**
 * Creates a registry of the app's own rather than prom-client's global one, so that tests and
 * several components in one process never collide on metric names.
 * Default metrics keep their standard names (no prefix) so the usual Node.js dashboards work.
 */
export function createMetricsRegistry(config: MetricsRegistryConfig): MetricsRegistry {
  const registry = new Registry();
  registry.setDefaultLabels({ app: config.app });
  if (config.collectDefaults ?? true) {
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
