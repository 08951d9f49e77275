/** Where a record sits in a change feed: its modifiedDateTime, or -Infinity for "before any time". */
export type FeedPosition = number;

export interface MalformedHoldOptions {
  /** Further polls that read a malformed record again before it is given up; 0 gives up at once. */
  rereads: number;
  /** Called once when a position has been served malformed `rereads + 1` polls in a row. */
  onGiveUp?: (position: FeedPosition, serves: number) => void;
}

/**
 * Decides how far a poll cursor may advance past malformed records. A record that fails validation
 * is often a transient fault of the feed, and when its webhook was lost too, nothing else would
 * ever deliver that change before the next snapshot. So the cursor is held at the oldest malformed
 * position still owed a re-read, and the next polls read from there (the records after it come back
 * and are dropped as duplicates). Strikes are counted per position and per poll, across polls only
 * while the position keeps being served malformed, so a persistently malformed record holds the
 * cursor for at most `rereads` further polls, however many of them sit behind one another.
 * Strikes live in memory: after a restart a record still malformed is re-read up to `rereads` again.
 */
export function createMalformedHold(options: MalformedHoldOptions) {
  let previous = new Map<FeedPosition, number>();
  let current = new Map<FeedPosition, number>();
  let held: FeedPosition | undefined;
  return {
    /** Starts a poll: positions not served malformed again in it lose their strikes at its end. */
    beginPoll(): void {
      current = new Map();
      held = undefined;
    },
    /** Counts a malformed record served at `position` in this poll (once per poll and position). */
    malformed(position: FeedPosition): void {
      if (current.has(position)) return;
      const serves = (previous.get(position) ?? 0) + 1;
      current.set(position, serves);
      if (serves <= options.rereads) held = held === undefined ? position : Math.min(held, position);
      else if (serves === options.rereads + 1) options.onGiveUp?.(position, serves);
    },
    /** The cursor that may be stored when the feed has been read up to `from`. */
    cap(from: number): number {
      return held === undefined ? from : Math.min(from, held);
    },
    endPoll(): void {
      previous = current;
    },
  };
}

export type MalformedHold = ReturnType<typeof createMalformedHold>;
