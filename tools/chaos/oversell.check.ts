import type { InventoryListMapping } from '@wair-sfcc/inventory-domain';
import type { SfccOrderView, WairChangeEntry, WairStockSku } from './sim-control';

/** WAIR change kinds that are the effect of orders (reservation, release, dispatch), not supply. */
const ORDER_KINDS = new Set(['RESERVE', 'RELEASE', 'DISPATCH']);

export interface TimeWindow {
  from: number;
  to: number;
}

export interface OversellResult {
  orderLines: number;
  unitsSold: number;
  /** Units sold while WAIR could not cover them, whatever the cause. */
  oversoldUnits: number;
  /** ...of which the order came within `syncWindowMs` after WAIR's figure dropped (propagation race). */
  inSyncWindow: number;
  /** ...of which the order came during an injected fault window (or `syncWindowMs` after it). */
  inFaultWindow: number;
  /** ...the rest: must be 0. */
  outsideWindows: number;
  /** The longest time from a WAIR drop to an order that oversold it (ms), as the report's window. */
  longestWindowMs: number;
  /** The first oversold lines outside any window, to look into. */
  outside: Array<{ orderNo: string; sku: string; units: number; at: string; sinceDropMs: number }>;
}

interface SkuLedger {
  available: Map<string, number>;
  /** Units of SFCC order lines WAIR has not reserved yet, oldest first. */
  pending: number[];
  lastDropAt: number;
}

/**
 * Invariant (b), replayed from the simulators: WAIR's change log over its figures at the start,
 * merged in time with the storefront's orders. An order line oversells by the units WAIR could not
 * cover when SFCC accepted it: Σ available at the list's locations minus the units of earlier
 * orders WAIR had not reserved yet (each RESERVE entry takes the oldest pending line of its SKU).
 */
export function countOversold(options: {
  initial: readonly WairStockSku[];
  changes: readonly WairChangeEntry[];
  orders: readonly SfccOrderView[];
  lists: readonly InventoryListMapping[];
  defaultList: string;
  syncWindowMs: number;
  faultWindows: readonly TimeWindow[];
  /** Only orders placed from this time on are counted (earlier ones still take their units). */
  countFrom?: number;
}): OversellResult {
  const listLocations = new Map(options.lists.map((l) => [l.inventoryListId, new Set(l.locations)]));
  const ledgers = new Map<string, SkuLedger>();
  const ledger = (sku: string): SkuLedger => {
    let l = ledgers.get(sku);
    if (!l) ledgers.set(sku, (l = { available: new Map(), pending: [], lastDropAt: -Infinity }));
    return l;
  };
  for (const s of options.initial)
    for (const loc of s.locations) ledger(s.skuCode).available.set(loc.locationCode, loc.available);

  type Event = { at: number; order: number } & (
    | { type: 'change'; c: WairChangeEntry }
    | { type: 'line'; orderNo: string; sku: string; qty: number; listId: string }
  );
  const events: Event[] = [];
  for (const c of options.changes) events.push({ at: Date.parse(c.at), order: 0, type: 'change', c });
  for (const o of options.orders) {
    if (o.status === 'cancelled') continue;
    for (const line of o.productItems)
      if (line.productId !== undefined && line.quantity > 0)
        events.push({
          at: Date.parse(o.creationDate),
          order: 1,
          type: 'line',
          orderNo: o.orderNo,
          sku: line.productId,
          qty: line.quantity,
          listId: line.inventoryListId ?? options.defaultList,
        });
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);

  const result: OversellResult = {
    orderLines: 0,
    unitsSold: 0,
    oversoldUnits: 0,
    inSyncWindow: 0,
    inFaultWindow: 0,
    outsideWindows: 0,
    longestWindowMs: 0,
    outside: [],
  };
  const webLocations = listLocations.get(options.defaultList) ?? new Set<string>();
  const sumAt = (l: SkuLedger, locs: ReadonlySet<string>) => {
    let n = 0;
    for (const [loc, v] of l.available) if (locs.has(loc)) n += v;
    return n;
  };
  for (const e of events) {
    if (e.type === 'change') {
      const l = ledger(e.c.skuCode);
      const before = sumAt(l, webLocations);
      l.available.set(e.c.locationCode, e.c.onHand - e.c.reserved);
      if (e.c.kind === 'RESERVE') l.pending.shift();
      else if (!ORDER_KINDS.has(e.c.kind) && sumAt(l, webLocations) < before) l.lastDropAt = e.at;
      continue;
    }
    const l = ledger(e.sku);
    const locs = listLocations.get(e.listId) ?? new Set<string>();
    const pending = l.pending.reduce((a, b) => a + b, 0);
    const cover = Math.max(0, sumAt(l, locs) - pending);
    const short = Math.max(0, e.qty - cover);
    l.pending.push(e.qty);
    if (e.at < (options.countFrom ?? -Infinity)) continue;
    result.orderLines += 1;
    result.unitsSold += e.qty;
    if (short === 0) continue;
    result.oversoldUnits += short;
    const sinceDrop = e.at - l.lastDropAt;
    if (sinceDrop <= options.syncWindowMs) {
      result.inSyncWindow += short;
      result.longestWindowMs = Math.max(result.longestWindowMs, sinceDrop);
    } else if (options.faultWindows.some((w) => e.at >= w.from && e.at <= w.to + options.syncWindowMs))
      result.inFaultWindow += short;
    else {
      result.outsideWindows += short;
      if (result.outside.length < 5)
        result.outside.push({
          orderNo: e.orderNo,
          sku: e.sku,
          units: short,
          at: new Date(e.at).toISOString(),
          sinceDropMs: sinceDrop,
        });
    }
  }
  return result;
}
