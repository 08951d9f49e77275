import type { SimCatalogue } from '@wair-sfcc/sim-catalogue';

/** One (SKU, location) row as the StockLevels feed returns it. */
export interface StockRow {
  skuCode: string;
  locationCode: string;
  onHand: number;
  reserved: number;
  available: number;
  modifiedDateTime: string;
  sequence: number;
}

/** One entry of the change log kept for inspection. */
export interface ChangeEntry {
  at: string;
  kind: string;
  skuCode: string;
  locationCode: string;
  onHand: number;
  reserved: number;
  sequence: number;
}

interface Cell {
  onHand: number;
  reserved: number;
  modifiedAt: number;
  sequence: number;
}

const key = (sku: string, loc: string): string => `${sku}\u0000${loc}`;

/**
 * WAIR's stock: per (SKU, location) figures with a per-SKU increasing sequence. Rows are kept in a
 * Map re-inserted on every change, so iteration order is modification order: FromModifiedDateTime
 * queries are a scan, and a row changed while a client pages moves to the end (read again; Offset
 * steps across two reads can still skip a row, see docs/wair-contract.md "Paging").
 */
export function createStockModel(
  catalogue: SimCatalogue,
  clock: () => number,
  logLimit = 200_000,
  /** Sequences start above this; see SEQUENCE_BASE in the simulator's config. */
  sequenceBase = 0,
) {
  const rows = new Map<string, Cell & { sku: string; loc: string }>();
  const skuSequence = new Map<string, number>();
  const log: ChangeEntry[] = [];
  // Rows in modification order, rebuilt after a change: a feed page is a binary search and a slice
  // instead of a scan of every row (3,000,000 rows at 1,000,000 SKUs × 3 locations).
  let ordered: Array<Cell & { sku: string; loc: string }> | undefined;
  let lastTime = 0;
  const now = (): number => (lastTime = Math.max(lastTime, clock()));

  const toRow = (c: Cell & { sku: string; loc: string }): StockRow => ({
    skuCode: c.sku,
    locationCode: c.loc,
    onHand: c.onHand,
    reserved: c.reserved,
    available: c.onHand - c.reserved,
    modifiedDateTime: new Date(c.modifiedAt).toISOString(),
    sequence: c.sequence,
  });

  function set(kind: string, sku: string, loc: string, onHand: number, reserved: number): StockRow {
    const sequence = (skuSequence.get(sku) ?? sequenceBase) + 1;
    skuSequence.set(sku, sequence);
    const cell = {
      sku,
      loc,
      onHand,
      reserved: Math.min(reserved, Math.max(onHand, 0)),
      modifiedAt: now(),
      sequence,
    };
    rows.delete(key(sku, loc));
    rows.set(key(sku, loc), cell);
    ordered = undefined;
    const row = toRow(cell);
    log.push({
      at: row.modifiedDateTime,
      kind,
      skuCode: sku,
      locationCode: loc,
      onHand,
      reserved: cell.reserved,
      sequence,
    });
    // Trimmed in steps, not on every change: dropping one entry from the front moves all the others.
    if (log.length > 2 * logLimit) log.splice(0, log.length - logLimit);
    return row;
  }

  return {
    catalogue,
    set,
    get(sku: string, loc: string): StockRow | undefined {
      const cell = rows.get(key(sku, loc));
      return cell ? toRow(cell) : undefined;
    },
    /** Rows modified at or after `from` (all when undefined), oldest first. */
    changedSince(from: number | undefined): StockRow[] {
      const out: StockRow[] = [];
      for (const cell of rows.values())
        if (from === undefined || cell.modifiedAt >= from) out.push(toRow(cell));
      return out;
    },
    /** One page of the rows modified at or after `from` (all when undefined), oldest first, and their count. */
    pageSince(from: number | undefined, offset: number, limit: number): { rows: StockRow[]; total: number } {
      const all = (ordered ??= [...rows.values()]);
      // modifiedAt never decreases along the modification order (the clock is kept monotonic).
      let [lo, hi] = [0, all.length];
      while (from !== undefined && lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((all[mid] as Cell).modifiedAt < from) lo = mid + 1;
        else hi = mid;
      }
      const start = from === undefined ? 0 : lo;
      return {
        rows: all.slice(start + offset, start + offset + limit).map(toRow),
        total: all.length - start,
      };
    },
    /** True figures of one SKU at every location, with its current sequence. */
    truth(sku: string) {
      const locations = catalogue.locations
        .map((l) => rows.get(key(sku, l.code)))
        .filter((c): c is NonNullable<typeof c> => c !== undefined)
        .map(toRow);
      return { skuCode: sku, sequence: skuSequence.get(sku) ?? sequenceBase, locations };
    },
    changes: (since?: number) => (since === undefined ? log : log.filter((e) => Date.parse(e.at) >= since)),
    changeCount: () => log.length,
  };
}

export type StockModel = ReturnType<typeof createStockModel>;
