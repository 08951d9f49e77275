import { compareVersions, type FigureVersion } from './figure-version';
import { ClassIndex, type ClassNode } from './class-index';
import { PRIORITY_CLASSES, type PriorityClass } from './priority';

/** One pending write: the newest figure of a (list, SKU) and what to write. */
export interface QueueEntry<T> extends FigureVersion {
  inventoryListId: string;
  sku: string;
  priority: PriorityClass;
  /** When the key first entered the queue since it was last taken (FIFO order within a class). */
  firstEnqueuedAt: number;
  payload: T;
  /** Set by a `sameVersion` offer: survives a write of the same version (see `markWritten`). */
  recomputed?: boolean;
}

/** What an offer did. */
export type OfferResult =
  /** New pending entry. */
  | 'enqueued'
  /** Replaced the pending entry's figure (coalesced). */
  | 'replaced'
  /** Older than (or the same as) the pending or the last written figure: dropped. */
  | 'stale';

interface Slot<T> {
  entry: QueueEntry<T>;
  /** Token of the slot's live heap node; older nodes of the key are skipped. */
  token: number;
  order: number;
}

const keyOf = (inventoryListId: string, sku: string): string => `${inventoryListId}\u0000${sku}`;

/**
 * The writer's work queue: at most one pending entry per (list, SKU), the newest figure wins
 * (by `asOf`, then `sourceSequence`), a pending entry's priority only ever rises, and within a
 * class entries leave oldest first (by first enqueue time). Memory is one slot per key plus one
 * remembered version per written key.
 *
 * Monotonic guard: a figure not newer than the last one written for its key is dropped. A key
 * whose entry has been taken is busy until it is completed or requeued, so two writes of one key
 * are never in flight at once (the older could land last).
 */
export class CoalescingQueue<T> {
  private readonly pending = new Map<string, Slot<T>>();
  private readonly busy = new Set<string>();
  private readonly written = new Map<string, FigureVersion>();
  private readonly index = new ClassIndex((node) => this.pending.get(node.key)?.token === node.token);
  private counter = 0;

  /**
   * Adds a figure; see {@link OfferResult}. `onReplaced` gets the payload a replacement pushed out.
   * `sameVersion` admits a figure equal to the written or pending one: a recomputation of the same
   * WAIR figure (e.g. an in-flight order became known after it was written).
   */
  offer(
    entry: Omit<QueueEntry<T>, 'firstEnqueuedAt'>,
    now: number,
    onReplaced?: (old: QueueEntry<T>) => void,
    options: { sameVersion?: boolean } = {},
  ): OfferResult {
    const floor = options.sameVersion ? 0 : 1;
    if (options.sameVersion) entry = { ...entry, recomputed: true };
    const key = keyOf(entry.inventoryListId, entry.sku);
    const written = this.written.get(key);
    if (written && compareVersions(entry, written) < floor) return 'stale';
    const slot = this.pending.get(key);
    if (!slot) {
      this.insert(key, { ...entry, firstEnqueuedAt: now }, (this.counter += 1));
      return 'enqueued';
    }
    if (compareVersions(entry, slot.entry) < floor) return 'stale';
    const old = slot.entry;
    const priority = Math.min(old.priority, entry.priority) as PriorityClass;
    slot.entry = { ...entry, priority: old.priority, firstEnqueuedAt: old.firstEnqueuedAt };
    if (priority !== old.priority) this.move(key, slot, priority);
    onReplaced?.(old);
    return 'replaced';
  }

  /**
   * Takes up to `n` entries, highest class (0) first, oldest first within a class; keys still
   * busy from an earlier take are skipped (they stay pending).
   */
  take(n: number): QueueEntry<T>[] {
    const out: QueueEntry<T>[] = [];
    for (const cls of PRIORITY_CLASSES) {
      const skipped: ClassNode[] = [];
      while (out.length < n) {
        const node = this.index.pop(cls);
        if (!node) break;
        if (this.busy.has(node.key)) {
          skipped.push(node);
          continue;
        }
        const slot = this.pending.get(node.key) as Slot<T>;
        this.removeSlot(node.key, slot);
        this.busy.add(node.key);
        out.push(slot.entry);
      }
      for (const node of skipped) this.index.restore(cls, node);
      if (out.length >= n) break;
    }
    return out;
  }

  /** Ends the write of a taken entry (written, rejected or reported): its key is free again. */
  complete(entry: Pick<QueueEntry<T>, 'inventoryListId' | 'sku'>): void {
    this.busy.delete(keyOf(entry.inventoryListId, entry.sku));
  }

  /**
   * Puts a taken entry back after a retriable failure. If a newer figure arrived meanwhile it
   * wins, with the higher of the two priorities and the earlier enqueue time; nothing is lost.
   * Returns false when the entry was dropped because something newer was written meanwhile.
   */
  requeue(entry: QueueEntry<T>): boolean {
    const key = keyOf(entry.inventoryListId, entry.sku);
    this.busy.delete(key);
    if (this.covered(entry, this.written.get(key))) return false;
    const slot = this.pending.get(key);
    if (!slot) {
      this.insert(key, entry, (this.counter += 1));
      return true;
    }
    const priority = Math.min(slot.entry.priority, entry.priority) as PriorityClass;
    const firstEnqueuedAt = Math.min(slot.entry.firstEnqueuedAt, entry.firstEnqueuedAt);
    const newest = compareVersions(entry, slot.entry) > 0 ? entry : slot.entry;
    this.removeSlot(key, slot);
    this.insert(key, { ...newest, priority, firstEnqueuedAt }, slot.order);
    return true;
  }

  /**
   * Records that SFCC holds the figure `version` of a key (or newer). A pending entry that is not
   * newer is dropped and returned, so its caller can release what it held.
   */
  markWritten(
    inventoryListId: string,
    sku: string,
    asOf: number,
    sourceSequence: number,
  ): QueueEntry<T> | undefined {
    const key = keyOf(inventoryListId, sku);
    const version = { asOf, sourceSequence };
    const current = this.written.get(key);
    if (!current || compareVersions(version, current) > 0) this.written.set(key, version);
    const slot = this.pending.get(key);
    if (slot && this.covered(slot.entry, version)) {
      this.removeSlot(key, slot);
      return slot.entry;
    }
    return undefined;
  }

  /** The last written version of a key, if any. */
  lastWritten(inventoryListId: string, sku: string): FigureVersion | undefined {
    return this.written.get(keyOf(inventoryListId, sku));
  }

  /** The pending entry of a key, if any (not a taken one). */
  peek(inventoryListId: string, sku: string): QueueEntry<T> | undefined {
    return this.pending.get(keyOf(inventoryListId, sku))?.entry;
  }

  /** Pending entries of a class, or of all classes. */
  depth(cls?: PriorityClass): number {
    return cls === undefined ? this.pending.size : this.index.depth(cls);
  }

  /** Taken entries not yet completed or requeued. */
  inFlight(): number {
    return this.busy.size;
  }

  /** Age in ms of the oldest pending entry of a class (0 when empty). */
  oldestAge(cls: PriorityClass, now: number): number {
    const node = this.index.peek(cls);
    return node ? Math.max(0, now - node.firstEnqueuedAt) : 0;
  }

  /**
   * What the queue holds, for memory checks: pending and busy keys, remembered written versions
   * and ordering nodes (live and not yet discarded).
   */
  footprint(): { pending: number; busy: number; written: number; indexNodes: number } {
    let indexNodes = 0;
    for (const cls of PRIORITY_CLASSES) indexNodes += this.index.nodes(cls);
    return { pending: this.pending.size, busy: this.busy.size, written: this.written.size, indexNodes };
  }

  /**
   * The pending entries (not the taken ones), in no particular order. A full scan: for rare
   * diagnostics such as naming the late entries once when a backlog builds, never per record.
   */
  *pendingEntries(): IterableIterator<QueueEntry<T>> {
    for (const slot of this.pending.values()) yield slot.entry;
  }

  /** Whether SFCC holding `written` makes `entry` unnecessary (a recomputation of it is not). */
  private covered(entry: QueueEntry<T>, written: FigureVersion | undefined): boolean {
    if (!written) return false;
    const order = compareVersions(entry, written);
    return order < 0 || (order === 0 && !entry.recomputed);
  }

  private insert(key: string, entry: QueueEntry<T>, order: number): void {
    const slot: Slot<T> = { entry, token: -1, order };
    this.pending.set(key, slot);
    this.push(key, slot);
  }

  private push(key: string, slot: Slot<T>): void {
    slot.token = this.index.add(slot.entry.priority, key, slot.entry.firstEnqueuedAt, slot.order);
  }

  private move(key: string, slot: Slot<T>, priority: PriorityClass): void {
    this.index.drop(slot.entry.priority);
    slot.entry = { ...slot.entry, priority };
    this.push(key, slot);
  }

  private removeSlot(key: string, slot: Slot<T>): void {
    this.index.drop(slot.entry.priority);
    this.pending.delete(key);
  }
}
