import {
  UpstreamCallError,
  type WairSale,
  type WairSaleResult,
  type WairSalesPort,
  type WairStockNotForReplenishmentBody,
  type WairStockNotForReplenishmentRow,
} from '@wair-sfcc/order-domain';

export interface InMemoryWairSalesOptions {
  /** A reason to refuse a sale (field path and rule), or undefined to accept it. */
  reject?: (sale: WairSale) => string | undefined;
  /** WAIR's clock: when given, accepted sales answer `reservedAt` (first acceptance, kept on repeats). */
  clock?: () => number;
}

/** An in-memory WairSalesPort with the simulator's rules: batch required, upsert by sale id. */
export interface InMemoryWairSales extends WairSalesPort {
  /** Latest full object per accepted sale id. */
  readonly sales: Map<string, WairSale>;
  /** How many accepted posts carried each id. */
  readonly acceptedPosts: Map<string, number>;
  /** Open allocations by row id. */
  readonly stockNotForReplenishment: Map<string, WairStockNotForReplenishmentRow>;
  readonly counters: { batchesStarted: number; batchesStopped: number; rejected: number; snfrRows: number };
  batchOpen(): boolean;
  /** The next calls of `operation` (e.g. 'postSales') throw these errors, in order. */
  failNext(operation: keyof WairSalesPort, ...errors: Error[]): void;
  /** Closes the open batch as an idle timeout would. */
  expireBatch(): void;
}

export function createInMemoryWairSales(options: InMemoryWairSalesOptions = {}): InMemoryWairSales {
  const sales = new Map<string, WairSale>();
  const acceptedPosts = new Map<string, number>();
  const reservedAt = new Map<string, number>();
  const stockNotForReplenishment = new Map<string, WairStockNotForReplenishmentRow>();
  const counters = { batchesStarted: 0, batchesStopped: 0, rejected: 0, snfrRows: 0 };
  const failures = new Map<string, Error[]>();
  let open = false;

  const enter = (operation: keyof WairSalesPort, needsBatch: boolean): void => {
    const queued = failures.get(operation)?.shift();
    if (queued) throw queued;
    if (needsBatch && !open)
      throw new UpstreamCallError('WAIR', operation, 409, true, 'no_batch_started: No batch is started');
  };

  return {
    sales,
    acceptedPosts,
    stockNotForReplenishment,
    counters,
    batchOpen: () => open,
    failNext(operation, ...errors) {
      failures.set(operation, [...(failures.get(operation) ?? []), ...errors]);
    },
    expireBatch() {
      open = false;
    },
    async startBatch() {
      enter('startBatch', false);
      open = true;
      counters.batchesStarted += 1;
    },
    async stopBatch() {
      enter('stopBatch', true);
      open = false;
      counters.batchesStopped += 1;
    },
    async postSales(batch: WairSale[]): Promise<WairSaleResult[]> {
      enter('postSales', true);
      return batch.map((sale) => {
        const reason = options.reject?.(sale);
        if (reason) {
          counters.rejected += 1;
          return { id: sale.id, accepted: false, reason };
        }
        sales.set(sale.id, structuredClone(sale));
        acceptedPosts.set(sale.id, (acceptedPosts.get(sale.id) ?? 0) + 1);
        if (!options.clock) return { id: sale.id, accepted: true };
        if (!reservedAt.has(sale.id)) reservedAt.set(sale.id, options.clock());
        return { id: sale.id, accepted: true, reservedAt: reservedAt.get(sale.id) as number };
      });
    },
    async postStockNotForReplenishment(body: WairStockNotForReplenishmentBody) {
      enter('postStockNotForReplenishment', true);
      if (body.fullLoad) stockNotForReplenishment.clear();
      for (const row of body.records) {
        if (row.quantity === 0) stockNotForReplenishment.delete(row.id);
        else stockNotForReplenishment.set(row.id, { ...row });
      }
      counters.snfrRows += body.records.length;
    },
  };
}
