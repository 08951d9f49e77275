import { TOPICS, type SfccProduct } from '@wair-sfcc/contracts';
import type { TableReader, TypedProducer } from '@wair-sfcc/kafka';
import { createCounter, createGauge, type Logger, type MetricsRegistry } from '@wair-sfcc/observability';
import type { CatalogPuller } from '@wair-sfcc/sfcc-client';

export interface CatalogSyncJobOptions {
  puller: CatalogPuller;
  producer: Pick<TypedProducer, 'sendMany'>;
  /** The `sfcc.products.v1` table: what was published before this process started. */
  table: Pick<TableReader<SfccProduct>, 'caughtUp' | 'entries'>;
  logger: Logger;
  registry?: MetricsRegistry;
  intervalMs: number;
  /** Wait after a failed pull (SFCC down, simulator still starting); default min(intervalMs, 30 s). */
  retryIntervalMs?: number;
  topic?: string;
}

/** Pulls the SFCC catalog at start and on a schedule, publishing changes and tombstones. */
export interface CatalogSyncJob {
  start(): void;
  stop(): Promise<void>;
  /** One pull; resolves with what was published. */
  runOnce(): Promise<{ published: number; tombstones: number }>;
}

/**
 * Owner of `sfcc.products.v1`. Keeps what it last published in memory (seeded from the topic) so
 * unchanged products are not republished; a failed pull publishes nothing, so a partial read never
 * tombstones products that still exist.
 */
export function createCatalogSyncJob(options: CatalogSyncJobOptions): CatalogSyncJob {
  const topic = options.topic ?? TOPICS.sfccProducts;
  const { logger } = options;
  let published: Map<string, SfccProduct> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const pulls = options.registry
    ? createCounter(options.registry, {
        name: 'sfcc_catalog_pulls_total',
        help: 'Catalog pulls by outcome.',
        labelNames: ['outcome'],
      })
    : undefined;
  const size = options.registry
    ? createGauge(options.registry, {
        name: 'sfcc_catalog_products',
        help: 'Products in the last catalog pull.',
      })
    : undefined;

  const runOnce = async (): Promise<{ published: number; tombstones: number }> => {
    if (!published) {
      await options.table.caughtUp();
      published = new Map(options.table.entries());
    }
    const result = await options.puller.pull(published);
    await options.producer.sendMany([
      ...result.changed.map((p) => ({ topic, key: p.productId, value: p })),
      ...result.removedIds.map((id) => ({ topic, key: id, value: null })),
    ]);
    for (const p of result.changed) published.set(p.productId, p);
    for (const id of result.removedIds) published.delete(id);
    size?.set(result.products.length);
    return { published: result.changed.length, tombstones: result.removedIds.length };
  };

  const retryMs = options.retryIntervalMs ?? Math.min(options.intervalMs, 30_000);
  const tick = (): void => {
    let nextMs = options.intervalMs;
    running = runOnce()
      .then((r) => {
        pulls?.inc({ outcome: 'ok' });
        logger.info({ ...r }, 'catalog pull published');
      })
      .catch((error: unknown) => {
        pulls?.inc({ outcome: 'error' });
        nextMs = retryMs;
        const e = error as Error & { retriable?: boolean };
        logger.error(
          { err: { name: e.name, message: e.message }, retriable: e.retriable },
          'catalog pull failed',
        );
      })
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, nextMs);
      });
  };

  return {
    runOnce,
    start() {
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
