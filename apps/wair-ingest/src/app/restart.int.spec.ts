import type { IngestCursor, StockLevel } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, waitFor } from '@wair-sfcc/kafka/testing';
import type { KafkaRuntime, TableReader } from '@wair-sfcc/kafka';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import {
  createIngestTopics,
  ingestEnvFor,
  killHard,
  spawnSimulator,
  waitForChanges,
  type SimProcess,
  type SimTruth,
  figuresOf,
} from '../testing/ingest-test-env';

describe('wair-ingest killed mid-stream', () => {
  let runtime: KafkaRuntime;
  let sim: SimProcess;
  let topics: Record<string, string>;
  let ingest: SpawnedService | undefined;
  const readers: Array<TableReader<unknown>> = [];
  const history = new Map<string, StockLevel[]>();
  const cursors: IngestCursor[] = [];
  // Below the kernel's ephemeral range (32768+), where an outgoing connection may already hold it.
  const port = 22000 + Math.floor(Math.random() * 6000);

  const spawnIngest = () =>
    spawnService(
      'wair-ingest',
      {
        ...topics,
        ...ingestEnvFor(sim),
        POLL_INTERVAL_MS: '400',
        POLL_PAGE_SIZE: '40',
        SNAPSHOT_INTERVAL_MS: '0',
        LOG_LEVEL: 'info',
      },
      port,
    );

  beforeAll(async () => {
    runtime = createIntegrationRuntime('wair-ingest-restart');
    topics = await createIngestTopics(runtime, 'wair-ingest.restart');
    sim = await spawnSimulator({ SKU_COUNT: '30', STORES: '2', CHANGES_PER_SECOND: '0', SEED: 'restart' });
    readers.push(
      runtime.tableReader<StockLevel>({
        topic: topics['STOCK_TOPIC'] as string,
        onChange: (key, value) => value && history.set(key, [...(history.get(key) ?? []), value]),
      }) as TableReader<unknown>,
      runtime.tableReader<IngestCursor>({
        topic: topics['CURSOR_TOPIC'] as string,
        onChange: (_key, value) => value && value.feed === 'stock' && cursors.push(value),
      }) as TableReader<unknown>,
    );
    await Promise.all(readers.map((r) => r.start()));
  });

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.stop()));
    if (ingest) await ingest.stop('SIGTERM');
    await sim?.stop();
    await runtime?.admin.disconnect();
  });

  it('loses nothing, rebuilds its state and resumes polling from the stored cursor', async () => {
    ingest = spawnIngest();
    await ingest.waitUntilReady();
    await sim.put('/__sim/webhooks', {
      url: `${ingest.opsUrl}/webhooks/wair`,
      lossRate: 0.3,
      duplicateRate: 0.1,
      reorderRate: 0.1,
    });
    await sim.put('/__sim/stream', { changesPerSecond: 80, dispatchEvery: 0 });
    await waitForChanges(sim, 150);
    await waitFor('a stored poll cursor', () => cursors.length > 0);

    await killHard(ingest);
    const lastCursorBeforeKill = cursors.at(-1) as IngestCursor;
    const produced = [...history.values()].reduce((n, v) => n + v.length, 0);
    await waitForChanges(sim, 300);

    ingest = spawnIngest();
    await ingest.waitUntilReady();
    await waitForChanges(sim, 400);
    await sim.put('/__sim/stream', { changesPerSecond: 0 });

    const truth = await sim.get<SimTruth[]>('/__sim/stock');
    const differing = () =>
      truth
        .filter((t) => figuresOf(history.get(t.skuCode)?.at(-1)?.locations ?? []) !== figuresOf(t.locations))
        .map((t) => t.skuCode);
    await waitFor(
      'every SKU to equal the simulator after the restart',
      () => differing().length === 0,
      30_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${differing().join(', ')}`);
    });

    // The restarted process rebuilt its state from the topic and resumed from the stored cursor.
    const rebuilt = ingest
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"state rebuilt"'))
      .map((line) => JSON.parse(line) as { skus: number; stockCursor: string | null });
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]?.skus).toBe(30);
    expect(Date.parse(rebuilt[0]?.stockCursor ?? '')).toBeGreaterThanOrEqual(
      lastCursorBeforeKill.fromModifiedDateTime,
    );
    expect(produced).toBeGreaterThan(0);
    for (let i = 1; i < cursors.length; i += 1) {
      expect((cursors[i] as IngestCursor).fromModifiedDateTime).toBeGreaterThanOrEqual(
        (cursors[i - 1] as IngestCursor).fromModifiedDateTime,
      );
    }
    for (const values of history.values()) {
      for (let i = 1; i < values.length; i += 1) {
        expect((values[i] as StockLevel).sourceSequence).toBeGreaterThanOrEqual(
          (values[i - 1] as StockLevel).sourceSequence,
        );
      }
    }
  });
});
