/** Configs of every compacted topic: roll segments hourly and clean eagerly so compaction actually runs. */
export const COMPACTED_TOPIC_CONFIGS: Readonly<Record<string, string>> = {
  'segment.ms': '3600000',
  'min.cleanable.dirty.ratio': '0.1',
  'delete.retention.ms': '86400000',
};

/** Configs of every DLQ topic: records are kept 14 days. */
export const DLQ_TOPIC_CONFIGS: Readonly<Record<string, string>> = { 'retention.ms': '1209600000' };

/** Partition count of DLQ topics. */
export const DLQ_PARTITIONS = 3;
