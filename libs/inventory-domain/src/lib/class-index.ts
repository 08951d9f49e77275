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

/**
 * Per priority class, the pending keys ordered by first enqueue time (then arrival order). A key
 * that moves class or leaves keeps a dead node behind, skipped when it surfaces; each key can
 * leave at most three behind while pending (one per upgrade), so memory stays bounded.
 */
export class ClassIndex {
  private readonly heaps = PRIORITY_CLASSES.map(() => new MinHeap<ClassNode>(earlier));
  private readonly depths = [0, 0, 0, 0];
  private tokens = 0;

  /** Adds a key to a class; returns the token of its live node. */
  add(cls: PriorityClass, key: string, firstEnqueuedAt: number, order: number): number {
    this.depths[cls] = (this.depths[cls] ?? 0) + 1;
    const token = (this.tokens += 1);
    this.heap(cls).push({ key, token, firstEnqueuedAt, order });
    return token;
  }

  /** Counts one key out of a class (its node, if still in the heap, is now dead). */
  drop(cls: PriorityClass): void {
    this.depths[cls] = (this.depths[cls] ?? 0) - 1;
  }

  depth(cls: PriorityClass): number {
    return this.depths[cls] ?? 0;
  }

  /** The oldest live node of a class, left in place. */
  peek(cls: PriorityClass, isLive: (node: ClassNode) => boolean): ClassNode | undefined {
    const heap = this.heap(cls);
    for (let node = heap.peek(); node; node = heap.peek()) {
      if (isLive(node)) return node;
      heap.pop();
    }
    return undefined;
  }

  /** Removes and returns the oldest live node of a class. */
  pop(cls: PriorityClass, isLive: (node: ClassNode) => boolean): ClassNode | undefined {
    const node = this.peek(cls, isLive);
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
