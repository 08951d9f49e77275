/** Where a stock record came from; queue entries carry it so its offset stays held until done. */
export interface SourceRef {
  topic: string;
  partition: number;
  offset: number;
}

interface PartitionState {
  topic: string;
  partition: number;
  /** Highest offset handed to the app. */
  highest: number;
  /** Offsets still held by queue entries, with how many entries hold each. */
  held: Map<number, number>;
  lastCommitted: number;
}

/**
 * Decides what may be committed in `manual` mode: per partition, the lowest offset still held by
 * a pending write, or the one after the highest handled record when nothing is held. A figure that
 * replaced an older one in the queue releases the older record: re-reading from the newer one
 * after a crash loses nothing, because the older figure would only be coalesced away again.
 */
export class OffsetTracker {
  private readonly partitions = new Map<string, PartitionState>();

  seen(ref: SourceRef): void {
    const p = this.state(ref);
    if (ref.offset > p.highest) p.highest = ref.offset;
  }

  /** Holds a record's offset; `undefined` (a recomputation, not a record) holds nothing. */
  hold(ref: SourceRef | undefined): void {
    if (!ref) return;
    const p = this.state(ref);
    p.held.set(ref.offset, (p.held.get(ref.offset) ?? 0) + 1);
  }

  release(ref: SourceRef | undefined): void {
    if (!ref) return;
    const p = this.state(ref);
    const n = (p.held.get(ref.offset) ?? 0) - 1;
    if (n > 0) p.held.set(ref.offset, n);
    else p.held.delete(ref.offset);
  }

  /** Offsets (next to read) that moved since the last call, for `consumer.commit`. */
  committable(): Array<{ topic: string; partition: number; offset: string }> {
    const out: Array<{ topic: string; partition: number; offset: string }> = [];
    for (const p of this.partitions.values()) {
      let next = p.highest + 1;
      for (const offset of p.held.keys()) if (offset < next) next = offset;
      if (next > p.lastCommitted) {
        out.push({ topic: p.topic, partition: p.partition, offset: String(next) });
        p.lastCommitted = next;
      }
    }
    return out;
  }

  /** After a failed commit: offer every partition's position again next time. */
  forgetCommits(): void {
    for (const p of this.partitions.values()) p.lastCommitted = -1;
  }

  /** Offsets held per partition (for tests and logs). */
  heldCount(): number {
    let n = 0;
    for (const p of this.partitions.values()) for (const c of p.held.values()) n += c;
    return n;
  }

  private state(ref: SourceRef): PartitionState {
    const id = `${ref.topic}\u0000${ref.partition}`;
    let p = this.partitions.get(id);
    if (!p) {
      p = { topic: ref.topic, partition: ref.partition, highest: -1, held: new Map(), lastCommitted: -1 };
      this.partitions.set(id, p);
    }
    return p;
  }
}
