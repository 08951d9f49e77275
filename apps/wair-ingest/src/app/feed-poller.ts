import type { Logger } from '@wair-sfcc/observability';
import type { CursorStore } from './cursor-store';
import type { FieldNames } from './field-names';
import type { IngestResult, IntakePath } from './ingest-pipeline';
import { createMalformedHold, type FeedPosition } from './malformed-hold';
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
  /**
   * Further polls that read a malformed (INVALID) record again before giving up on it: the stored
   * cursor stays at its position meanwhile. 0 (the default) moves past it at once.
   */
  malformedRereads?: number;
  /** Called once per position given up on; -Infinity is "before the first record of the feed". */
  onMalformedGivenUp?: (position: FeedPosition, serves: number) => void;
  /** Called with the stored cursor after each page. */
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
 *
 * A malformed record is read again by the next `malformedRereads` polls: the poll still reads the
 * whole feed, but stores a cursor no later than the oldest malformed position owed a re-read (see
 * createMalformedHold), so a change whose webhook was lost and whose feed record was served broken
 * once is not lost until the next snapshot.
 */
export function createFeedPoller(options: FeedPollerOptions) {
  const { feed, path, client, cursors, names } = options;
  const hold = createMalformedHold({
    rereads: options.malformedRereads ?? 0,
    onGiveUp: options.onMalformedGivenUp,
  });
  return {
    /** Polls until WAIR has no more records; returns how many records were read. */
    async pollOnce(): Promise<number> {
      let from = cursors.get(feed)?.fromModifiedDateTime;
      let stored = from;
      let runOffset = 0;
      let limit = options.pageSize;
      const maxLimit = Math.max(options.pageSize, options.maxPageSize ?? options.pageSize);
      let read = 0;
      hold.beginPoll();
      try {
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
          const times = page.records.map((r) => timeOf(r, names.modifiedDateTime));
          // A malformed record sits at its own time if readable, else right after the last time
          // before it (the feed is ordered), which is where a re-read must start from.
          let before = from ?? Number.NEGATIVE_INFINITY;
          results.forEach((r, i) => {
            const t = times[i];
            if (r.outcome === 'INVALID') hold.malformed(t !== undefined && t >= before ? t : before);
            if (t !== undefined) before = Math.max(before, t);
          });
          await Promise.all(results.map((r) => r.ack));
          const readable = times.filter((t): t is number => t !== undefined);
          const newest = readable.length > 0 ? Math.max(...readable) : undefined;
          const more = page.moreRecordsAvailable && page.records.length > 0;
          if (newest !== undefined && (from === undefined || newest > from)) {
            from = newest;
            runOffset = 0;
            limit = options.pageSize;
          } else if (more && runOffset === 0 && limit < maxLimit) {
            // The whole page shares the cursor's time: read the group again in one response.
            limit = maxLimit;
            continue;
          } else {
            if (more && runOffset === 0 && from !== undefined)
              options.onTiedGroup?.(from, page.records.length);
            runOffset += page.records.length;
          }
          if (from !== undefined) {
            const capped = hold.cap(from);
            if (Number.isFinite(capped) && capped !== stored) {
              await cursors.save(feed, capped);
              stored = capped;
            }
          }
          if (stored !== undefined) options.onCursor?.(stored);
          if (!more) return read;
        }
      } finally {
        hold.endPoll();
      }
    },
  };
}

/** A record's modifiedDateTime in ms, if it is a readable string (String() of some objects throws). */
function timeOf(record: unknown, field: string): number | undefined {
  const t = (record as Record<string, unknown> | null)?.[field];
  const ms = typeof t === 'string' ? Date.parse(t) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

export type FeedPoller = ReturnType<typeof createFeedPoller>;
