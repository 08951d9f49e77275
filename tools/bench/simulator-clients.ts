import type { SfccWrite, TruthSku, WairChange } from './inventory-model';

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`${method} ${path} → HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface StockRowJson {
  locationCode: string;
  available: number;
  modifiedDateTime: string;
}

/** The WAIR simulator's `/__sim/` API: truth, change log, counters, stream and webhook control. */
export function wairSimClient(base: string) {
  return {
    async truth(): Promise<TruthSku[]> {
      const rows = await call<Array<{ skuCode: string; locations: StockRowJson[] }>>(
        base,
        'GET',
        '/__sim/stock',
      );
      return rows.map((r) => ({
        sku: r.skuCode,
        locations: r.locations.map((l) => ({
          location: l.locationCode,
          available: l.available,
          modifiedAt: Date.parse(l.modifiedDateTime),
        })),
      }));
    },
    async changes(since: number): Promise<WairChange[]> {
      const log = await call<
        Array<{
          at: string;
          skuCode: string;
          locationCode: string;
          onHand: number;
          reserved: number;
          sequence: number;
        }>
      >(base, 'GET', `/__sim/changes?since=${encodeURIComponent(new Date(since).toISOString())}`);
      return log.map((e) => ({
        at: Date.parse(e.at),
        sku: e.skuCode,
        location: e.locationCode,
        onHand: e.onHand,
        reserved: e.reserved,
        sequence: e.sequence,
      }));
    },
    async generated(): Promise<number> {
      return (await call<{ changesGenerated: number }>(base, 'GET', '/__sim/counters')).changesGenerated;
    },
    async stream(changesPerSecond: number): Promise<void> {
      await call(base, 'PUT', '/__sim/stream', { changesPerSecond, dispatchEvery: 0 });
    },
  };
}

/** Requests counted by the SFCC simulator, summed: all, and those answered 429. */
export interface SfccCallCount {
  total: number;
  throttled: number;
}

/** The SFCC simulator's `/__sim/` API: write history, request counters, faults, storefront. */
export function sfccSimClient(base: string) {
  return {
    async writesSince(seq: number): Promise<SfccWrite[]> {
      const { writes } = await call<{
        writes: Array<{
          seq: number;
          at: string;
          listId: string;
          productId: string;
          allocation?: number;
          resetDate?: string;
        }>;
      }>(base, 'GET', `/__sim/writes?sinceSeq=${seq}`);
      return writes.map((w) => ({
        seq: w.seq,
        at: Date.parse(w.at),
        listId: w.listId,
        productId: w.productId,
        allocation: w.allocation,
        resetDate: w.resetDate === undefined ? undefined : Date.parse(w.resetDate),
      }));
    },
    /** OCAPI, WebDAV and token calls (what the writer spends), not the storefront's SCAPI traffic. */
    async calls(): Promise<SfccCallCount> {
      const { requests } = await call<{
        requests: Array<{ endpoint: string; status: number; count: number }>;
      }>(base, 'GET', '/__sim/requests');
      const writer = requests.filter(
        (r) => /^(ocapi|webdav|am)\./.test(r.endpoint) || r.endpoint === 'webdav',
      );
      return {
        total: writer.reduce((n, r) => n + r.count, 0),
        throttled: writer.filter((r) => r.status === 429).reduce((n, r) => n + r.count, 0),
      };
    },
    async faults(settings: Record<string, unknown>): Promise<void> {
      await call(base, 'PUT', '/__sim/faults', settings);
    },
    async ordersPerMinute(rate: number): Promise<void> {
      await call(base, 'PUT', '/__sim/storefront', { ordersPerMinute: rate });
    },
    async orders(): Promise<{ total: number; oversold: number }> {
      const { total, oversold } = await call<{ total: number; oversold: number }>(
        base,
        'GET',
        '/__sim/orders',
      );
      return { total, oversold };
    },
  };
}

export type WairSimClient = ReturnType<typeof wairSimClient>;
export type SfccSimClient = ReturnType<typeof sfccSimClient>;
