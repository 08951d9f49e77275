import type { OrdersTypes } from 'commerce-sdk';
import type { SimOrder } from '../storefront/order-store';
import { EXPORT_STATUSES, ORDER_STATUSES } from './orders-transitions';

export const ORDERS_MAX_LIMIT = 200;
const SORT_BY: OrdersTypes.GetOrdersSortByEnum[] = ['creation_date', 'last_modified_date'];
const SORT_ORDER: OrdersTypes.GetOrdersSortOrderEnum[] = ['asc', 'desc'];

export type OrderQueryResult =
  | {
      ok: true;
      filter: (order: SimOrder) => boolean;
      compare: (a: SimOrder, b: SimOrder) => number;
      limit: number;
      offset: number;
    }
  | { ok: false; detail: string };

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Parses `GET /orders`' query as SCAPI documents it: comma-separated status lists, dates as
 * date-only or date-time (`From` inclusive, `To` exclusive), default sort creation date descending,
 * limit 1-200 defaulting to 100.
 */
export function parseOrderQuery(query: Record<string, unknown>): OrderQueryResult {
  const bad = (detail: string): OrderQueryResult => ({ ok: false, detail });
  const list = (name: string, allowed: readonly string[]): string[] | undefined | string => {
    const raw = one(query[name]);
    if (raw === undefined || raw === '') return undefined;
    const values = raw.split(',').map((v) => v.trim());
    const wrong = values.find((v) => !allowed.includes(v));
    return wrong === undefined ? values : `'${name}' value '${wrong}' is not one of ${allowed.join(', ')}.`;
  };
  const date = (name: string): number | undefined | string => {
    const raw = one(query[name]);
    if (raw === undefined || raw === '') return undefined;
    const at = Date.parse(raw);
    return Number.isNaN(at) ? `'${name}' must be a date, got '${raw}'.` : at;
  };
  const exportStatus = list('exportStatus', EXPORT_STATUSES);
  if (typeof exportStatus === 'string') return bad(exportStatus);
  const status = list('status', ORDER_STATUSES);
  if (typeof status === 'string') return bad(status);
  const from = date('creationDateFrom');
  const to = date('creationDateTo');
  const modifiedFrom = date('lastModifiedDateFrom');
  const modifiedTo = date('lastModifiedDateTo');
  for (const d of [from, to, modifiedFrom, modifiedTo]) if (typeof d === 'string') return bad(d);
  const sortBy = one(query['sortBy']) ?? 'creation_date';
  if (!SORT_BY.includes(sortBy as OrdersTypes.GetOrdersSortByEnum))
    return bad(`'sortBy' must be one of ${SORT_BY.join(', ')}.`);
  const sortOrder = one(query['sortOrder']) ?? 'desc';
  if (!SORT_ORDER.includes(sortOrder as OrdersTypes.GetOrdersSortOrderEnum))
    return bad(`'sortOrder' must be asc or desc.`);
  const limit = Number(one(query['limit']) ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > ORDERS_MAX_LIMIT)
    return bad(`'limit' must be an integer 1-${ORDERS_MAX_LIMIT}.`);
  const offset = Number(one(query['offset']) ?? 0);
  if (!Number.isInteger(offset) || offset < 0) return bad(`'offset' must be an integer >= 0.`);
  const within = (at: number, lo: unknown, hi: unknown) =>
    (typeof lo !== 'number' || at >= lo) && (typeof hi !== 'number' || at < hi);
  const field = sortBy === 'creation_date' ? 'creationDate' : 'lastModified';
  const sign = sortOrder === 'asc' ? 1 : -1;
  return {
    ok: true,
    limit,
    offset,
    filter: (o) =>
      (!exportStatus || exportStatus.includes(o.exportStatus)) &&
      (!status || status.includes(o.status)) &&
      within(Date.parse(o.creationDate), from, to) &&
      within(Date.parse(o.lastModified), modifiedFrom, modifiedTo),
    // Ties (same millisecond) fall back to the order number so that paging is stable.
    compare: (a, b) =>
      sign * (Date.parse(a[field]) - Date.parse(b[field]) || a.orderNo.localeCompare(b.orderNo)),
  };
}
