import { ByteReader, ByteWriter } from './byte-codec';
import type { KeySlots } from './key-slots';
import { RowArena } from './row-arena';

/** Encodes one table's values to bytes and back; `key` lets fields refer to parts of the key. */
export interface RowCodec<T> {
  encode(w: ByteWriter, value: T, key: string): void;
  decode(r: ByteReader, key: string): T;
}

/**
 * A per-SKU table kept as encoded rows (see {@link RowArena}) under shared key slots. It is the
 * table reader's row store (`set` on every record, `delete` on a tombstone) and the source of the
 * typed view: `get` and `entries` decode; `raw` and `rawEntries` hand out a reader positioned at
 * the row, for scans that read a field or two without decoding.
 */
export class PackedTable<T> {
  private readonly arena = new RowArena();
  private readonly writer = new ByteWriter();
  private readonly reader = new ByteReader();

  constructor(
    private readonly keys: KeySlots,
    private readonly codec: RowCodec<T>,
  ) {}

  get size(): number {
    return this.arena.size;
  }

  set(key: string, value: T): this {
    const slot = this.keys.slotOf(key);
    const had = slot !== undefined && this.arena.has(slot);
    // Encode before taking a slot: a value that fails to encode leaves no trace.
    this.codec.encode(this.writer.reset(), value, key);
    this.arena.put(had ? slot : this.keys.acquire(key), this.writer.bytes());
    return this;
  }

  delete(key: string): boolean {
    const slot = this.keys.slotOf(key);
    if (slot === undefined || !this.arena.remove(slot)) return false;
    this.keys.release(slot);
    return true;
  }

  has(key: string): boolean {
    const slot = this.keys.slotOf(key);
    return slot !== undefined && this.arena.has(slot);
  }

  get(key: string): T | undefined {
    const slot = this.keys.slotOf(key);
    if (slot === undefined || !this.arena.has(slot)) return undefined;
    // Decoding is synchronous and keeps nothing of the reader: one per table will do.
    return this.codec.decode(this.reader.at(this.arena.buffer(), this.arena.start(slot)), key);
  }

  /** A reader at the row of `key` (its own: safe to keep while reading others). */
  raw(key: string): ByteReader | undefined {
    const slot = this.keys.slotOf(key);
    if (slot === undefined || !this.arena.has(slot)) return undefined;
    return new ByteReader().at(this.arena.buffer(), this.arena.start(slot));
  }

  /** Rows in slot order; the yielded reader is reused: read it before the next step. */
  *rawEntries(): IterableIterator<[string, ByteReader]> {
    const r = new ByteReader();
    for (let slot = 0; slot < this.arena.slotCapacity; slot += 1) {
      if (!this.arena.has(slot)) continue;
      // The buffer is looked up per row: a change applied while the scan is paused may replace it.
      yield [this.keys.keyOf(slot), r.at(this.arena.buffer(), this.arena.start(slot))];
    }
  }

  *entries(): IterableIterator<[string, T]> {
    for (const [key, r] of this.rawEntries()) yield [key, this.codec.decode(r, key)];
  }

  /** Bytes reserved for the encoded rows. */
  byteCapacity(): number {
    return this.arena.byteCapacity();
  }
}
