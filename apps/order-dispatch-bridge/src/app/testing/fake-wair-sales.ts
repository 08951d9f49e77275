// In-memory WAIR write side for the bridge's unit tests: batch discipline (409 outside a batch),
// sales upserted by id, every call recorded, verdicts and failures injectable.
import {
  UpstreamCallError,
  type WairSale,
  type WairSaleResult,
  type WairSalesPort,
  type WairStockNotForReplenishmentRow,
} from '@wair-sfcc/order-domain';

type Op = keyof WairSalesPort;

/**
 * `now` is WAIR's clock: with it, accepted sales answer `reservedAt` (the first acceptance, kept on
 * repeats, as the simulator does); without it the answers carry no time, as an older WAIR might.
 */
export function createFakeWairSales(now?: () => number) {
  const sales = new Map<string, WairSale>();
  const reservedAt = new Map<string, number>();
  /** Times each sale id was accepted (an upsert counts once in `sales`). */
  const posts = new Map<string, number>();
  const allocations = new Map<string, WairStockNotForReplenishmentRow>();
  const calls: Op[] = [];
  let open = false;
  let failing: (op: Op) => UpstreamCallError | undefined = () => undefined;
  let refuse: (sale: WairSale) => string | undefined = () => undefined;
  // Runs while WAIR "processes" a Sales post (e.g. advances a test clock: the answer comes later).
  let whilePosting: () => void = () => undefined;

  const step = (op: Op, needsBatch: boolean) => {
    calls.push(op);
    const error = failing(op);
    if (error) throw error;
    if (needsBatch && !open) throw new UpstreamCallError('WAIR', op, 409, false, 'no batch started');
  };

  const port: WairSalesPort = {
    async startBatch() {
      step('startBatch', false);
      open = true;
    },
    async stopBatch() {
      step('stopBatch', true);
      open = false;
    },
    async postSales(list): Promise<WairSaleResult[]> {
      step('postSales', true);
      const results = list.map((sale): WairSaleResult => {
        const reason = refuse(sale);
        if (reason) return { id: sale.id, accepted: false, reason };
        sales.set(sale.id, structuredClone(sale));
        posts.set(sale.id, (posts.get(sale.id) ?? 0) + 1);
        if (!now) return { id: sale.id, accepted: true };
        if (!reservedAt.has(sale.id)) reservedAt.set(sale.id, now());
        return { id: sale.id, accepted: true, reservedAt: reservedAt.get(sale.id) as number };
      });
      // WAIR has reserved; its answer reaches the caller only after this.
      whilePosting();
      return results;
    },
    async postStockNotForReplenishment(body) {
      step('postStockNotForReplenishment', true);
      for (const r of body.records) allocations.set(r.id, r);
    },
  };

  return {
    port,
    sales,
    posts,
    allocations,
    calls,
    isBatchOpen: () => open,
    failWith(fn: (op: Op) => UpstreamCallError | undefined) {
      failing = fn;
    },
    whilePosting(fn: () => void) {
      whilePosting = fn;
    },
    refuseWhen(fn: (sale: WairSale) => string | undefined) {
      refuse = fn;
    },
  };
}

export type FakeWairSales = ReturnType<typeof createFakeWairSales>;
