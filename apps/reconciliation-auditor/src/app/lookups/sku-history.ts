import type { InventorySync, StockLevel, SyncOutcome, WriteChannel } from '@wair-sfcc/contracts';

/** One change of a SKU: a new WAIR figure, or one SFCC list write and its outcome. */
export type SkuChange =
  | {
      kind: 'WAIR_FIGURE';
      /** WAIR time of the figure. */
      at: number;
      sourceSequence: number;
      origin: string;
      /** Available units per location, and their total. */
      available: number;
      locations: Array<{ locationCode: string; available: number }>;
    }
  | {
      kind: 'SFCC_WRITE';
      /** When the write finished. */
      at: number;
      inventoryListId: string;
      allocation: number;
      outcome: SyncOutcome;
      error: string | null;
      channel: WriteChannel;
      /** asOf of the WAIR figure the allocation came from. */
      sourceAsOf: number;
    };

export interface SkuHistoryOptions {
  /** SKUs followed; the least recently changed is forgotten first. Default 5,000. */
  maxSkus?: number;
  /** Changes kept per SKU (a ring). Default 20. */
  perSku?: number;
}

/** `seen` is as new as `next` or newer: the same figure, or the same list written at or after it. */
function covers(seen: SkuChange, next: SkuChange): boolean {
  if (seen.kind === 'WAIR_FIGURE' && next.kind === 'WAIR_FIGURE') {
    return seen.at > next.at || (seen.at === next.at && seen.sourceSequence >= next.sourceSequence);
  }
  if (seen.kind === 'SFCC_WRITE' && next.kind === 'SFCC_WRITE') {
    return seen.inventoryListId === next.inventoryListId && seen.at >= next.at;
  }
  return false;
}

/**
 * The last changes of recently changed SKUs, fed from the stock and inventory-sync change feeds.
 * Memory is bounded by `maxSkus` × `perSku` entries (defaults: 5,000 × 20 = 100,000 entries,
 * about 20 MiB at worst, measured); a SKU not changed since thousands of others were is forgotten
 * (the look-up still shows its current figure and last write from the tables).
 */
export function createSkuHistory(options: SkuHistoryOptions = {}) {
  const maxSkus = options.maxSkus ?? 5_000;
  const perSku = options.perSku ?? 20;
  // Map order is recency order: a changed SKU is re-inserted at the end, the first is evicted.
  const rings = new Map<string, SkuChange[]>();

  const add = (sku: string, change: SkuChange) => {
    const ring = rings.get(sku) ?? [];
    // A sync record repeats the other lists' last writes, and compacted topics replay at every start.
    if (ring.some((c) => covers(c, change))) return;
    ring.push(change);
    if (ring.length > perSku) ring.shift();
    rings.delete(sku);
    rings.set(sku, ring);
    if (rings.size > maxSkus) rings.delete(rings.keys().next().value as string);
  };

  return {
    onStock(sku: string, figure: StockLevel | undefined): void {
      if (!figure) return;
      const locations = figure.locations.map((l) => ({
        locationCode: l.locationCode,
        available: l.available,
      }));
      add(sku, {
        kind: 'WAIR_FIGURE',
        at: figure.asOf,
        sourceSequence: figure.sourceSequence,
        origin: figure.origin,
        available: locations.reduce((sum, l) => sum + l.available, 0),
        locations,
      });
    },
    onSync(sku: string, sync: InventorySync | undefined): void {
      for (const l of sync?.lists ?? []) {
        add(sku, {
          kind: 'SFCC_WRITE',
          at: l.writtenAt,
          inventoryListId: l.inventoryListId,
          allocation: l.allocation,
          outcome: l.outcome,
          error: l.error,
          channel: l.channel,
          sourceAsOf: l.sourceAsOf,
        });
      }
    },
    /** Changes of a SKU, newest first (empty when it has not changed recently). */
    of(sku: string): SkuChange[] {
      return [...(rings.get(sku) ?? [])].sort((a, b) => b.at - a.at);
    },
    /** SKUs followed now (≤ maxSkus). */
    size: () => rings.size,
    limits: { maxSkus, perSku },
  };
}

export type SkuHistory = ReturnType<typeof createSkuHistory>;
