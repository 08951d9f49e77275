import type { IntegrationException } from '@wair-sfcc/contracts';
import { acknowledgeException } from '@wair-sfcc/audit-rules';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import { parseFieldNames } from './field-names';
import { createIngestMetrics } from './ingest-metrics';
import { createIngestPipeline } from './ingest-pipeline';
import { createSnapshotRunner } from './snapshot-runner';
import type { WairClient } from './wair-client';

const EXCEPTIONS = 'integration.exceptions.v1';
const ID = 'SKU_MISMATCH:st10000-blk-m';
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const HOUR = 3_600_000;

/**
 * The pipeline with the in-memory producer's topics as its exceptions table, so what it publishes
 * (and what "the auditor" publishes) is what it reads back, as on the compacted topic.
 */
function setup(producer = createInMemoryProducer()) {
  let now = T0;
  const pipeline = createIngestPipeline({
    app: 'wair-ingest',
    producer,
    names: parseFieldNames('{}'),
    metrics: createIngestMetrics(createMetricsRegistry({ app: 'wair-ingest' })),
    logger: createLogger({ app: 'wair-ingest', level: 'silent' }),
    skuPattern: '^[A-Z0-9]+(?:-[A-Z0-9]+)*$',
    locations: [],
    topics: { stock: 'stock', dispatches: 'dispatches', skus: 'skus', exceptions: EXCEPTIONS },
    clock: () => now,
    mismatchTable: {
      get: (id) => producer.table(EXCEPTIONS).get(id) as IntegrationException | undefined,
      ids: () => producer.table(EXCEPTIONS).keys(),
    },
  });
  const stockPages: Array<unknown[] | Error> = [];
  const snapshots = createSnapshotRunner({
    client: {
      getPage: async (path: string) => {
        const records = path === '/StockLevels' ? (stockPages.shift() ?? []) : [];
        if (records instanceof Error) throw records;
        return { records, moreRecordsAvailable: false };
      },
    } as unknown as WairClient,
    pipeline,
    stockPath: '/StockLevels',
    skusPath: '/Skus',
    pageSize: 100,
    logger: createLogger({ app: 'wair-ingest', level: 'silent' }),
    clock: () => now,
  });
  /** A full snapshot at `at` whose stock feed holds `records`. */
  const snapshot = (at: number, records: unknown[] | Error) => {
    now = at;
    stockPages.push(records);
    return snapshots.run('all');
  };
  const lowerCase = async (at: number) => {
    now = at;
    const result = pipeline.stock(
      {
        skuCode: 'st10000-blk-m',
        locationCode: 'WEB01',
        onHand: 3,
        reserved: 0,
        available: 3,
        modifiedDateTime: new Date(at).toISOString(),
        sequence: at,
      },
      'webhook',
      'unit',
    );
    expect(result.outcome).toBe('SKU_MISMATCH');
    await result.ack;
  };
  const published = () => producer.records.filter((r) => r.topic === EXCEPTIONS);
  const row = () => producer.table(EXCEPTIONS).get(ID) as IntegrationException;
  return { producer, lowerCase, published, row, snapshot, pipeline };
}

describe('wair-ingest SKU_MISMATCH exceptions', () => {
  it('publishes once per hour for a SKU that keeps changing, counting every sighting', async () => {
    const { lowerCase, published, row } = setup();
    for (let i = 0; i < 5; i++) await lowerCase(T0 + i * 1_000);
    expect(published()).toHaveLength(1);
    await lowerCase(T0 + HOUR);
    expect(published()).toHaveLength(2);
    expect(row()).toMatchObject({ state: 'OPEN', firstSeen: T0, lastSeen: T0 + HOUR, occurrences: 6 });
  });

  it("keeps Merch's acknowledgement, first sighting and count across a restart", async () => {
    const first = setup();
    await first.lowerCase(T0);
    const acked = acknowledgeException(first.row(), { by: 'merch-7', reason: 'fixing the code in WAIR' });
    await first.producer.send(EXCEPTIONS, ID, acked.exception);

    // A new process on the same topic: nothing in memory.
    const restarted = setup(first.producer);
    await restarted.lowerCase(T0 + 2 * HOUR);
    expect(restarted.row()).toMatchObject({
      state: 'ACKNOWLEDGED',
      acknowledgedBy: 'merch-7',
      firstSeen: T0,
      lastSeen: T0 + 2 * HOUR,
      occurrences: 2,
      raisedBy: 'wair-ingest',
    });
  });

  it('resolves a code once a complete snapshot no longer meets it, and re-opens it if it comes back', async () => {
    const { lowerCase, row, snapshot } = setup();
    const bad = (at: number) => ({
      skuCode: 'st10000-blk-m',
      locationCode: 'WEB01',
      onHand: 1,
      reserved: 0,
      available: 1,
      modifiedDateTime: new Date(at).toISOString(),
      sequence: at,
    });
    await lowerCase(T0);
    // Still in WAIR: the snapshot meets it again, so it stays open.
    expect(await snapshot(T0 + 60_000, [bad(T0 + 60_000)])).toMatchObject({ resolvedMismatches: 0 });
    expect(row().state).toBe('OPEN');
    // A snapshot that fails part-way proves nothing about the codes it did not reach.
    await expect(snapshot(T0 + 90_000, new Error('WAIR 503'))).rejects.toThrow('WAIR 503');
    expect(row().state).toBe('OPEN');
    // Fixed in WAIR: gone from the next complete snapshot.
    expect(await snapshot(T0 + 120_000, [])).toMatchObject({ resolvedMismatches: 1 });
    expect(row()).toMatchObject({ state: 'RESOLVED', resolvedAt: T0 + 120_000 });
    expect(await snapshot(T0 + 180_000, [])).toMatchObject({ resolvedMismatches: 0 });
    await lowerCase(T0 + 240_000);
    expect(row()).toMatchObject({ state: 'OPEN', resolvedAt: null, firstSeen: T0 });
  });

  it("leaves other feeds' and other apps' SKU_MISMATCH alone", async () => {
    const { producer, lowerCase, row, snapshot, pipeline } = setup();
    await lowerCase(T0);
    const writers = { ...row(), id: 'SKU_MISMATCH:ABC', subject: 'ABC', raisedBy: 'sfcc-inventory-writer' };
    await producer.send(EXCEPTIONS, writers.id, writers);
    // The dispatches feed is not read by snapshots, and the SKU master read did not see the code.
    expect(await pipeline.resolveMismatchesNotSeenSince('dispatches', T0 + 1)).toBe(0);
    expect(await pipeline.resolveMismatchesNotSeenSince('skus', T0 + 1)).toBe(0);
    expect(row().state).toBe('OPEN');
    expect(await snapshot(T0 + 60_000, [])).toMatchObject({ resolvedMismatches: 1 });
    expect(producer.table(EXCEPTIONS).get('SKU_MISMATCH:ABC')).toMatchObject({ state: 'OPEN' });
  });
});
