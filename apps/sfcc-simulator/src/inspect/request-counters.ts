import type { RequestHandler } from 'express';
import { Counter, type Registry } from 'prom-client';

const ENDPOINTS: Array<[RegExp, string]> = [
  [/^\/dwsso\/oauth2\/access_token$/, 'am.token'],
  [/^\/s\/-\/dw\/batch$/, 'ocapi.batch'],
  [
    /^\/s\/-\/dw\/data\/[^/]+\/inventory_lists\/[^/]+\/product_inventory_records\/[^/]+$/,
    'ocapi.inventory_record',
  ],
  [
    /^\/s\/-\/dw\/data\/[^/]+\/inventory_lists\/[^/]+\/product_inventory_records\/?$/,
    'ocapi.inventory_records',
  ],
  [/^\/s\/-\/dw\/data\/[^/]+\/jobs\/[^/]+\/executions\/[^/]+$/, 'ocapi.job_execution'],
  [/^\/s\/-\/dw\/data\/[^/]+\/jobs\/[^/]+\/executions\/?$/, 'ocapi.job_executions'],
  [/^\/s\//, 'ocapi.other'],
  [/^\/on\/demandware\.servlet\/webdav\//, 'webdav'],
  [/^\/product\/products\/v1\/organizations\/[^/]+\/product-search$/, 'scapi.product_search'],
  [/^\/checkout\/orders\/v1\/organizations\/[^/]+\/orders\/?$/, 'scapi.orders'],
  [/^\/checkout\/orders\/v1\/organizations\/[^/]+\/orders\/[^/]+\/?$/, 'scapi.order'],
  [
    /^\/checkout\/orders\/v1\/organizations\/[^/]+\/orders\/[^/]+\/export-status$/,
    'scapi.order_export_status',
  ],
  [
    /^\/checkout\/orders\/v1\/organizations\/[^/]+\/orders\/[^/]+\/shipping-status$/,
    'scapi.order_shipping_status',
  ],
  [/^\/checkout\/orders\/v1\/organizations\/[^/]+\/orders\/[^/]+\/status$/, 'scapi.order_status'],
  [
    /^\/checkout\/orders\/v1\/organizations\/[^/]+\/orders\/[^/]+\/oms-status-events$/,
    'scapi.order_oms_status_events',
  ],
];

/** The endpoint label of a request path (route template, not the ids in it). */
export function endpointOf(path: string): string {
  return ENDPOINTS.find(([re]) => re.test(path))?.[1] ?? 'other';
}

/** Counts every API request by endpoint, method and status, for `/__sim/requests` and `/metrics`. */
export function createRequestCounters(registry: Registry) {
  const counts = new Map<string, number>();
  const metric = new Counter({
    name: 'sfcc_sim_requests_total',
    help: 'Requests to the simulated SFCC APIs by endpoint, method and status (0 = connection reset).',
    labelNames: ['endpoint', 'method', 'status'],
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const endpoint = endpointOf(req.path);
    let counted = false;
    const count = (status: number) => {
      if (counted) return;
      counted = true;
      const k = `${endpoint} ${req.method} ${status}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      metric.inc({ endpoint, method: req.method, status: String(status) });
    };
    res.on('finish', () => count(res.statusCode));
    res.on('close', () => count(res.writableFinished ? res.statusCode : 0));
    next();
  };
  return {
    middleware,
    snapshot: () =>
      [...counts.entries()]
        .map(([k, count]) => {
          const [endpoint, method, status] = k.split(' ');
          return { endpoint, method, status: Number(status), count };
        })
        .sort((a, b) =>
          `${a.endpoint}${a.method}${a.status}`.localeCompare(`${b.endpoint}${b.method}${b.status}`),
        ),
    reset: () => counts.clear(),
  };
}

export type RequestCounters = ReturnType<typeof createRequestCounters>;
