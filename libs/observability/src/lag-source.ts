/** An offset of one partition. Offsets are int64 and travel as decimal strings, as in kafkajs. */
export interface PartitionOffset {
  partition: number;
  offset: string;
}

/**
 * Where the consumer lag collector reads offsets from. libs/kafka implements it over the Kafka
 * admin client; tests use `InMemoryLagSource` from the testing entry.
 */
export interface LagSource {
  /** The high watermark (offset of the next record to be written) of every partition of `topic`. */
  fetchTopicEndOffsets(topic: string): Promise<PartitionOffset[]>;
  /** The committed offset of `groupId` on every partition of `topic`; `'-1'` where none is committed. */
  fetchCommittedOffsets(groupId: string, topic: string): Promise<PartitionOffset[]>;
}
