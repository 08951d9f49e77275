import type { WairSale, WairStockNotForReplenishmentBody } from './wair-api.model';

/** WAIR's verdict on one sale of a `POST /Sales` request. */
export interface WairSaleResult {
  id: string;
  accepted: boolean;
  /** Why WAIR refused it (field path and rule, never personal data); present when not accepted. */
  reason?: string;
  /**
   * Accepted sales: when WAIR's stock figures took in the sale (epoch ms, from the answer's
   * `reservedDateTime`, on WAIR's clock like the figures' own times). A repeat of a sale answers
   * the original time. Undefined when WAIR did not say.
   */
  reservedAt?: number;
}

/**
 * The WAIR write side the bridge uses: every upload cycle is `startBatch` → `postSales` /
 * `postStockNotForReplenishment` → `stopBatch`. Failures surface as `UpstreamCallError` (system
 * `WAIR`) after the adapter's own bounded retries. Sales are upserted by `id`, so resending a
 * whole cycle after a crash is safe.
 */
export interface WairSalesPort {
  startBatch(): Promise<void>;
  stopBatch(): Promise<void>;
  /** Per-sale verdicts; a request WAIR refuses as a whole throws instead. */
  postSales(sales: WairSale[]): Promise<WairSaleResult[]>;
  postStockNotForReplenishment(body: WairStockNotForReplenishmentBody): Promise<void>;
}
