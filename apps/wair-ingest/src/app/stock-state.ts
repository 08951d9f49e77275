import type { LocationStock, StockLevel, StockOrigin } from '@wair-sfcc/contracts';
import type { StockRecord } from './wair-record.schemas';

/**
 * Per-SKU stock as last published: every location's figures with their WAIR sequence. A record is
 * applied only when its sequence is newer than the one held for its (SKU, location), so duplicates
 * and late arrivals never overwrite a newer figure.
 */
export function createStockState() {
  const skus = new Map<string, Map<string, LocationStock>>();

  const toLevel = (sku: string, origin: StockOrigin, ingestedAt: number): StockLevel => {
    const locations = [...(skus.get(sku)?.values() ?? [])].sort((a, b) =>
      a.locationCode.localeCompare(b.locationCode),
    );
    return {
      sku,
      locations,
      asOf: Math.max(...locations.map((l) => l.modifiedAt)),
      // The sum, not the newest: a late record of one location (a lost webhook the poll brought
      // back) must make a newer version even when another location already holds a higher
      // sequence, or consumers that compare versions would take the corrected figure for a repeat.
      sourceSequence: locations.reduce((sum, l) => sum + l.sequence, 0),
      origin,
      ingestedAt,
    };
  };

  return {
    /** Restores a SKU from its record on the stock topic (at start). */
    load(level: StockLevel): void {
      skus.set(level.sku, new Map(level.locations.map((l) => [l.locationCode, { ...l }])));
    },
    /** Applies a record; returns the full per-SKU level to publish, or undefined for a stale one. */
    apply(record: StockRecord, origin: StockOrigin, ingestedAt: number): StockLevel | undefined {
      const locations = skus.get(record.skuCode) ?? new Map<string, LocationStock>();
      const held = locations.get(record.locationCode);
      if (held && held.sequence >= record.sequence) return undefined;
      locations.set(record.locationCode, {
        locationCode: record.locationCode,
        onHand: record.onHand,
        reserved: record.reserved,
        available: record.available,
        modifiedAt: Date.parse(record.modifiedDateTime),
        sequence: record.sequence,
      });
      skus.set(record.skuCode, locations);
      return toLevel(record.skuCode, origin, ingestedAt);
    },
    /** The current level of a SKU (to publish it again after a failed send). */
    current(sku: string, origin: StockOrigin, ingestedAt: number): StockLevel | undefined {
      return skus.has(sku) ? toLevel(sku, origin, ingestedAt) : undefined;
    },
    size: () => skus.size,
  };
}

export type StockState = ReturnType<typeof createStockState>;
