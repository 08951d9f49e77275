import type { StockLevel } from '@wair-sfcc/contracts';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import type { CursorStore } from './cursor-store';
import { createFeedPoller } from './feed-poller';
import { parseFieldNames } from './field-names';
import { createIngestMetrics } from './ingest-metrics';
import { createIngestPipeline } from './ingest-pipeline';
import type { WairClient } from './wair-client';

type Row = { skuCode: string; onHand: number; at: number; sequence: number };

/**
 * A StockLevels feed like WAIR's (rows ordered by modifiedDateTime, a changed row moves to the
 * end) that serves a row malformed as often as told, and the real pipeline behind the poller.
 */
function setup(rereads: number, pageSize = 10, maxPageSize = 100) {
  const rows = new Map<string, Row>();
  const broken = new Map<string, { serves: number; drop: string }>();
  const client: WairClient = {
    getPage: async (_path, params) => {
      const from = params.FromModifiedDateTime ? Date.parse(String(params.FromModifiedDateTime)) : 0;
      const all = [...rows.values()].filter((r) => r.at >= from).sort((a, b) => a.at - b.at);
      const offset = Number(params.Offset);
      const slice = all.slice(offset, offset + Number(params.Limit));
      const records = slice.map((r) => {
        const record: Record<string, unknown> = {
          skuCode: r.skuCode,
          locationCode: 'WEB01',
          onHand: r.onHand,
          reserved: 0,
          available: r.onHand,
          modifiedDateTime: new Date(r.at).toISOString(),
          sequence: r.sequence,
        };
        const b = broken.get(r.skuCode);
        if (b && b.serves > 0) {
          b.serves -= 1;
          delete record[b.drop];
        }
        return record;
      });
      return { records, moreRecordsAvailable: offset + slice.length < all.length };
    },
  };
  let sequence = 0;
  const change = (skuCode: string, onHand: number, at: number) =>
    void rows.set(skuCode, { skuCode, onHand, at, sequence: (sequence += 1) });
  const malform = (skuCode: string, serves: number, drop = 'onHand') =>
    void broken.set(skuCode, { serves, drop });

  let stored: number | undefined;
  const cursors = {
    get: () => (stored === undefined ? undefined : { fromModifiedDateTime: stored }),
    save: async (_feed: string, f: number) => void (stored = f),
  } as unknown as CursorStore;
  const producer = createInMemoryProducer();
  const metrics = createIngestMetrics(createMetricsRegistry({ app: 'wair-ingest' }));
  const logger = createLogger({ app: 'wair-ingest', level: 'silent' });
  const pipeline = createIngestPipeline({
    app: 'wair-ingest',
    producer,
    names: parseFieldNames('{}'),
    metrics,
    logger,
    skuPattern: '^[A-Z0-9]+$',
    locations: [],
    topics: { stock: 's', dispatches: 'd', skus: 'k', exceptions: 'e' },
  });
  const givenUp: number[] = [];
  const tied: number[] = [];
  /** A poller as after a (re)start: only the stored cursor carries over. */
  const start = () =>
    createFeedPoller({
      feed: 'stock',
      path: '/api/v1/StockLevels',
      client,
      cursors,
      names: parseFieldNames('{}'),
      pageSize,
      maxPageSize,
      malformedRereads: rereads,
      onMalformedGivenUp: (position) => givenUp.push(position),
      onTiedGroup: (t) => tied.push(t),
      ingest: pipeline.stock,
      logger,
    });
  const poller = start();
  const onHand = (sku: string) =>
    (producer.table('s').get(sku) as StockLevel | undefined)?.locations[0]?.onHand;
  const parked = (sku: string) => producer.records.filter((r) => r.topic === 's.dlq' && r.key === sku).length;
  return { poller, start, change, malform, onHand, parked, givenUp, tied, cursor: () => stored };
}

describe('feed poller re-reading malformed records', () => {
  it('publishes the valid figure when a record served malformed once is read again', async () => {
    for (const rereads of [3, 0]) {
      const feed = setup(rereads);
      feed.change('A', 5, 1000);
      await feed.poller.pollOnce();
      // A's change arrives with no webhook and its record is served broken once; B follows it.
      feed.change('A', 7, 2000);
      feed.change('B', 1, 3000);
      feed.malform('A', 1);
      await feed.poller.pollOnce();
      expect(feed.onHand('B')).toBe(1);
      expect(feed.parked('A')).toBe(1);
      await feed.poller.pollOnce();
      // Without re-reads (the old behaviour) A stays at its stale, higher figure.
      expect(feed.onHand('A')).toBe(rereads > 0 ? 7 : 5);
      expect(feed.cursor()).toBe(3000);
      expect(feed.givenUp).toEqual(rereads > 0 ? [] : [2000]);
    }
  });

  it('gives up after N re-reads: the cursor moves on, the record stays parked and the give-up is counted', async () => {
    const feed = setup(2);
    feed.change('A', 7, 2000);
    feed.change('B', 1, 3000);
    feed.malform('A', 100);
    const cursors: Array<number | undefined> = [];
    for (let poll = 0; poll < 5; poll += 1) {
      await feed.poller.pollOnce();
      cursors.push(feed.cursor());
    }
    expect(cursors).toEqual([2000, 2000, 3000, 3000, 3000]);
    expect(feed.givenUp).toEqual([2000]);
    expect(feed.parked('A')).toBe(3);
    expect(feed.onHand('A')).toBeUndefined();
    // The records after it were published on the first poll, not held back.
    expect(feed.onHand('B')).toBe(1);
  });

  it('never stalls the feed beyond N polls, however many malformed records sit behind one another', async () => {
    const feed = setup(2);
    feed.change('A', 1, 1000);
    feed.change('C', 1, 1500);
    feed.change('B', 1, 3000);
    feed.malform('A', 100);
    feed.malform('C', 100);
    for (let poll = 0; poll < 3; poll += 1) await feed.poller.pollOnce();
    expect(feed.cursor()).toBe(3000);
    expect(feed.givenUp).toEqual([1000, 1500]);
    expect([feed.parked('A'), feed.parked('C')]).toEqual([3, 3]);
  });

  it('holds a record without a readable time at the time before it, and survives a restart', async () => {
    const feed = setup(3);
    feed.change('X', 1, 1800);
    feed.change('A', 7, 2000);
    feed.change('B', 1, 3000);
    feed.malform('A', 1, 'modifiedDateTime');
    await feed.poller.pollOnce();
    expect(feed.cursor()).toBe(1800);
    // The held cursor is what was stored: a restarted poller reads A again from it.
    await feed.start().pollOnce();
    expect(feed.onHand('A')).toBe(7);
    expect(feed.cursor()).toBe(3000);
  });

  it('re-reads a malformed record inside a group sharing one modifiedDateTime without walking it', async () => {
    const feed = setup(3, 2, 10);
    for (const sku of ['A', 'B', 'C', 'D', 'E']) feed.change(sku, 4, 2000);
    feed.change('F', 1, 3000);
    // Served broken in the group's re-read at the larger Limit.
    feed.malform('C', 1);
    await feed.poller.pollOnce();
    expect(feed.onHand('C')).toBeUndefined();
    expect(feed.onHand('F')).toBe(1);
    expect(feed.cursor()).toBe(2000);
    await feed.poller.pollOnce();
    expect(feed.onHand('C')).toBe(4);
    expect(feed.cursor()).toBe(3000);
    expect(feed.tied).toEqual([]);
  });
});
