import type { InventoryListMapping } from './inventory-list-mapping';

/** The part of a WAIR stock figure the formula reads. */
export interface StockFigure {
  sku: string;
  asOf: number;
  sourceSequence: number;
  locations: ReadonlyArray<{ locationCode: string; available: number }>;
}

export interface AllocationInputs {
  list: InventoryListMapping;
  figure: StockFigure;
  /** inFlight(L, sku, asOf): units SFCC already sold that WAIR had not accepted at `asOf`. */
  inFlight: number;
  /** buffer(L, sku): safety stock. */
  buffer: number;
}

/** An allocation and how it was reached (for logs, sync reports and Ops explanations). */
export interface Allocation {
  inventoryListId: string;
  sku: string;
  /** max(0, available − inFlight − buffer), a whole number. */
  allocation: number;
  /** SFCC `allocation.reset_date` = the figure's `asOf`. */
  resetDate: number;
  asOf: number;
  sourceSequence: number;
  available: number;
  inFlight: number;
  buffer: number;
}

/**
 * allocation(L, sku) = max(0, Σ available(loc ∈ S(L)) − inFlight(L, sku, asOf) − buffer(L, sku)),
 * reset_date = asOf. Locations outside S(L) do not count for L; negative availability at one
 * location (WAIR oversold there) lowers the sum, as it does in WAIR.
 */
export function computeAllocation(inputs: AllocationInputs): Allocation {
  const { list, figure } = inputs;
  const set = new Set(list.locations);
  let available = 0;
  for (const loc of figure.locations) if (set.has(loc.locationCode)) available += loc.available;
  const inFlight = Math.max(0, inputs.inFlight);
  const buffer = Math.max(0, inputs.buffer);
  return {
    inventoryListId: list.inventoryListId,
    sku: figure.sku,
    allocation: Math.max(0, Math.floor(available - inFlight - buffer)),
    resetDate: figure.asOf,
    asOf: figure.asOf,
    sourceSequence: figure.sourceSequence,
    available,
    inFlight,
    buffer,
  };
}

/** The locations of a figure that feed no list (and are not declared as knowingly unmapped). */
export function unknownLocations(
  figure: Pick<StockFigure, 'locations'>,
  known: ReadonlySet<string>,
): string[] {
  return figure.locations.map((l) => l.locationCode).filter((code) => !known.has(code));
}
