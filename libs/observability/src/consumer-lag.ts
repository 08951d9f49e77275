import type { PartitionOffset } from './lag-source';

/** The lag of one partition, exact (offsets can exceed `Number.MAX_SAFE_INTEGER`). */
export interface PartitionLag {
  partition: number;
  lag: bigint;
}

/** The lag of a consumer group on one topic. */
export interface TopicLag {
  partitions: PartitionLag[];
  total: bigint;
}

/**
 * Records the group still has to read on one partition: `end − committed`.
 *
 * With nothing committed (`committed` negative, kafkajs reports `-1`) the lag is the end offset,
 * i.e. counted from offset 0. That is what a new group with `fromBeginning` will read on a topic
 * that never lost records; where retention or compaction removed records it overstates the lag,
 * which errs towards alerting (the source does not report low watermarks).
 * A committed offset beyond the end (the two are read at slightly different moments) is lag 0.
 */
export function computePartitionLag(endOffset: string, committedOffset: string | undefined): bigint {
  const end = BigInt(endOffset);
  const committed = committedOffset === undefined ? -1n : BigInt(committedOffset);
  if (committed < 0n) return end < 0n ? 0n : end;
  return end > committed ? end - committed : 0n;
}

/**
 * The lag of every partition present in `endOffsets` (a partition without a committed entry counts
 * as never committed) and their sum.
 *
 * @throws SyntaxError when an offset is not an integer string.
 */
export function computeTopicLag(
  endOffsets: readonly PartitionOffset[],
  committedOffsets: readonly PartitionOffset[],
): TopicLag {
  const committedByPartition = new Map(committedOffsets.map((entry) => [entry.partition, entry.offset]));
  const partitions = endOffsets
    .map((end) => ({
      partition: end.partition,
      lag: computePartitionLag(end.offset, committedByPartition.get(end.partition)),
    }))
    .sort((a, b) => a.partition - b.partition);
  const total = partitions.reduce((sum, entry) => sum + entry.lag, 0n);
  return { partitions, total };
}
