import {
  UpstreamCallError,
  WAIR_PATHS,
  type WairSale,
  type WairSaleResult,
  type WairSalesPort,
  type WairStockNotForReplenishmentBody,
} from '@wair-sfcc/order-domain';
import { createWairHttp, type WairClientOptions } from './wair-http';

function toResults(body: unknown, sent: number): WairSaleResult[] {
  const results = (body as { results?: unknown } | null)?.results;
  const ok =
    Array.isArray(results) &&
    results.length === sent &&
    results.every(
      (r) =>
        typeof (r as WairSaleResult).id === 'string' && typeof (r as WairSaleResult).accepted === 'boolean',
    );
  if (!ok)
    throw new UpstreamCallError(
      'WAIR',
      'postSales',
      200,
      false,
      'response lacks one {id, accepted} per sale',
    );
  return (results as Array<WairSaleResult & { reservedDateTime?: unknown }>).map(
    ({ id, accepted, reason, reservedDateTime }) => {
      const result: WairSaleResult = { id, accepted };
      // WAIR's reason is text; anything else is shown as JSON (String() of some objects throws).
      if (reason !== undefined) result.reason = typeof reason === 'string' ? reason : JSON.stringify(reason);
      const reservedAt = typeof reservedDateTime === 'string' ? Date.parse(reservedDateTime) : NaN;
      // An unreadable time is treated as absent: the caller falls back to its own post time.
      if (accepted && Number.isFinite(reservedAt)) result.reservedAt = reservedAt;
      return result;
    },
  );
}

/**
 * The WAIR write side over HTTP (docs/wair-contract.md, "Write side"). Every call retries 429,
 * 5xx and lost connections itself (bounded, jittered, Retry-After honoured), re-authenticates
 * once on 401, then throws `UpstreamCallError`; a 409 (no batch open) is thrown at once as
 * retriable so that the caller restarts its cycle. Sales are upserts, so retrying is safe.
 */
export function createWairSalesClient(options: WairClientOptions): WairSalesPort {
  const http = createWairHttp(options);
  return {
    async startBatch() {
      await http.post('startBatch', WAIR_PATHS.batchStart, undefined);
    },
    async stopBatch() {
      await http.post('stopBatch', WAIR_PATHS.batchStop, undefined, {
        conflictIsSuccessAfterLostAnswer: true,
      });
    },
    async postSales(sales: WairSale[]) {
      return toResults(await http.post('postSales', WAIR_PATHS.sales, sales), sales.length);
    },
    async postStockNotForReplenishment(body: WairStockNotForReplenishmentBody) {
      await http.post('postStockNotForReplenishment', WAIR_PATHS.stockNotForReplenishment, body);
    },
  };
}
