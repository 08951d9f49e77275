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
  ingest: (raw: unknown, path: IntakePath, source: string) => IngestResult;
  onCursor?: (fromModifiedDateTime: number) => void;
  logger: Logger;
}

/**
 * One change poll of a feed: pages from the stored cursor (inclusive) and advances it to the newest
 * modifiedDateTime of a page only after every record of the page is acknowledged by Kafka. Pages
 * always restart at Offset 0 of the new cursor: a row changed while paging moves behind it and is
 * read again rather than skipped; the re-read duplicates are dropped by the pipeline. Offset is only
 * used when a whole page shares one modifiedDateTime, and only within the run.
 */
export function createFeedPoller(options: FeedPollerOptions) {
  const { feed, path, client, cursors, names } = options;
  return {
    /** Polls until WAIR has no more records; returns how many records were read. */
    async pollOnce(): Promise<number> {
      let from = cursors.get(feed)?.fromModifiedDateTime;
      let runOffset = 0;
      let read = 0;
      for (;;) {
        const page = await client.getPage(path, {
          FromModifiedDateTime: from === undefined ? undefined : new Date(from).toISOString(),
          Offset: runOffset,
          Limit: options.pageSize,
        });
        read += page.records.length;
        const results = page.records.map((raw, i) =>
          options.ingest(raw, 'poll', `${path}?from=${from ?? ''}&offset=${runOffset + i}`),
        );
        await Promise.all(results.map((r) => r.ack));
        const times = page.records
          .map((r) => Date.parse(String((r as Record<string, unknown> | null)?.[names.modifiedDateTime])))
          .filter((t) => Number.isFinite(t));
        const newest = times.length > 0 ? Math.max(...times) : undefined;
        if (newest !== undefined && (from === undefined || newest > from)) {
          from = newest;
          runOffset = 0;
          await cursors.save(feed, from);
        } else {
          runOffset += page.records.length;
        }
        if (from !== undefined) options.onCursor?.(from);
        if (!page.moreRecordsAvailable || page.records.length === 0) return read;
      }
    },
  };
}

export type FeedPoller = ReturnType<typeof createFeedPoller>;
