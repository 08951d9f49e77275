import type { InventorySync } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, moveGroupToEnd } from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { createSfccInventoryClients, type SfccInventoryClients } from '@wair-sfcc/sfcc-client';
import { loadConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import { producedTopicSpecs } from './writer-topics';
import {
  createWriterTopics,
  LIST,
  startSimulator,
  stockFigure,
  writerEnv,
  type SimHandle,
  type SimJobExecution,
} from './writer-test-harness';

// The 100,000 SKUs, more than one IMPEX file holds: each refresh must be chunked.
const SKUS = 100_000;
const KNOWN = 15_000;
// Records per IMPEX file: the importer's default, which the writer service runs with.
const RECORDS_PER_FILE = 50_000;

/**
 * The refresh's IMPEX job executions: one per file, more than one (chunked, none over the file
 * size), each a different file of the list, all finished ok, together importing every record sent.
 */
function expectChunked(executions: readonly SimJobExecution[], records: number): void {
  const files = executions.map((e) => e.parameters.find((p) => p.name === 'ImportFile')?.value ?? '');
  expect(executions.length).toBe(Math.ceil(records / RECORDS_PER_FILE));
  expect(executions.length).toBeGreaterThan(1);
  expect(new Set(files).size).toBe(executions.length);
  expect(files.every((f) => f.includes(LIST))).toBe(true);
  for (const e of executions) {
    expect(e).toMatchObject({ status: 'finished', exit: { ok: true } });
    expect(e.imported).toBeLessThanOrEqual(RECORDS_PER_FILE);
  }
  expect(executions.reduce((sum, e) => sum + e.imported, 0)).toBe(records);
}

/**
 * Issue 5 full refresh through IMPEX at scale. The writer's group starts at the end of the stock
 * topic, so only the refresh (which reads the whole compacted table) writes: diff-only must send
 * just the SKUs whose last reported write differs, forced must send all, and SFCC must end correct.
 */
describe(`full refresh of ${SKUS} SKUs via IMPEX (real simulator, real Kafka)`, () => {
  let sim: SimHandle;
  let kafka: Awaited<ReturnType<typeof createWriterTopics>>;
  let clients: SfccInventoryClients;
  let app: WriterApp;

  beforeAll(async () => {
    [sim, kafka] = await Promise.all([startSimulator(), createWriterTopics('iw-refresh')]);
    clients = createSfccInventoryClients({
      host: sim.url,
      amHost: sim.url,
      clientId: 'sim-client',
      clientSecret: 'sim-client-secret',
      resilience: { rateLimit: { ratePerSecond: 50, concurrency: 2 } },
      impex: { pollIntervalMs: 250, recordsPerFile: RECORDS_PER_FILE },
    });
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    await clients?.stop();
    await kafka?.close();
    await sim?.stop();
  });

  it('diff-only sends only differing records, forced sends all, SFCC ends correct', async () => {
    const prefix = kafka.run.toUpperCase().replace(/[^A-Z0-9-]/g, '-');
    const base = Date.now() - 3_600_000;
    const figures = Array.from({ length: SKUS }, (_, i) =>
      stockFigure(`${prefix}-R${String(i).padStart(6, '0')}`, base + i, 1, i % 50),
    );
    const skus = figures.map((f) => f.sku);
    await kafka.publishCatalog(skus);
    await kafka.publishStock(figures);
    // The writer already wrote (and reported) the first KNOWN figures as they are now.
    const known: InventorySync[] = figures.slice(0, KNOWN).map((f) => ({
      sku: f.sku,
      lists: [
        {
          inventoryListId: LIST,
          allocation: f.locations[0]?.available ?? 0,
          resetDate: f.asOf,
          sourceAsOf: f.asOf,
          sourceSequence: f.sourceSequence,
          writtenAt: f.asOf,
          outcome: 'OK',
          error: null,
          priority: 1,
          channel: 'OCAPI',
        },
      ],
    }));
    const syncProducer = kafka.runtime.producer({
      topics: producedTopicSpecs(kafka.topics).filter((t) => t.name === kafka.topics.sync),
    });
    await syncProducer.connect();
    for (let i = 0; i < known.length; i += 5_000) {
      await syncProducer.sendMany(
        known.slice(i, i + 5_000).map((value) => ({ topic: kafka.topics.sync, key: value.sku, value })),
      );
    }
    await syncProducer.disconnect();

    const env = writerEnv(sim, 'iw-refresh');
    await moveGroupToEnd(env['KAFKA_GROUP_ID'] as string, kafka.topics.stock);

    app = createApp({
      config: loadConfig(env),
      logger: createLogger({ app: 'iw-refresh', level: 'silent' }),
      kafka: createIntegrationRuntime('iw-refresh'),
      sfcc: { writer: clients.writer, importer: clients.importer },
      topics: kafka.topics,
    });
    await app.start();

    const jobsBefore = (await sim.jobs()).length;
    const diffStart = Date.now();
    const diff = await app.fullRefresh.start({}).done;
    const diffMs = Date.now() - diffStart;
    expect(diff.error).toBeNull();
    expect(diff.figures).toBe(SKUS);
    expect(diff.lists[LIST]).toMatchObject({ sent: SKUS - KNOWN, unchanged: KNOWN, ok: SKUS - KNOWN });
    const afterDiff = (await sim.writes()).filter((w) => w.productId.startsWith(prefix));
    expect(afterDiff.every((w) => w.via === 'impex')).toBe(true);
    expect(new Set(afterDiff.map((w) => w.productId))).toEqual(new Set(skus.slice(KNOWN)));
    expect(afterDiff.length).toBe(SKUS - KNOWN);
    const diffJobs = (await sim.jobs()).slice(jobsBefore);
    expectChunked(diffJobs, SKUS - KNOWN);

    const forcedStart = Date.now();
    const forced = await app.fullRefresh.start({ force: true }).done;
    const forcedMs = Date.now() - forcedStart;
    expect(forced.error).toBeNull();
    expect(forced.lists[LIST]).toMatchObject({ sent: SKUS, ok: SKUS, rejected: 0, failed: 0 });
    const final = await sim.allocations();
    for (const f of figures) {
      expect(final.get(f.sku)).toEqual({
        amount: f.locations[0]?.available,
        resetDate: new Date(f.asOf).toISOString(),
      });
    }
    const writes = (await sim.writes()).filter((w) => w.productId.startsWith(prefix));
    expect(writes.length).toBe(SKUS - KNOWN + SKUS);
    const jobs = await sim.jobs();
    const forcedJobs = jobs.slice(jobsBefore + diffJobs.length);
    expectChunked(forcedJobs, SKUS);
    process.stdout.write(
      `full refresh: ${SKUS} SKUs; diff-only sent ${diff.lists[LIST]?.sent} in ${diffMs} ms, ` +
        `forced sent ${forced.lists[LIST]?.sent} in ${forcedMs} ms; IMPEX files: diff-only ` +
        `${diffJobs.length}, forced ${forcedJobs.length}\n`,
    );
  }, 300_000);
});
