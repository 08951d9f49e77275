/**
 * The simulators' `/__sim/` control and inspection APIs, as the chaos runner reads and drives
 * them from the outside (truth, change log, write history, orders, sales, e-mails, faults).
 */

async function call<T>(base: string, method: string, path: string, body?: unknown, retry = true): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      // A pooled keep-alive connection the simulator closed meanwhile fails once; try again.
      if (!retry || attempt >= 3) {
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        throw new Error(`${method} ${base}${path}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`);
      }
      await new Promise((r) => setTimeout(r, 300));
      continue;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${base}${path} → HTTP ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** One row of WAIR's truth (`GET /__sim/stock`). */
export interface WairStockSku {
  skuCode: string;
  sequence?: number;
  locations: Array<{
    locationCode: string;
    onHand: number;
    reserved: number;
    available: number;
    modifiedDateTime: string;
  }>;
}

/** One entry of WAIR's change log (`GET /__sim/changes`). */
export interface WairChangeEntry {
  at: string;
  kind: string;
  skuCode: string;
  locationCode: string;
  onHand: number;
  reserved: number;
  sequence: number;
}

/** One sale WAIR accepted through `POST /Sales` (`GET /__sim/sales`). */
export interface WairSaleEntry {
  id: string;
  code: string;
  saleType: string;
  status: string;
  lines: Record<string, number>;
  acceptedPosts: number;
}

export interface WairSalesView {
  counters: Record<string, number>;
  sales: WairSaleEntry[];
}

export interface WairCounters {
  requests: Record<string, number>;
  faults: Record<string, number>;
  changesGenerated?: number;
  [key: string]: unknown;
}

export function wairSim(base: string) {
  return {
    base,
    stock: () => call<WairStockSku[]>(base, 'GET', '/__sim/stock'),
    changes: (since?: number) =>
      call<WairChangeEntry[]>(
        base,
        'GET',
        since === undefined
          ? '/__sim/changes'
          : `/__sim/changes?since=${encodeURIComponent(new Date(since).toISOString())}`,
      ),
    counters: () => call<WairCounters>(base, 'GET', '/__sim/counters'),
    sales: () => call<WairSalesView>(base, 'GET', '/__sim/sales'),
    faults: (settings: Record<string, unknown>) => call(base, 'PUT', '/__sim/faults', settings),
    stream: (settings: { changesPerSecond?: number; dispatchEvery?: number }) =>
      call(base, 'PUT', '/__sim/stream', settings),
    webhooks: (settings: { lossRate?: number; duplicateRate?: number; reorderRate?: number; url?: string }) =>
      call(base, 'PUT', '/__sim/webhooks', settings),
    expireTokens: () => call(base, 'POST', '/__sim/tokens/expire'),
  };
}

/** One accepted SFCC inventory write (`GET /__sim/writes`). */
export interface SfccWriteEntry {
  seq: number;
  at: string;
  via?: string;
  listId: string;
  productId: string;
  allocation?: number;
  resetDate?: string;
}

/** An SFCC inventory record as `GET /__sim/inventory` shows it. */
export interface SfccInventoryRecord {
  inventory_list_id: string;
  product_id: string;
  allocation?: { amount: number; reset_date?: string };
}

/** A product of the SFCC simulator's catalog (`GET /__sim/catalog`). */
export interface SfccCatalogProduct {
  id: string;
  type: { master: boolean; variant: boolean; item: boolean };
  online: boolean;
  master?: { masterId: string };
}

export interface SfccOrderView {
  orderNo: string;
  creationDate: string;
  status: string;
  exportStatus: string;
  shippingStatus: string;
  oversold?: boolean;
  productItems: Array<{ itemId: string; productId?: string; quantity: number; inventoryListId?: string }>;
}

export interface DispatchEmailsView {
  total: number;
  duplicates: number;
  byOrder: Record<string, { emails: number; duplicates: number }>;
  emails: Array<{ orderNo: string; eventId: string; duplicate: boolean }>;
}

export interface SfccRequestCount {
  endpoint: string;
  method: string;
  status: number;
  count: number;
}

export function sfccSim(base: string) {
  return {
    base,
    writes: (sinceSeq = 0) =>
      call<{ writes: SfccWriteEntry[] }>(base, 'GET', `/__sim/writes?sinceSeq=${sinceSeq}`).then(
        (r) => r.writes,
      ),
    inventory: () =>
      call<{ records: SfccInventoryRecord[] }>(base, 'GET', '/__sim/inventory').then((r) => r.records),
    catalog: () =>
      call<{ products: SfccCatalogProduct[] }>(base, 'GET', '/__sim/catalog').then((r) => r.products),
    orders: () =>
      call<{ total: number; oversold: number; orders: SfccOrderView[] }>(base, 'GET', '/__sim/orders'),
    placeOrder: (
      lines: Array<{ productId?: string; quantity: number }>,
      options: { force?: boolean; allowMalformed?: boolean } = {},
    ) => call<SfccOrderView>(base, 'POST', '/__sim/orders', { lines, ...options }),
    emails: () => call<DispatchEmailsView>(base, 'GET', '/__sim/orders/dispatch-emails'),
    requests: () =>
      call<{ requests: SfccRequestCount[] }>(base, 'GET', '/__sim/requests').then((r) => r.requests),
    faults: (settings: Record<string, unknown>) => call(base, 'PUT', '/__sim/faults', settings),
    storefront: (ordersPerMinute: number) => call(base, 'PUT', '/__sim/storefront', { ordersPerMinute }),
    revokeTokens: () => call(base, 'POST', '/__sim/tokens/revoke', {}),
  };
}

export type WairSim = ReturnType<typeof wairSim>;
export type SfccSim = ReturnType<typeof sfccSim>;

/** Every SFCC fault off (the simulator's defaults). */
export const SFCC_FAULTS_OFF = {
  outageUntil: null,
  resetRate: 0,
  latencyMs: null,
  rateLimit: null,
  load: { percent: 0, shedShare: 0.5 },
  errorRates: { '500': 0, '503': 0 },
};

/** Every WAIR fault off. */
export const WAIR_FAULTS_OFF = {
  latencyMs: 0,
  error500Rate: 0,
  error503Rate: 0,
  rate429: 0,
  dropRate: 0,
  lostAnswerRate: 0,
  malformedRate: 0,
};
