import { pairKey, type ListMapping, type WairChange } from './inventory-model';

/** SFCC calls spent on WAIR changes, against the least a batching writer could have spent. */
export interface ApiEconomy {
  changes: number;
  calls: number;
  /** Records SFCC accepted (one per list and SKU written); ÷ calls shows how full batches were. */
  recordsWritten: number;
  recordsPerCall: number;
  callsPer1000Changes: number;
  distinctPairs: number;
  /** ⌈distinct (list, SKU) pairs ÷ batch size⌉: every changed record written once, full batches. */
  lowerBoundCalls: number;
  lowerBoundPer1000Changes: number;
  /** calls ÷ lower bound; 1 is perfect. */
  overLowerBound: number;
}

/** Distinct (list, SKU) pairs the changes touched (a location feeds one list). */
export function distinctPairs(changes: readonly WairChange[], lists: readonly ListMapping[]): number {
  const listOf = new Map<string, string>();
  for (const list of lists) for (const loc of list.locations) listOf.set(loc, list.listId);
  const pairs = new Set<string>();
  for (const c of changes) {
    const listId = listOf.get(c.location);
    if (listId) pairs.add(pairKey(listId, c.sku));
  }
  return pairs.size;
}

export function apiEconomy(
  changes: number,
  calls: number,
  pairs: number,
  recordsWritten: number,
  batchSize = 50,
): ApiEconomy {
  const lowerBoundCalls = Math.ceil(pairs / batchSize);
  const per1000 = (n: number) => (changes === 0 ? NaN : (1000 * n) / changes);
  return {
    changes,
    calls,
    recordsWritten,
    recordsPerCall: calls === 0 ? NaN : recordsWritten / calls,
    callsPer1000Changes: per1000(calls),
    distinctPairs: pairs,
    lowerBoundCalls,
    lowerBoundPer1000Changes: per1000(lowerBoundCalls),
    overLowerBound: lowerBoundCalls === 0 ? NaN : calls / lowerBoundCalls,
  };
}
