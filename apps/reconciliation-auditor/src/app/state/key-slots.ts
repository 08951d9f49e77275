/**
 * One string per record key for all the per-SKU tables: each table addresses its rows by the small
 * integer slot of the key, so a SKU held by four tables costs one key string and one map entry, not
 * four. A slot is freed (and reused) when no table holds a row for its key any more.
 */
export class KeySlots {
  private readonly slots = new Map<string, number>();
  private readonly keys: string[] = [];
  private refs = new Uint8Array(1024);
  private readonly free: number[] = [];

  /** The slot of `key`, or undefined when no table holds it. */
  slotOf(key: string): number | undefined {
    return this.slots.get(key);
  }

  keyOf(slot: number): string {
    return this.keys[slot] ?? '';
  }

  /** Slots handed out so far (the bound for scans over a table's slots). */
  get capacity(): number {
    return this.keys.length;
  }

  /** Keys held by at least one table. */
  get size(): number {
    return this.slots.size;
  }

  /** Takes a reference on the slot of `key` for one more table, creating it on first use. */
  acquire(key: string): number {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.keys.length;
      this.keys[slot] = key;
      this.slots.set(key, slot);
      if (slot >= this.refs.length) {
        const refs = new Uint8Array(this.refs.length * 2);
        refs.set(this.refs);
        this.refs = refs;
      }
    }
    this.refs[slot] = (this.refs[slot] ?? 0) + 1;
    return slot;
  }

  /** Drops one table's reference; the last one frees the slot. */
  release(slot: number): void {
    const left = (this.refs[slot] ?? 1) - 1;
    this.refs[slot] = left;
    if (left > 0) return;
    this.slots.delete(this.keys[slot] ?? '');
    this.keys[slot] = '';
    this.free.push(slot);
  }
}
