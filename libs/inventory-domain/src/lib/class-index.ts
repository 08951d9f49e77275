import { MinHeap } from './min-heap';
import { PRIORITY_CLASSES, type PriorityClass } from './priority';

/** One key's place in a class: `token` tells the live node from ones left behind by moves. */
export interface ClassNode {
  key: string;
  token: number;
  firstEnqueuedAt: number;
  order: number;
}

const earlier = (a: ClassNode, b: ClassNode): boolean =>
  a.firstEnqueuedAt !== b.firstEnqueuedAt ? a.firstEnqueuedAt < b.firstEnqueuedAt : a.order < b.order;

/** Dead nodes a class may carry beyond its live ones before it is compacted. */
const DEAD_ALLOWANCE = 1_024;

/**
 * Per priority class, the pending keys ordered by first enqueue time (then arrival order). A key
 * that moves class, leaves or is put back keeps a dead node behind, skipped when it surfaces.
 * Dead nodes of keys that keep cycling without ever surfacing (written and requeued, upgraded)
 * would pile up, so a class holding more dead than live nodes (plus an allowance) is compacted:
 * memory stays within twice the pending keys whatever the traffic.
 */
export class ClassIndex {
  private readonly heaps = PRIORITY_CLASSES.map(() => new MinHeap<ClassNode>(earlier));
  private readonly depths = [0, 0, 0, 0];
  private tokens = 0;

  constructor(private readonly isLive: (node: ClassNode) => boolean) {}

  /** Adds a key to a class; returns the token of its live node. */
  add(cls: PriorityClass, key: string, firstEnqueuedAt: number, order: number): number {
    this.depths[cls] = (this.depths[cls] ?? 0) + 1;
    const token = (this.tokens += 1);
    const heap = this.heap(cls);
    heap.push({ key, token, firstEnqueuedAt, order });
    if (heap.size > 2 * this.depth(cls) + DEAD_ALLOWANCE) heap.retain(this.isLive);
    return token;
  }

  /** Counts one key out of a class (its node, if still in the heap, is now dead). */
  drop(cls: PriorityClass): void {
    this.depths[cls] = (this.depths[cls] ?? 0) - 1;
  }

  depth(cls: PriorityClass): number {
    return this.depths[cls] ?? 0;
  }

  /** Heap nodes of a class, live and dead (for footprint checks). */
  nodes(cls: PriorityClass): number {
    return this.heap(cls).size;
  }

  /** The oldest live node of a class, left in place. */
  peek(cls: PriorityClass): ClassNode | undefined {
    const heap = this.heap(cls);
    for (let node = heap.peek(); node; node = heap.peek()) {
      if (this.isLive(node)) return node;
      heap.pop();
    }
    return undefined;
  }

  /** Removes and returns the oldest live node of a class. */
  pop(cls: PriorityClass): ClassNode | undefined {
    const node = this.peek(cls);
    if (node) this.heap(cls).pop();
    return node;
  }

  /** Puts back a node `pop` returned but the caller could not use (its key was busy). */
  restore(cls: PriorityClass, node: ClassNode): void {
    this.heap(cls).push(node);
  }

  private heap(cls: PriorityClass): MinHeap<ClassNode> {
    return this.heaps[cls] as MinHeap<ClassNode>;
  }
}
