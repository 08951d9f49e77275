/**
 * The WAIR write-side bodies this project sends, in one place. Names follow WAIR's published
 * conventions (`id` technical key, `code` business key, camelCase, `…Code` references,
 * `…DateTime` ISO timestamps). If a WAIR deployment spells a field differently, this file and
 * {@link WAIR_PATHS} are the only places to change; the mappers only fill these shapes.
 */

/** WAIR endpoint paths (relative to the WAIR base URL). */
export const WAIR_PATHS = {
  batchStart: '/api/v1/Batch/start',
  batchStop: '/api/v1/Batch/stop',
  sales: '/api/v1/Sales',
  stockNotForReplenishment: '/api/v1/StockNotForReplenishment',
} as const;

/** `POST /api/v1/Sales` body: one sale per element, upserted by `id` (full object each time). */
export type WairSalesBody = WairSale[];

/** One online order as a WAIR sale at the webshop location. */
export interface WairSale {
  /** Idempotency key: the SFCC order number (or `<orderNo>-CANCEL` for a cancellation). */
  id: string;
  /** Business reference shown in WAIR: the SFCC order number. */
  code: string;
  saleType: 'ONLINE_ORDER' | 'ONLINE_CANCELLATION';
  /** For a cancellation, the `id` of the sale it reverses; null otherwise. */
  originalSaleId: string | null;
  locationCode: string;
  channelCode: string;
  saleDateTime: string;
  currencyCode: string;
  totalAmount: number | null;
  /** Personal data: allowed here because WAIR fulfils the order; never on Kafka or in logs. */
  customer: WairCustomer;
  deliveryAddress: WairAddress | null;
  invoiceAddress: WairAddress | null;
  lines: WairSaleLine[];
}

export interface WairSaleLine {
  /** `<orderNo>-<itemId>`: stable across resends. */
  id: string;
  lineNumber: number;
  skuCode: string;
  /** Negative on a cancellation. */
  quantity: number;
  unitPrice: number | null;
  lineAmount: number | null;
}

export interface WairCustomer {
  code: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface WairAddress {
  name: string | null;
  companyName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postCode: string | null;
  region: string | null;
  countryCode: string | null;
  phone: string | null;
}

/** `POST /api/v1/StockNotForReplenishment` body: open online order allocations. */
export interface WairStockNotForReplenishmentBody {
  /** True: these rows replace every open allocation WAIR holds; false: upsert just these. */
  fullLoad: boolean;
  records: WairStockNotForReplenishmentRow[];
}

export interface WairStockNotForReplenishmentRow {
  /** `<orderNo>-<itemId>`: one allocation per order line. */
  id: string;
  orderNumber: string;
  skuCode: string;
  locationCode: string;
  /** Units still to dispatch; 0 releases the allocation. */
  quantity: number;
}
