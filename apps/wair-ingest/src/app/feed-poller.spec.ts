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
});
