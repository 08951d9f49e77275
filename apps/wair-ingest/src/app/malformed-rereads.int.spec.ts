import type { StockLevel } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, waitFor } from '@wair-sfcc/kafka/testing';
import type { KafkaRuntime, TableReader } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';
import {
  createIngestTopics,
  ingestEnvFor,
  spawnSimulator,
  waitForChanges,
  type SimProcess,
  type SimTruth,
  figuresOf,
} from '../testing/ingest-test-env';
import { loadConfig } from './config';
import { createApp } from './create-app';

/**
 * No webhooks and no scheduled snapshot: the change poll is the only way a change reaches the
 * topic, as for a change whose webhook was lost.
 */
describe('wair-ingest re-reading malformed feed records', () => {
  let runtime: KafkaRuntime;
  let sim: SimProcess;
  let app: ReturnType<typeof createApp>;
  let observer: TableReader<StockLevel>;
  let dlq: string;

  const recordsOn = async (topic: string): Promise<number> =>
    (await runtime.admin.fetchTopicEndOffsets(topic)).reduce((n, p) => n + Number(p.offset), 0);
  const generated = async () =>
    (await sim.get<{ changesGenerated: number }>('/__sim/counters')).changesGenerated;
  /** (SKU, location) figures on the topic that differ from the simulator's, of those newer than `cut`. */
  const differing = async (cut = new Map<string, number>()) => {
    const out: string[] = [];
    for (const t of await sim.get<SimTruth[]>('/__sim/stock')) {
      const published = observer.get(t.skuCode)?.locations ?? [];
      for (const l of t.locations) {
        const at = `${t.skuCode}@${l.locationCode}`;
        if (l.sequence <= (cut.get(at) ?? 0)) continue;
        const p = published.find((x) => x.locationCode === l.locationCode);
        if (!p || figuresOf([p]) !== figuresOf([l]))
          out.push(`${at}: WAIR ${figuresOf([l])} | topic ${p ? figuresOf([p]) : '-'}`);
      }
    }
    return out;
  };
  /** Lets the simulator make `n` changes, served malformed when `malformedRate` is 1. */
  const changes = async (n: number) => {
    const before = await generated();
    await sim.put('/__sim/stream', { changesPerSecond: 40 });
    await waitForChanges(sim, before + n);
    await sim.put('/__sim/stream', { changesPerSecond: 0 });
  };
  const givenUp = async () => {
    const text = await (await fetch(`${app.url()}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('wair_ingest_poll_malformed_given_up_total{'));
    return Number(line?.split(' ').at(-1) ?? 0);
  };

  beforeAll(async () => {
    runtime = createIntegrationRuntime('wair-ingest-rereads');
    const topics = await createIngestTopics(runtime, 'wair-ingest.rereads');
    dlq = `${topics['STOCK_TOPIC']}.dlq`;
    sim = await spawnSimulator({ SKU_COUNT: '20', CHANGES_PER_SECOND: '0', SEED: 'rereads' });
    const logger = createLogger({ app: 'wair-ingest', level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
    app = createApp({
      config: loadConfig({
        ...process.env,
        ...topics,
        ...ingestEnvFor(sim),
        OPS_PORT: '0',
        POLL_INTERVAL_MS: '300',
        POLL_PAGE_SIZE: '50',
        POLL_MALFORMED_REREADS: '20',
        SNAPSHOT_INTERVAL_MS: '0',
      }),
      logger,
      kafka: createIntegrationRuntime('wair-ingest', logger),
    });
    await app.start();
    observer = runtime.tableReader<StockLevel>({ topic: topics['STOCK_TOPIC'] as string });
    await observer.start();
    await waitFor('the initial load on the topic', async () => (await differing()).length === 0, 30_000, 250);
  });

  afterAll(async () => {
    await observer?.stop();
    await app?.stop();
    await sim?.stop();
    await runtime?.admin.disconnect();
  });

  it('publishes changes served malformed once the feed serves them whole again', async () => {
    const parked = await recordsOn(dlq);
    await sim.put('/__sim/faults', { malformedRate: 1 });
    await changes(20);
    await waitFor('malformed records on the DLQ', async () => (await recordsOn(dlq)) > parked, 10_000, 100);
    // Well within 20 re-reads of 300 ms polls.
    await sim.put('/__sim/faults', { malformedRate: 0 });
    const stale = await differing();
    expect(stale.length).toBeGreaterThan(0);
    await waitFor(
      'every SKU on the topic to equal the simulator',
      async () => (await differing()).length === 0,
      30_000,
      250,
    );
    expect(await givenUp()).toBe(0);
  });

  it('gives up on a record still malformed after POLL_MALFORMED_REREADS polls, counts it and moves on', async () => {
    await sim.put('/__sim/faults', { malformedRate: 1 });
    await changes(10);
    await waitFor('a malformed record given up', async () => (await givenUp()) > 0, 30_000, 250);
    await sim.put('/__sim/faults', { malformedRate: 0 });
    // Changes made from here on reach the topic: the feed is not stalled by what was given up.
    const cut = new Map(
      (await sim.get<SimTruth[]>('/__sim/stock')).flatMap((t) =>
        t.locations.map((l) => [`${t.skuCode}@${l.locationCode}`, l.sequence] as const),
      ),
    );
    await changes(10);
    await waitFor(
      'the new changes on the topic',
      async () => (await differing(cut)).length === 0,
      30_000,
      250,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}; differing: ${(await differing(cut)).join('; ')}`);
    });
  });
});
