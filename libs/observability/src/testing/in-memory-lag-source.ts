import type { LagSource, PartitionOffset } from '../lag-source';

type OffsetInput = string | number | bigint;

function toPartitionOffsets(offsets: Readonly<Record<number, OffsetInput>>): PartitionOffset[] {
  return Object.entries(offsets)
    .map(([partition, offset]) => ({ partition: Number(partition), offset: String(offset) }))
    .sort((a, b) => a.partition - b.partition);
}

/**
 * A {@link LagSource} held in memory, answering like the Kafka admin client: committed offsets
 * cover every partition of the topic, `'-1'` where the group committed nothing, and an unknown
 * topic is an error.
 */
export class InMemoryLagSource implements LagSource {
  /** Every call, in order, for assertions about how often the source was asked. */
  readonly calls: Array<{ method: keyof LagSource; groupId?: string; topic: string }> = [];

  private readonly endOffsets = new Map<string, PartitionOffset[]>();
  private readonly committed = new Map<string, Map<number, string>>();
  private failure: Error | undefined;
  private paused: Promise<void> | undefined;
  private release: (() => void) | undefined;

  /** Sets the high watermarks of a topic, e.g. `{ 0: '120', 1: 7n }`; this also defines its partitions. */
  setEndOffsets(topic: string, offsets: Readonly<Record<number, OffsetInput>>): this {
    this.endOffsets.set(topic, toPartitionOffsets(offsets));
    return this;
  }

  /** Sets (merges) committed offsets of a group on a topic. */
  setCommittedOffsets(groupId: string, topic: string, offsets: Readonly<Record<number, OffsetInput>>): this {
    const key = `${groupId}\u0000${topic}`;
    const current = this.committed.get(key) ?? new Map<number, string>();
    for (const { partition, offset } of toPartitionOffsets(offsets)) current.set(partition, offset);
    this.committed.set(key, current);
    return this;
  }

  /** Makes every call reject with `error` until `failWith(undefined)`. */
  failWith(error: Error | undefined): this {
    this.failure = error;
    return this;
  }

  /** Holds every call (started before or after) until `resume()`, to test overlapping and shutdown. */
  pause(): this {
    this.paused ??= new Promise<void>((resolve) => {
      this.release = resolve;
    });
    return this;
  }

  /** Lets held calls continue. */
  resume(): this {
    this.release?.();
    this.paused = undefined;
    this.release = undefined;
    return this;
  }

  async fetchTopicEndOffsets(topic: string): Promise<PartitionOffset[]> {
    this.calls.push({ method: 'fetchTopicEndOffsets', topic });
    await this.gate();
    return this.partitionsOf(topic).map((entry) => ({ ...entry }));
  }

  async fetchCommittedOffsets(groupId: string, topic: string): Promise<PartitionOffset[]> {
    this.calls.push({ method: 'fetchCommittedOffsets', groupId, topic });
    await this.gate();
    const committed = this.committed.get(`${groupId}\u0000${topic}`);
    return this.partitionsOf(topic).map(({ partition }) => ({
      partition,
      offset: committed?.get(partition) ?? '-1',
    }));
  }

  private async gate(): Promise<void> {
    await this.paused;
    if (this.failure) throw this.failure;
  }

  private partitionsOf(topic: string): PartitionOffset[] {
    const partitions = this.endOffsets.get(topic);
    if (!partitions) throw new Error(`Unknown topic "${topic}"`);
    return partitions;
  }
}
