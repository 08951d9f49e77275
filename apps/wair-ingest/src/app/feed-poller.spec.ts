import { createLogger } from '@wair-sfcc/observability';
import type { CursorStore } from './cursor-store';
import { createFeedPoller } from './feed-poller';
import { parseFieldNames } from './field-names';
import type { IngestResult } from './ingest-pipeline';
import type { WairClient, WairPage } from './wair-client';

const rec = (id: string, ms: number) => ({ id, modifiedDateTime: new Date(ms).toISOString() });

function setup(pages: WairPage[], ack: () => Promise<void> = () => Promise.resolve()) {
  const saved: number[] = [];
  const asked: Array<Record<string, unknown>> = [];
  let from: number | undefined;
  const cursors = {
    get: () =>
      from === undefined ? undefined : { feed: 'stock', fromModifiedDateTime: from, offset: 0, updatedAt: 0 },
    save: async (_feed: string, f: number) => {
      saved.push(f);
      from = f;
    },
  } as unknown as CursorStore;
  const client: WairClient = {
    getPage: async (_path, params) => {
      asked.push(params);
      return pages.shift() ?? { records: [], moreRecordsAvailable: false };
    },
  };
  const seen: string[] = [];
  const poller = createFeedPoller({
    feed: 'stock',
    path: '/api/v1/StockLevels',
    client,
    cursors,
    names: parseFieldNames('{}'),
    pageSize: 2,
    ingest: (raw): IngestResult => {
      seen.push((raw as { id: string }).id);
      return { outcome: 'PRODUCED', ack: ack() };
    },
    logger: createLogger({ app: 'test', level: 'silent' }),
  });
  return { poller, saved, asked, seen };
}

describe('feed poller', () => {
  it('advances the cursor to the newest time of each page and re-asks from it at Offset 0', async () => {
    const { poller, saved, asked, seen } = setup([
      { records: [rec('a', 1000), rec('b', 2000)], moreRecordsAvailable: true },
      { records: [rec('b', 2000), rec('c', 3000)], moreRecordsAvailable: false },
    ]);
    expect(await poller.pollOnce()).toBe(4);
    expect(seen).toEqual(['a', 'b', 'b', 'c']);
    expect(saved).toEqual([2000, 3000]);
    expect(asked[1]).toEqual({ FromModifiedDateTime: new Date(2000).toISOString(), Offset: 0, Limit: 2 });
  });

  it('steps with Offset through a page that shares one modifiedDateTime, without storing the offset', async () => {
    const { poller, saved, asked } = setup([
      { records: [rec('a', 1000), rec('b', 1000)], moreRecordsAvailable: true },
      { records: [rec('b', 1000), rec('c', 1000)], moreRecordsAvailable: true },
      { records: [rec('d', 1000)], moreRecordsAvailable: false },
    ]);
    await poller.pollOnce();
    expect(asked.map((a) => a['Offset'])).toEqual([0, 0, 2]);
    expect(saved).toEqual([1000]);
  });

  it('does not advance the cursor when Kafka did not acknowledge the page', async () => {
    const { poller, saved } = setup([{ records: [rec('a', 1000)], moreRecordsAvailable: false }], () =>
      Promise.reject(new Error('broker down')),
    );
    await expect(poller.pollOnce()).rejects.toThrow('broker down');
    expect(saved).toEqual([]);
  });

  it('reads a group sharing one modifiedDateTime in one response, so rows changing meanwhile skip nothing', async () => {
    // A live feed like WAIR's: rows in modification order; a changed row moves to the end.
    const rows = new Map<string, number>();
    for (let i = 0; i < 120; i += 1) rows.set(`r${i}`, 1000);
    let calls = 0;
    const client: WairClient = {
      getPage: async (_path, params) => {
        calls += 1;
        if (calls === 3) {
          // Between two page reads, five rows near the start of the group change.
          for (let i = 0; i < 5; i += 1) {
            rows.delete(`r${i}`);
            rows.set(`r${i}`, 2000);
          }
        }
        const from = params.FromModifiedDateTime ? Date.parse(String(params.FromModifiedDateTime)) : 0;
        const all = [...rows].filter(([, t]) => t >= from);
        const offset = Number(params.Offset);
        const slice = all.slice(offset, offset + Number(params.Limit));
        return {
          records: slice.map(([id, t]) => rec(id, t)),
          moreRecordsAvailable: offset + slice.length < all.length,
        };
      },
    };
    const poll = (maxPageSize: number) => {
      const seen = new Set<string>();
      const tied: number[] = [];
      let from: number | undefined;
      const poller = createFeedPoller({
        feed: 'stock',
        path: '/api/v1/StockLevels',
        client,
        cursors: {
          get: () => (from === undefined ? undefined : { fromModifiedDateTime: from }),
          save: async (_feed: string, f: number) => void (from = f),
        } as unknown as CursorStore,
        names: parseFieldNames('{}'),
        pageSize: 50,
        maxPageSize,
        onTiedGroup: (t) => tied.push(t),
        ingest: (raw): IngestResult => {
          seen.add((raw as { id: string }).id);
          return { outcome: 'PRODUCED', ack: Promise.resolve() };
        },
        logger: createLogger({ app: 'test', level: 'silent' }),
      });
      return { run: () => poller.pollOnce(), seen, tied };
    };

    const safe = poll(1000);
    await safe.run();
    expect(safe.seen.size).toBe(120);
    expect(safe.tied).toEqual([]);

    // Without a larger Limit the Offset walk loses rows; it is reported so the snapshot can repair.
    rows.clear();
    for (let i = 0; i < 120; i += 1) rows.set(`r${i}`, 1000);
    calls = 0;
    const walked = poll(50);
    await walked.run();
    expect(walked.tied).toEqual([1000]);
    expect(walked.seen.size).toBeLessThan(120);
  });
});
