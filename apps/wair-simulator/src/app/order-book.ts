import type { SimCatalogue } from '@wair-sfcc/sim-catalogue';
import type { DispatchBook, DispatchRecord } from './dispatch-book';
import { describeIssue, saleSchema, type SaleInput, type SnfrInput } from './sale.schema';
import type { StockModel, StockRow } from './stock-model';

/** WAIR's verdict on one sale, as POST /api/v1/Sales returns it. */
export interface SaleVerdict {
  id: string;
  accepted: boolean;
  reason?: string;
  /** Accepted sales: when WAIR's stock figures took in the sale's current reservation (or release). */
  reservedDateTime?: string;
}

/** An accepted sale as /__sim/sales shows it (no personal data is kept). */
export interface SaleEntry {
  id: string;
  code: string;
  saleType: SaleInput['saleType'];
  originalSaleId: string | null;
  locationCode: string;
  /** OPEN (reserved, awaiting dispatch), DISPATCHED, CANCELLED; APPLIED for a cancellation. */
  status: 'OPEN' | 'DISPATCHED' | 'CANCELLED' | 'APPLIED';
  /** Units per SKU as sent (negative for a cancellation). */
  lines: Record<string, number>;
  /** Units per SKU still reserved and to be dispatched. */
  open: Record<string, number>;
  /** How many POSTs carried this id and were accepted; stock changed on the first only. */
  acceptedPosts: number;
  acceptedAt: string;
  /**
   * When the stock rows took in the current reservation: the acceptance, or a later resend that
   * moved it. A repeat answers this time, so a client that lost the first answer still learns when
   * WAIR's figures began to hold the sale.
   */
  reservedAt: string;
  dueAt: number;
}

export interface OrderBookDeps {
  catalogue: SimCatalogue;
  model: StockModel;
  dispatches: DispatchBook;
  clock: () => number;
  emit: (event: 'stock.changed' | 'order.dispatched', payload: StockRow | DispatchRecord) => void;
  settings: { delayMs: number; splitRate: number };
}

const merge = (lines: SaleInput['lines']): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.skuCode] = (out[l.skuCode] ?? 0) + l.quantity;
  return out;
};

/**
 * Orders WAIR received through POST /Sales: accepting one reserves its stock, a cancellation
 * releases what is still open, and `fulfilDue` dispatches orders whose delay has passed. Upserts
 * by id: a repeated id never reserves twice.
 */
export function createOrderBook(deps: OrderBookDeps) {
  const { model, clock, emit } = deps;
  const skus = new Set(deps.catalogue.skus.map((s) => s.sku));
  const locations = new Set(deps.catalogue.locations.map((l) => l.code));
  const sales = new Map<string, SaleEntry>();
  const openOrders = new Set<string>();
  const snfr = new Map<string, SnfrInput['records'][number]>();
  const counters = {
    ordersAccepted: 0,
    salePostsAccepted: 0,
    repeatsIgnored: 0,
    rejected: 0,
    cancellations: 0,
    ordersDispatched: 0,
    ordersCancelled: 0,
    snfrRows: 0,
    snfrFullLoads: 0,
  };

  /** Applies one reservation change; returns the stock row's modifiedDateTime. */
  const reserve = (sku: string, loc: string, delta: number): string => {
    const cur = model.get(sku, loc) ?? { onHand: 0, reserved: 0 };
    const kind = delta >= 0 ? 'RESERVE' : 'RELEASE';
    const row = model.set(kind, sku, loc, cur.onHand, Math.max(0, cur.reserved + delta));
    emit('stock.changed', row);
    return row.modifiedDateTime;
  };

  /** Applies every change and returns the newest row time (ISO strings of one format sort by time). */
  const reserveAll = (loc: string, changes: Array<[string, number]>): string => {
    let newest = new Date(clock()).toISOString();
    for (const [sku, qty] of changes) {
      const at = reserve(sku, loc, qty);
      if (at > newest) newest = at;
    }
    return newest;
  };

  /** Why the sale cannot be accepted (field path and rule), or undefined. */
  function problem(sale: SaleInput): string | undefined {
    if (!locations.has(sale.locationCode)) return `locationCode: unknown location "${sale.locationCode}"`;
    const cancel = sale.saleType === 'ONLINE_CANCELLATION';
    for (const [i, line] of sale.lines.entries()) {
      if (!skus.has(line.skuCode)) return `lines[${i}].skuCode: unknown SKU "${line.skuCode}"`;
      if (line.quantity === 0) return `lines[${i}].quantity: must not be 0`;
      if (!cancel && line.quantity < 0) return `lines[${i}].quantity: must be positive on an ONLINE_ORDER`;
      if (cancel && line.quantity > 0)
        return `lines[${i}].quantity: must be negative on an ONLINE_CANCELLATION`;
    }
    const previous = sales.get(sale.id);
    if (previous && previous.saleType !== sale.saleType)
      return `saleType: id "${sale.id}" is already a ${previous.saleType}`;
    if (!cancel) return undefined;
    const original = sale.originalSaleId ? sales.get(sale.originalSaleId) : undefined;
    if (!original || original.saleType !== 'ONLINE_ORDER')
      return `originalSaleId: unknown ONLINE_ORDER "${sale.originalSaleId ?? ''}"`;
    if (!previous && original.status === 'DISPATCHED')
      return `originalSaleId: sale "${original.id}" is already dispatched`;
    return undefined;
  }

  function acceptOrder(sale: SaleInput, previous: SaleEntry | undefined): void {
    const lines = merge(sale.lines);
    if (previous) {
      // A full-object resend of an open order may change its lines: move the reservation.
      const same = JSON.stringify(previous.lines) === JSON.stringify(lines);
      if (previous.status !== 'OPEN' || same) {
        counters.repeatsIgnored += 1;
        return;
      }
      const moves: Array<[string, number]> = [
        ...Object.entries(previous.open).map(([sku, qty]): [string, number] => [sku, -qty]),
        ...Object.entries(lines),
      ];
      previous.lines = lines;
      previous.open = { ...lines };
      previous.reservedAt = reserveAll(previous.locationCode, moves);
      return;
    }
    const now = clock();
    const entry: SaleEntry = {
      id: sale.id,
      code: sale.code,
      saleType: sale.saleType,
      originalSaleId: null,
      locationCode: sale.locationCode,
      status: 'OPEN',
      lines,
      open: { ...lines },
      acceptedPosts: 1,
      acceptedAt: new Date(now).toISOString(),
      reservedAt: new Date(now).toISOString(),
      dueAt: now + deps.settings.delayMs,
    };
    sales.set(sale.id, entry);
    openOrders.add(sale.id);
    counters.ordersAccepted += 1;
    entry.reservedAt = reserveAll(sale.locationCode, Object.entries(lines));
  }

  function applyCancellation(sale: SaleInput, previous: SaleEntry | undefined): void {
    if (previous) {
      counters.repeatsIgnored += 1;
      return;
    }
    const original = sales.get(sale.originalSaleId ?? '') as SaleEntry;
    const lines = merge(sale.lines);
    const releases: Array<[string, number]> = [];
    for (const [sku, qty] of Object.entries(lines)) {
      const release = Math.min(-qty, original.open[sku] ?? 0);
      if (release <= 0) continue;
      original.open[sku] = (original.open[sku] ?? 0) - release;
      if (original.open[sku] === 0) delete original.open[sku];
      releases.push([sku, -release]);
    }
    const releasedAt = reserveAll(original.locationCode, releases);
    if (original.status === 'OPEN' && Object.keys(original.open).length === 0) {
      original.status = 'CANCELLED';
      openOrders.delete(original.id);
      counters.ordersCancelled += 1;
    }
    const now = clock();
    sales.set(sale.id, {
      id: sale.id,
      code: sale.code,
      saleType: sale.saleType,
      originalSaleId: original.id,
      locationCode: sale.locationCode,
      status: 'APPLIED',
      lines,
      open: {},
      acceptedPosts: 1,
      acceptedAt: new Date(now).toISOString(),
      reservedAt: releasedAt,
      dueAt: now,
    });
    counters.cancellations += 1;
  }

  return {
    counters,
    settings: deps.settings,
    /** Validates and upserts each sale in order; one verdict per element. */
    acceptSales(body: unknown[]): SaleVerdict[] {
      return body.map((raw, i) => {
        const rawId = (raw as { id?: unknown } | null)?.id;
        const id = typeof rawId === 'string' && rawId ? rawId : `[${i}]`;
        const parsed = saleSchema.safeParse(raw);
        const reason = parsed.success ? problem(parsed.data) : describeIssue(parsed.error).reason;
        if (!parsed.success || reason) {
          counters.rejected += 1;
          return { id, accepted: false, reason };
        }
        const sale = parsed.data;
        const previous = sales.get(sale.id);
        if (sale.saleType === 'ONLINE_ORDER') acceptOrder(sale, previous);
        else applyCancellation(sale, previous);
        if (previous) previous.acceptedPosts += 1;
        counters.salePostsAccepted += 1;
        return {
          id: sale.id,
          accepted: true,
          reservedDateTime: (sales.get(sale.id) as SaleEntry).reservedAt,
        };
      });
    },
    /** Stores open allocations; the field path of the first bad row, or undefined when stored. */
    applySnfr(body: SnfrInput): string | undefined {
      for (const [i, row] of body.records.entries()) {
        if (!skus.has(row.skuCode)) return `records[${i}].skuCode: unknown SKU "${row.skuCode}"`;
        if (!locations.has(row.locationCode))
          return `records[${i}].locationCode: unknown location "${row.locationCode}"`;
      }
      if (body.fullLoad) {
        snfr.clear();
        counters.snfrFullLoads += 1;
      }
      for (const row of body.records) {
        if (row.quantity === 0) snfr.delete(row.id);
        else snfr.set(row.id, row);
      }
      counters.snfrRows += body.records.length;
      return undefined;
    },
    /** Dispatches every open order whose delay has passed; returns the dispatches made. */
    fulfilDue(): DispatchRecord[] {
      const now = clock();
      const made: DispatchRecord[] = [];
      for (const id of openOrders) {
        const order = sales.get(id) as SaleEntry;
        if (order.dueAt > now) continue;
        openOrders.delete(id);
        const lines = Object.entries(order.open).map(([skuCode, quantity]) => ({ skuCode, quantity }));
        order.open = {};
        order.status = 'DISPATCHED';
        counters.ordersDispatched += 1;
        const shipped = deps.dispatches.dispatchOrder(order.code, lines, {
          splitRate: deps.settings.splitRate,
          locationCode: order.locationCode,
        });
        for (const d of shipped.dispatches) emit('order.dispatched', d);
        for (const s of shipped.stock) emit('stock.changed', s);
        made.push(...shipped.dispatches);
      }
      return made;
    },
    sale: (id: string): SaleEntry | undefined => sales.get(id),
    sales: (): SaleEntry[] => [...sales.values()],
    snfrOpen: () => [...snfr.values()],
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;
