/**
 * The encoded rows of one table in a single growing byte buffer, addressed by key slot. A replaced
 * row is rewritten in place when it fits, otherwise appended; the space left behind is reclaimed by
 * compacting once it outweighs the live rows. Big typed arrays live outside the JS heap's object
 * graph: nothing for the GC to trace, and freed growth buffers go back to the OS.
 */
export class RowArena {
  private bytes = new Uint8Array(64 * 1024);
  private end = 0;
  private waste = 0;
  private starts = new Uint32Array(1024);
  /** Encoded length per slot; 0 = no row (every encoded row has at least one byte). */
  private lengths = new Uint32Array(1024);
  private rows = 0;

  get size(): number {
    return this.rows;
  }

  /** Slots the arena has room for; every slot ≥ this is empty. */
  get slotCapacity(): number {
    return this.lengths.length;
  }

  has(slot: number): boolean {
    return (this.lengths[slot] ?? 0) > 0;
  }

  /** Start of the row of `slot` in {@link buffer} (check {@link has} first). */
  start(slot: number): number {
    return this.starts[slot] ?? 0;
  }

  /** The current buffer (replaced when the arena grows or compacts: do not keep it). */
  buffer(): Uint8Array {
    return this.bytes;
  }

  /** Stores `row` for `slot`; true when the slot had no row before. */
  put(slot: number, row: Uint8Array): boolean {
    if (row.length === 0) throw new Error('an encoded row has at least one byte');
    this.ensureSlot(slot);
    const old = this.lengths[slot] ?? 0;
    if (old >= row.length) {
      this.bytes.set(row, this.starts[slot] ?? 0);
      this.waste += old - row.length;
      this.lengths[slot] = row.length;
      return false;
    }
    this.waste += old;
    this.lengths[slot] = 0;
    if (this.end + row.length > this.bytes.length) this.makeRoom(row.length);
    this.bytes.set(row, this.end);
    this.starts[slot] = this.end;
    this.lengths[slot] = row.length;
    this.end += row.length;
    if (old === 0) this.rows += 1;
    return old === 0;
  }

  /** Drops the row of `slot`; true when there was one. */
  remove(slot: number): boolean {
    const old = this.lengths[slot] ?? 0;
    if (old === 0) return false;
    this.lengths[slot] = 0;
    this.waste += old;
    this.rows -= 1;
    return true;
  }

  /** Bytes held (buffer capacity), for sizing. */
  byteCapacity(): number {
    return this.bytes.length;
  }

  private ensureSlot(slot: number): void {
    if (slot < this.lengths.length) return;
    let capacity = this.lengths.length;
    while (capacity <= slot) capacity *= 2;
    const starts = new Uint32Array(capacity);
    starts.set(this.starts);
    const lengths = new Uint32Array(capacity);
    lengths.set(this.lengths);
    this.starts = starts;
    this.lengths = lengths;
  }

  private makeRoom(needed: number): void {
    const live = this.end - this.waste;
    // Compact when at least half the buffer is dead; otherwise grow (and compact on the way).
    const capacity =
      this.waste * 2 >= this.end && live + needed <= this.bytes.length
        ? this.bytes.length
        : Math.max(this.bytes.length * 2, live + needed);
    const next = new Uint8Array(capacity);
    let end = 0;
    for (let slot = 0; slot < this.lengths.length; slot += 1) {
      const length = this.lengths[slot] ?? 0;
      if (length === 0) continue;
      const start = this.starts[slot] ?? 0;
      next.set(this.bytes.subarray(start, start + length), end);
      this.starts[slot] = end;
      end += length;
    }
    this.bytes = next;
    this.end = end;
    this.waste = 0;
  }
}
