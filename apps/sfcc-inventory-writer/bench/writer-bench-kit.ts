// Pieces of `npm run bench:writer` (writer.bench.ts): settings, the stack check, the writer app
// started in this process with its real adapters, the sync-topic reader and the paced producer.
import { connect } from 'node:net';
import type { InventoryListSync, InventorySync, StockLevel } from '@wair-sfcc/contracts';
import type { KafkaRuntime, TypedProducer } from '@wair-sfcc/kafka';
import { createInMemoryProducer, createIntegrationRuntime, uniqueName } from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { loadConfig } from '../src/app/config';
import { writerEnv, type SimHandle } from '../src/app/writer-test-harness';
import { wireWriter } from '../src/app/writer-service';
import type { WriterTopics } from '../src/app/writer-topics';

const num = (name: string, def: number) => Number(process.env[name] || def);

/** The bench's settings from the environment (see writer.bench.ts for what each means). */
export function benchSettings() {
  return {
    changes: num('BENCH_CHANGES', 20_000),
    skus: num('BENCH_SKUS', 2_000),
    rate: num('BENCH_RATE', 20),
    concurrency: num('BENCH_CONCURRENCY', 2),
    batch: num('BENCH_BATCH', 50),
    stockOutShare: num('BENCH_STOCKOUT_SHARE', 0.05),
    /** 0 = unlimited: as fast as the producer goes. */
    offeredPerSec: num('BENCH_OFFERED_PER_SEC', 0),
  };
}
export type BenchSettings = ReturnType<typeof benchSettings>;

/** Fails with what to do when the broker or the registry does not answer (nothing else is tried). */
export async function checkStack(brokers: string[], registryUrl: string): Promise<void> {
  const [host, port] = (brokers[0] ?? '').split(':');
  const brokerUp = await new Promise<boolean>((resolve) => {
    const socket = connect({ host, port: Number(port), timeout: 3_000 });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
  const registryUp =
    brokerUp &&
    (await fetch(`${registryUrl}/subjects`, { signal: AbortSignal.timeout(3_000) }).then(
      (r) => r.ok,
      () => false,
    ));
  if (!brokerUp || !registryUp) {
    throw new Error(
      `${brokerUp ? `schema registry ${registryUrl}` : `Kafka broker ${brokers.join(',')}`} does not answer: ` +
        'start the local stack with `npm run stack:up`, or point KAFKA_BROKERS / SCHEMA_REGISTRY_URL at a running one',
    );
  }
}

/**
 * The writer app (`createApp` + `loadConfig`) with the real OCAPI clients against the simulator,
 * wired by writer-service.ts (`wireWriter`), on the bench's topics.
 */
export function createBenchWriter(sim: SimHandle, topics: WriterTopics, s: BenchSettings) {
  const config = loadConfig(
    writerEnv(sim, 'bench-writer', {
      SFCC_RATE_PER_SEC: String(s.rate),
      WRITE_BATCH_SIZE: String(s.batch),
      WRITE_CONCURRENCY: String(s.concurrency),
    }),
  );
  const kafka = createIntegrationRuntime('bench-writer');
  const { app, stop } = wireWriter(
    config,
    createLogger({ app: 'bench-writer', level: 'error' }),
    kafka,
    topics,
  );
  return {
    app,
    config,
    /** True once nothing is queued or being written. */
    idle: () => app.pipeline.queue.depth() === 0 && app.pipeline.queue.inFlight() === 0,
    async stop() {
      await stop();
      await kafka.admin.disconnect().catch(() => undefined);
    },
  };
}

/** Reads every row the writer reports on the sync topic, from the beginning, one entry per list. */
export async function readSyncTopic(runtime: KafkaRuntime, topic: string) {
  const entries: Array<InventoryListSync & { sku: string }> = [];
  const seen = new Set<string>();
  const consumer = runtime.consumer({
    app: 'bench-writer',
    groupId: uniqueName('bench-writer.sync-reader'),
    topics: [topic],
    dlqProducer: createInMemoryProducer(),
    handle: async (record) => {
      const row = record.value as InventorySync;
      for (const l of row.lists) {
        // A row repeats a SKU's other lists, and a producer retry may repeat a row: one entry per write.
        const id = `${row.sku}|${l.inventoryListId}|${l.sourceAsOf}|${l.sourceSequence}|${l.writtenAt}`;
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push({ ...l, sku: row.sku });
      }
    },
  });
  await consumer.start();
  return { entries, stop: () => consumer.stop() };
}

/**
 * Produces `count` figures to the stock topic, each stamped (`asOf`) when its chunk is sent, at
 * `perSec` changes/s (0: as fast as the producer acknowledges chunks of 500). Resolves with the
 * first and last send times.
 */
export async function produceChanges(
  producer: TypedProducer,
  topic: string,
  count: number,
  perSec: number,
  figureAt: (i: number, asOf: number) => StockLevel,
): Promise<{ first: number; last: number }> {
  const first = Date.now();
  let sent = 0;
  while (sent < count) {
    const due = perSec > 0 ? Math.min(count, Math.floor(((Date.now() - first) / 1000) * perSec) + 1) : count;
    if (due <= sent) {
      // Pacing, not synchronisation: wait for the next change's slot of the offered rate.
      await new Promise((r) =>
        setTimeout(r, Math.max(1, Math.ceil(((sent + 1) * 1000) / perSec - (Date.now() - first)))),
      );
      continue;
    }
    const asOf = Date.now();
    const n = Math.min(due - sent, 500);
    const figures = Array.from({ length: n }, (_, k) => figureAt(sent + k, asOf));
    await producer.sendMany(figures.map((f) => ({ topic, key: f.sku, value: f })));
    sent += n;
  }
  return { first, last: Date.now() };
}

/** Nearest-rank percentile (NaN for no values). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
