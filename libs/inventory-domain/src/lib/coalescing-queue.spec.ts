import seedrandom from 'seedrandom';
import { CoalescingQueue, type QueueEntry } from './coalescing-queue';
import type { PriorityClass } from './priority';

type Q = CoalescingQueue<number>;
const entry = (sku: string, asOf: number, priority: PriorityClass = 1, seq = 0, list = 'web') => ({
  inventoryListId: list,
  sku,
  asOf,
  sourceSequence: seq,
  priority,
  payload: asOf * 1000 + seq,
});
const skus = (taken: QueueEntry<number>[]) => taken.map((e) => e.sku);

describe('CoalescingQueue', () => {
  let q: Q;
  beforeEach(() => (q = new CoalescingQueue<number>()));

  it('keeps one entry per (list, SKU) with the newest figure', () => {
    expect(q.offer(entry('A', 10), 0)).toBe('enqueued');
    expect(q.offer(entry('A', 12), 1)).toBe('replaced');
    expect(q.offer(entry('A', 11), 2)).toBe('stale');
    expect(q.offer(entry('A', 10, 1, 0, 'stores'), 3)).toBe('enqueued');
    expect(q.depth()).toBe(2);
    const taken = q.take(10);
    expect(taken.map((e) => [e.inventoryListId, e.asOf])).toEqual([
      ['web', 12],
      ['stores', 10],
    ]);
  });

  it('breaks asOf ties by sourceSequence', () => {
    q.offer(entry('A', 10, 1, 5), 0);
    expect(q.offer(entry('A', 10, 1, 4), 0)).toBe('stale');
    expect(q.offer(entry('A', 10, 1, 5), 0)).toBe('stale');
    expect(q.offer(entry('A', 10, 1, 6), 0)).toBe('replaced');
    expect(q.take(1)[0]?.sourceSequence).toBe(6);
  });

  it('hands back the payload a replacement pushed out', () => {
    const replaced: number[] = [];
    q.offer(entry('A', 10), 0, (old) => replaced.push(old.payload));
    q.offer(entry('A', 11), 0, (old) => replaced.push(old.payload));
    expect(replaced).toEqual([10_000]);
  });

  it('drains the highest class first, FIFO by first enqueue time within a class', () => {
    q.offer(entry('c1-old', 1, 1), 100);
    q.offer(entry('c2', 1, 2), 50);
    q.offer(entry('c0', 1, 0), 300);
    q.offer(entry('c1-new', 1, 1), 200);
    q.offer(entry('c3', 1, 3), 10);
    q.offer(entry('c1-old', 2, 1), 400); // replacement keeps its place
    expect(skus(q.take(2))).toEqual(['c0', 'c1-old']);
    expect(skus(q.take(10))).toEqual(['c1-new', 'c2', 'c3']);
    expect(q.depth()).toBe(0);
  });

  it('upgrades priority and never downgrades while pending, keeping first-enqueue order', () => {
    q.offer(entry('A', 1, 2), 100);
    q.offer(entry('B', 1, 0), 200);
    q.offer(entry('A', 2, 0), 300);
    expect(q.depth(0)).toBe(2);
    expect(q.depth(2)).toBe(0);
    q.offer(entry('A', 3, 2), 400);
    expect(q.depth(0)).toBe(2);
    const taken = q.take(10);
    expect(taken.map((e) => [e.sku, e.asOf, e.priority])).toEqual([
      ['A', 3, 0],
      ['B', 1, 0],
    ]);
  });

  it('reports depth and oldest age per class', () => {
    q.offer(entry('A', 1, 0), 1000);
    q.offer(entry('B', 1, 0), 1500);
    q.offer(entry('C', 1, 2), 1200);
    expect([q.depth(0), q.depth(1), q.depth(2), q.depth(3)]).toEqual([2, 0, 1, 0]);
    expect(q.oldestAge(0, 2000)).toBe(1000);
    expect(q.oldestAge(1, 2000)).toBe(0);
    q.take(1);
    expect(q.oldestAge(0, 2000)).toBe(500);
    q.offer(entry('C', 2, 0), 1300);
    expect(q.oldestAge(2, 2000)).toBe(0);
    expect(q.oldestAge(0, 2000)).toBe(800);
  });

  it('lists the pending entries with their class and first enqueue time, not the taken ones', () => {
    q.offer(entry('A', 1, 1), 1000);
    q.offer(entry('B', 1, 2), 1100);
    q.offer(entry('C', 1, 1), 1200);
    q.offer(entry('B', 2, 0), 1300);
    q.take(1);
    expect([...q.pendingEntries()].map((e) => [e.sku, e.priority, e.firstEnqueuedAt, e.asOf])).toEqual([
      ['A', 1, 1000, 1],
      ['C', 1, 1200, 1],
    ]);
  });

  it('monotonic guard: drops figures not newer than the last written', () => {
    q.markWritten('web', 'A', 10, 3);
    expect(q.offer(entry('A', 10, 1, 3), 0)).toBe('stale');
    expect(q.offer(entry('A', 9, 1, 9), 0)).toBe('stale');
    expect(q.offer(entry('A', 10, 1, 4), 0)).toBe('enqueued');
    expect(q.lastWritten('web', 'A')).toEqual({ asOf: 10, sourceSequence: 3 });
    q.markWritten('web', 'A', 8, 0);
    expect(q.lastWritten('web', 'A')).toEqual({ asOf: 10, sourceSequence: 3 });
  });

  it('admits a recomputation of the written or pending figure only when asked (sameVersion)', () => {
    q.markWritten('web', 'A', 10, 1);
    expect(q.offer({ ...entry('A', 10, 0, 1), payload: 1 }, 0)).toBe('stale');
    expect(q.offer({ ...entry('A', 10, 0, 1), payload: 1 }, 0, undefined, { sameVersion: true })).toBe(
      'enqueued',
    );
    expect(q.offer({ ...entry('A', 10, 0, 1), payload: 2 }, 0, undefined, { sameVersion: true })).toBe(
      'replaced',
    );
    expect(q.offer({ ...entry('A', 9, 0, 1), payload: 3 }, 0, undefined, { sameVersion: true })).toBe(
      'stale',
    );
    q.markWritten('web', 'A', 10, 1);
    const [taken] = q.take(1) as [QueueEntry<number>];
    expect(taken.payload).toBe(2);
    // A failed recomputation goes back even though its version is the written one.
    expect(q.requeue(taken)).toBe(true);
    expect(q.depth()).toBe(1);
  });

  it('markWritten drops a pending entry it covers and returns it', () => {
    q.offer(entry('A', 10), 0);
    expect(q.markWritten('web', 'A', 9, 0)).toBeUndefined();
    expect(q.markWritten('web', 'A', 10, 0)?.asOf).toBe(10);
    expect(q.depth()).toBe(0);
    expect(q.take(5)).toEqual([]);
  });

  it('never has two writes of one key in flight; a newer figure waits for the first', () => {
    q.offer(entry('A', 1), 0);
    const [first] = q.take(5);
    q.offer(entry('A', 2), 1);
    expect(q.take(5)).toEqual([]);
    expect(q.inFlight()).toBe(1);
    q.complete(first as QueueEntry<number>);
    expect(q.take(5).map((e) => e.asOf)).toEqual([2]);
  });

  it('requeue keeps a failed figure unless a newer one arrived or was written', () => {
    q.offer(entry('A', 1, 0), 100);
    const [a] = q.take(1) as [QueueEntry<number>];
    expect(q.requeue(a)).toBe(true);
    expect(q.take(1)[0]).toMatchObject({ asOf: 1, priority: 0, firstEnqueuedAt: 100 });
    q.offer(entry('A', 5, 2), 300);
    expect(q.requeue(a)).toBe(true);
    expect(q.take(1)[0]).toMatchObject({ asOf: 5, priority: 0, firstEnqueuedAt: 100 });
    q.markWritten('web', 'A', 6, 0);
    expect(q.requeue(a)).toBe(false);
    expect(q.depth()).toBe(0);
  });

  it('property: for any seeded sequence, the last value taken per key is the newest offered', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const rng = seedrandom(seed);
      const queue = new CoalescingQueue<number>();
      const newest = new Map<string, number>();
      const lastTaken = new Map<string, number>();
      const takenOrder = new Map<string, number[]>();
      let now = 0;
      const settle = (batch: QueueEntry<number>[]) => {
        for (const e of batch) {
          if (rng() < 0.2) {
            queue.requeue(e);
            continue;
          }
          lastTaken.set(e.sku, e.payload);
          takenOrder.set(e.sku, [...(takenOrder.get(e.sku) ?? []), e.payload]);
          queue.markWritten(e.inventoryListId, e.sku, e.asOf, e.sourceSequence);
          queue.complete(e);
        }
      };
      for (let i = 0; i < 3000; i += 1) {
        now += 1;
        const sku = `S${Math.floor(rng() * 40)}`;
        const asOf = Math.floor(rng() * 500);
        const seq = Math.floor(rng() * 3);
        const priority = Math.floor(rng() * 4) as PriorityClass;
        const payload = asOf * 1000 + seq;
        queue.offer({ inventoryListId: 'web', sku, asOf, sourceSequence: seq, priority, payload }, now);
        newest.set(sku, Math.max(newest.get(sku) ?? -1, payload));
        if (rng() < 0.3) settle(queue.take(1 + Math.floor(rng() * 10)));
      }
      while (queue.depth() > 0) settle(queue.take(7));
      expect(queue.inFlight()).toBe(0);
      expect(Object.fromEntries(lastTaken)).toEqual(Object.fromEntries(newest));
      for (const [, seen] of takenOrder) {
        // The monotonic guard: values written per key only ever increase.
        expect(seen).toEqual([...seen].sort((x, y) => x - y));
        expect(new Set(seen).size).toBe(seen.length);
      }
    }
  });

  it('property: take() order respects class, then first-enqueue time', () => {
    const rng = seedrandom('order');
    const queue = new CoalescingQueue<number>();
    for (let i = 0; i < 500; i += 1) {
      const priority = Math.floor(rng() * 4) as PriorityClass;
      queue.offer(entry(`S${Math.floor(rng() * 200)}`, i, priority), Math.floor(rng() * 1000));
    }
    const all = queue.take(1000);
    for (let i = 1; i < all.length; i += 1) {
      const a = all[i - 1] as QueueEntry<number>;
      const b = all[i] as QueueEntry<number>;
      expect(
        a.priority < b.priority || (a.priority === b.priority && a.firstEnqueuedAt <= b.firstEnqueuedAt),
      ).toBe(true);
    }
  });

  describe('bounded memory', () => {
    it('holds one slot and one written version per key, however many figures arrive', () => {
      for (let i = 1; i <= 50_000; i += 1) q.offer(entry(`S${i % 100}`, i, (i % 4) as PriorityClass), i);
      const fp = q.footprint();
      expect(fp).toMatchObject({ pending: 100, busy: 0, written: 0 });
      expect(fp.indexNodes).toBeLessThanOrEqual(2 * 100 + 4 * 1_024);
    });

    it('does not pile up ordering nodes for a key that keeps being upgraded and written', () => {
      // Older class-3 keys stay pending in front, so the dead class-3 nodes the hot key leaves
      // behind never surface to be discarded by take().
      for (let i = 0; i < 10; i += 1) q.offer(entry(`FRONT${i}`, 1, 3), 0);
      const takenSkus = new Set<string>();
      for (let cycle = 1; cycle <= 8_000; cycle += 1) {
        q.offer(entry('HOT', 2 * cycle, 3), cycle);
        q.offer(entry('HOT', 2 * cycle + 1, 2), cycle); // upgrade: its class-3 node is now dead
        const [taken] = q.take(1);
        takenSkus.add(taken?.sku ?? 'none');
        q.markWritten('web', 'HOT', 2 * cycle + 1, 0);
        q.complete(taken as QueueEntry<number>);
      }
      expect([...takenSkus]).toEqual(['HOT']);
      const fp = q.footprint();
      expect(fp).toMatchObject({ pending: 10, busy: 0, written: 1 });
      expect(fp.indexNodes).toBeLessThanOrEqual(2 * fp.pending + 4 * 1_024);
    });

    it('still drains in order after compacting away dead nodes', () => {
      for (let i = 0; i < 3_000; i += 1) {
        q.offer(entry(`K${i}`, 1, 3), i);
        q.offer(entry(`K${i}`, 2, 1), i); // each upgrade leaves a dead class-3 node
      }
      expect(q.footprint().indexNodes).toBeLessThan(3_000 + 2 * 1_024);
      const order = q.take(3_000).map((e) => e.sku);
      expect(order).toEqual(Array.from({ length: 3_000 }, (_, i) => `K${i}`));
      expect(q.footprint()).toMatchObject({ pending: 0, busy: 3_000 });
    });
  });
});
