import { classifyPriority, type PriorityClass } from '@wair-sfcc/inventory-domain';

/** One SFCC inventory list and the WAIR locations whose available units it sums. */
export interface ListMapping {
  listId: string;
  locations: readonly string[];
}

/** One entry of the WAIR simulator's change log (`GET /__sim/changes`), times in ms. */
export interface WairChange {
  at: number;
  sku: string;
  location: string;
  onHand: number;
  reserved: number;
  sequence: number;
}

/** One accepted SFCC write from the SFCC simulator's history (`GET /__sim/writes`), times in ms. */
export interface SfccWrite {
  seq: number;
  at: number;
  listId: string;
  productId: string;
  allocation?: number;
  resetDate?: number;
}

/** The true figures of one SKU (`GET /__sim/stock`): available units and change time per location. */
export interface TruthSku {
  sku: string;
  locations: ReadonlyArray<{ location: string; available: number; modifiedAt: number }>;
}

export const pairKey = (listId: string, sku: string): string => `${listId}\u0000${sku}`;

/** The webshop list takes WEB01 + DC01, the stores list every other location (as `npm start`). */
export function listMappings(locationCodes: readonly string[]): ListMapping[] {
  const web = ['WEB01', 'DC01'];
  return [
    { listId: 'inventory_webshop', locations: web.filter((l) => locationCodes.includes(l)) },
    { listId: 'inventory_stores', locations: locationCodes.filter((l) => !web.includes(l)) },
  ];
}

/** The writer's formula without in-flight orders and buffers (the bench runs neither). */
export function allocationOf(available: ReadonlyMap<string, number>, list: ListMapping): number {
  let sum = 0;
  for (const loc of list.locations) sum += available.get(loc) ?? 0;
  return Math.max(0, sum);
}

/** What SFCC should hold per (list, SKU) once everything is written: allocation and reset date. */
export function expectedRecords(
  truth: readonly TruthSku[],
  lists: readonly ListMapping[],
): Map<string, { allocation: number; asOf: number }> {
  const out = new Map<string, { allocation: number; asOf: number }>();
  for (const t of truth) {
    if (t.locations.length === 0) continue;
    const available = new Map(t.locations.map((l) => [l.location, l.available]));
    const asOf = Math.max(...t.locations.map((l) => l.modifiedAt));
    for (const list of lists)
      out.set(pairKey(list.listId, t.sku), { allocation: allocationOf(available, list), asOf });
  }
  return out;
}

/**
 * Pairs whose SFCC record is not (yet) correct: a different allocation, or a reset date older than
 * the SKU's newest WAIR change (the newest figure was not written even if the amount matches).
 */
export function incorrectRecords(
  expected: ReadonlyMap<string, { allocation: number; asOf: number }>,
  held: ReadonlyMap<string, { allocation?: number; resetDate?: number }>,
): string[] {
  const wrong: string[] = [];
  for (const [key, want] of expected) {
    const got = held.get(key);
    if (!got || got.allocation !== want.allocation || (got.resetDate ?? 0) < want.asOf) wrong.push(key);
  }
  return wrong;
}

/** A change's delay to SFCC, for one list it feeds. `latencyMs` null: no write reflects it. */
export interface ChangeLatency {
  listId: string;
  sku: string;
  at: number;
  priority: PriorityClass;
  latencyMs: number | null;
}

/**
 * Replays WAIR's change log over the figures at its start and finds, for each change and the list
 * its location feeds, the first SFCC write of that (list, SKU) whose reset date (= the figure's
 * WAIR time) is at or after the change. The priority class is the writer's rule applied from the
 * outside: the allocation after the change against the one before it.
 */
export function changeLatencies(options: {
  initial: readonly TruthSku[];
  changes: readonly WairChange[];
  writes: readonly SfccWrite[];
  lists: readonly ListMapping[];
  lowStockThreshold: number;
}): ChangeLatency[] {
  const state = new Map<string, Map<string, number>>();
  for (const t of options.initial)
    state.set(t.sku, new Map(t.locations.map((l) => [l.location, l.available])));
  const listOf = new Map<string, ListMapping>();
  for (const list of options.lists) for (const loc of list.locations) listOf.set(loc, list);
  const byPair = new Map<string, SfccWrite[]>();
  for (const w of [...options.writes].sort((a, b) => a.seq - b.seq)) {
    if (w.resetDate === undefined) continue;
    const key = pairKey(w.listId, w.productId);
    const list = byPair.get(key) ?? [];
    list.push(w);
    byPair.set(key, list);
  }
  const out: ChangeLatency[] = [];
  for (const c of options.changes) {
    const available = state.get(c.sku) ?? new Map<string, number>();
    state.set(c.sku, available);
    const list = listOf.get(c.location);
    const before = list ? allocationOf(available, list) : 0;
    available.set(c.location, c.onHand - c.reserved);
    if (!list) continue;
    const after = allocationOf(available, list);
    const first = byPair.get(pairKey(list.listId, c.sku))?.find((w) => (w.resetDate as number) >= c.at);
    out.push({
      listId: list.listId,
      sku: c.sku,
      at: c.at,
      priority: classifyPriority(after, before, options.lowStockThreshold),
      latencyMs: first ? first.at - c.at : null,
    });
  }
  return out;
}

/**
 * Seconds from `from` until the last change was reflected in SFCC; null when some change never
 * was (or there were none).
 */
export function lastReflectedAfter(latencies: readonly ChangeLatency[], from: number): number | null {
  if (latencies.length === 0 || latencies.some((l) => l.latencyMs === null)) return null;
  const last = Math.max(...latencies.map((l) => l.at + (l.latencyMs as number)));
  return Math.max(0, (last - from) / 1000);
}
