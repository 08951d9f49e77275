import type { Logger } from '@wair-sfcc/observability';
import type { CursorStore } from './cursor-store';
import type { FieldNames } from './field-names';
import type { IngestResult, IntakePath } from './ingest-pipeline';
import type { WairClient } from './wair-client';

export interface FeedPollerOptions {
  feed: 'stock' | 'dispatches';
  path: string;
  client: WairClient;
  cursors: CursorStore;
  names: FieldNames;
  pageSize: number;
  /**
   * Largest Limit the feed accepts. A full page whose records all share one modifiedDateTime is
   * read again at this size, because stepping Offset through such a group skips rows whenever a
   * row before the offset changes (and so leaves the group) between two page reads.
   */
  maxPageSize?: number;
  /** Called when even a page of `maxPageSize` shares one modifiedDateTime (Offset walk needed). */
  onTiedGroup?: (modifiedDateTime: number, records: number) => void;
  ingest: (raw: unknown, path: IntakePath, source: string) => IngestResult;
  onCursor?: (fromModifiedDateTime: number) => void;
  logger: Logger;
}

/**
 * One change poll of a feed: pages from the stored cursor (inclusive) and advances it to the newest
 * modifiedDateTime of a page only after every record of the page is acknowledged by Kafka. Pages
 * always restart at Offset 0 of the new cursor: a row changed while paging moves behind it and is
 * read again rather than skipped; the re-read duplicates are dropped by the pipeline.
 *
 * Offset paging is only safe within one response: if a row before the offset changes between two
 * reads, every later row shifts one place forward and one is never returned. So when a whole page
 * shares one modifiedDateTime (an initial load, a bulk update) the group is read again in a single
 * request of `maxPageSize`; only a group larger than that is walked with Offset, reported through
 * `onTiedGroup` (the scheduled snapshot repairs what such a walk can miss).
 */
export function createFeedPoller(options: FeedPollerOptions) {
  const { feed, path, client, cursors, names } = options;
  return {
    /** Polls until WAIR has no more records; returns how many records were read. */
    async pollOnce(): Promise<number> {
      let from = cursors.get(feed)?.fromModifiedDateTime;
      let runOffset = 0;
      let limit = options.pageSize;
      const maxLimit = Math.max(options.pageSize, options.maxPageSize ?? options.pageSize);
      let read = 0;
      for (;;) {
        const page = await client.getPage(path, {
          FromModifiedDateTime: from === undefined ? undefined : new Date(from).toISOString(),
          Offset: runOffset,
          Limit: limit,
        });
        read += page.records.length;
        const results = page.records.map((raw, i) =>
          options.ingest(raw, 'poll', `${path}?from=${from ?? ''}&offset=${runOffset + i}`),
        );
        await Promise.all(results.map((r) => r.ack));
        // Only string times count: String() of an object such as {"toString": 1} throws.
        const times = page.records
          .map((r) => (r as Record<string, unknown> | null)?.[names.modifiedDateTime])
          .map((t) => (typeof t === 'string' ? Date.parse(t) : NaN))
          .filter((t) => Number.isFinite(t));
        const newest = times.length > 0 ? Math.max(...times) : undefined;
        const more = page.moreRecordsAvailable && page.records.length > 0;
        if (newest !== undefined && (from === undefined || newest > from)) {
          from = newest;
          runOffset = 0;
          limit = options.pageSize;
          await cursors.save(feed, from);
        } else if (more && runOffset === 0 && limit < maxLimit) {
          // The whole page shares the cursor's time: read the group again in one response.
          limit = maxLimit;
          continue;
        } else {
          if (more && runOffset === 0 && from !== undefined) options.onTiedGroup?.(from, page.records.length);
          runOffset += page.records.length;
        }
        if (from !== undefined) options.onCursor?.(from);
        if (!more) return read;
      }
    },
  };
}

export type FeedPoller = ReturnType<typeof createFeedPoller>;
