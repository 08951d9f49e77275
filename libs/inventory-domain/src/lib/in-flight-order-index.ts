import type { OrderFact } from '@wair-sfcc/contracts';

/** What the index keeps of an order: no customer data, only what in-flight arithmetic needs. */
interface IndexedOrder {
  createdAt: number;
  /** When WAIR accepted it; undefined while not accepted. */
  acceptedAt: number | undefined;
  /** REJECTED or CANCELLED: never counted. */
  closed: boolean;
  /** Time of the last fact seen about the order (for eviction). */
  lastSeen: number;
  lines: Array<{ key: string; quantity: number }>;
}

export interface InFlightOrderIndexOptions {
  /**
   * Orders accepted, rejected or cancelled longer ago than this (by their own times, against the
   * `now` given to {@link InFlightOrderIndex.prune}) are dropped: figures that old are already
   * superseded. Default 24 h.
   */
  closedRetentionMs?: number;
  /** Orders still not accepted after this long are dropped (the auditor raises them). Default 7 d. */
  openRetentionMs?: number;
  /** Hard cap on the orders held; the oldest by creation time go first. Default 500,000. */
  maxOrders?: number;
}

const keyOf = (inventoryListId: string, sku: string): string => `${inventoryListId}\u0000${sku}`;

/**
 * Storefront orders that SFCC has counted but WAIR may not have seen yet, indexed by (list, SKU).
 *
 * An order counts against a figure with time `asOf` when it was created in SFCC at or before
 * `asOf + skewMarginMs` and WAIR had not accepted it at `asOf`. REJECTED and CANCELLED orders never
 * count (SFCC gives the units back). An order in state ACCEPTED_BY_WAIR without `acceptedAt` is
 * taken as accepted at its capture time, the earliest moment WAIR could have had it.
 */
export class InFlightOrderIndex {
  private readonly orders = new Map<string, IndexedOrder>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly closedRetentionMs: number;
  private readonly openRetentionMs: number;
  private readonly maxOrders: number;

  constructor(options: InFlightOrderIndexOptions = {}) {
    this.closedRetentionMs = options.closedRetentionMs ?? 24 * 3600_000;
    this.openRetentionMs = options.openRetentionMs ?? 7 * 24 * 3600_000;
    this.maxOrders = options.maxOrders ?? 500_000;
  }

  /** Applies the latest fact of an order (a later fact of the same order replaces the earlier). */
  apply(fact: OrderFact): void {
    this.remove(fact.orderNo);
    const accepted =
      fact.state === 'ACCEPTED_BY_WAIR' ? (fact.acceptedAt ?? fact.capturedAt) : fact.acceptedAt;
    const lines = new Map<string, number>();
    for (const line of fact.lines) {
      if (line.quantity <= 0) continue;
      const key = keyOf(line.inventoryListId, line.sku);
      lines.set(key, (lines.get(key) ?? 0) + line.quantity);
    }
    const order: IndexedOrder = {
      createdAt: fact.createdAt,
      acceptedAt: accepted ?? undefined,
      closed: fact.state === 'REJECTED' || fact.state === 'CANCELLED',
      lastSeen: Math.max(fact.createdAt, fact.capturedAt, accepted ?? 0),
      lines: [...lines].map(([key, quantity]) => ({ key, quantity })),
    };
    if (order.closed) return;
    this.orders.set(fact.orderNo, order);
    for (const line of order.lines) {
      let set = this.byKey.get(line.key);
      if (!set) this.byKey.set(line.key, (set = new Set()));
      set.add(fact.orderNo);
    }
    if (this.orders.size > this.maxOrders) this.evictOldest(this.orders.size - this.maxOrders);
  }

  /** Forgets an order (tombstone on the orders table). */
  remove(orderNo: string): void {
    const order = this.orders.get(orderNo);
    if (!order) return;
    this.orders.delete(orderNo);
    for (const line of order.lines) {
      const set = this.byKey.get(line.key);
      set?.delete(orderNo);
      if (set && set.size === 0) this.byKey.delete(line.key);
    }
  }

  /** Units of `sku` in `inventoryListId` SFCC has sold that WAIR's figure at `asOf` does not reflect. */
  inFlight(inventoryListId: string, sku: string, asOf: number, skewMarginMs = 0): number {
    const set = this.byKey.get(keyOf(inventoryListId, sku));
    if (!set) return 0;
    const key = keyOf(inventoryListId, sku);
    let units = 0;
    for (const orderNo of set) {
      const order = this.orders.get(orderNo);
      if (!order || order.createdAt > asOf + skewMarginMs) continue;
      if (order.acceptedAt !== undefined && order.acceptedAt <= asOf) continue;
      units += order.lines.find((l) => l.key === key)?.quantity ?? 0;
    }
    return units;
  }

  /** (list, SKU) pairs an order touches, e.g. to recompute allocations when it arrives. */
  linesOf(orderNo: string): Array<{ inventoryListId: string; sku: string }> {
    return (this.orders.get(orderNo)?.lines ?? []).map((l) => {
      const [inventoryListId = '', sku = ''] = l.key.split('\u0000');
      return { inventoryListId, sku };
    });
  }

  /** Drops orders that can no longer matter (see the retention options). Returns how many. */
  prune(now: number): number {
    let dropped = 0;
    for (const [orderNo, order] of this.orders) {
      const stale =
        order.acceptedAt !== undefined
          ? order.acceptedAt < now - this.closedRetentionMs
          : order.createdAt < now - this.openRetentionMs;
      if (stale) {
        this.remove(orderNo);
        dropped += 1;
      }
    }
    return dropped;
  }

  /** Orders held. */
  size(): number {
    return this.orders.size;
  }

  private evictOldest(count: number): void {
    const oldest = [...this.orders].sort((a, b) => a[1].createdAt - b[1].createdAt).slice(0, count);
    for (const [orderNo] of oldest) this.remove(orderNo);
  }
}
