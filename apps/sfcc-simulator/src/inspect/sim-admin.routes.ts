import express, { type Router } from 'express';
import { z } from 'zod';
import type { SimState } from '../app/sim-state';
import { partialFaultSettingsSchema } from '../faults/fault-settings';
import { toInventoryDocument } from '../ocapi/inventory-record.document';
import type { RequestCounters } from './request-counters';

const orderSchema = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          productId: z.string().min(1).optional(),
          quantity: z.number().int().min(0),
          listId: z.string().optional(),
        }),
      )
      .min(1),
    force: z.boolean().optional(),
    /** Lets lines lack a product id or have quantity 0, to test consumers' validation. */
    allowMalformed: z.boolean().optional(),
  })
  .refine((o) => o.allowMalformed || o.lines.every((l) => l.productId && l.quantity > 0), {
    message: 'lines need productId and quantity >= 1 unless allowMalformed is true',
    path: ['lines'],
  });

/**
 * The simulator's own JSON API under `/__sim/`: inspection (records with history, writes, request
 * counters, orders, catalog mismatches, files, jobs) and control (faults, token revocation,
 * storefront rate, settings, reset). Not part of SFCC.
 */
export function createSimAdminRoutes(state: SimState, counters: RequestCounters): Router {
  const r = express.Router();
  const version = state.config.SIM_OCAPI_VERSION;
  r.use('/__sim', express.json({ limit: '1mb' }));
  const bad = (res: express.Response, error: z.ZodError) =>
    res.status(400).json({
      error: 'invalid request',
      issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const docOf = (listId: string, productId: string) => {
    const record = state.inventory.get(listId, productId);
    return record ? toInventoryDocument(version, record, state.inventory.figures(record)) : null;
  };

  r.get('/__sim/inventory', (req, res) => {
    const list = typeof req.query['list'] === 'string' ? req.query['list'] : undefined;
    const records = state.inventory
      .all()
      .filter((x) => !list || x.listId === list)
      .map((x) => toInventoryDocument(version, x, state.inventory.figures(x)));
    res.json({ lists: state.inventory.listIds(), total: records.length, records });
  });
  r.get('/__sim/inventory/:list/:product', (req, res) => {
    const history = state.inventory.history(req.params.list, req.params.product);
    const record = docOf(req.params.list, req.params.product);
    if (!record && history.length === 0)
      return void res.status(404).json({ error: 'no such record and no history' });
    res.json({ record, history });
  });
  r.get('/__sim/writes', (req, res) => {
    const since = Number(req.query['sinceSeq'] ?? 0);
    res.json({ writes: state.inventory.writes(Number.isFinite(since) ? since : 0) });
  });
  r.get('/__sim/requests', (_req, res) => res.json({ requests: counters.snapshot() }));
  r.get('/__sim/orders', (_req, res) => {
    const orders = state.orders.list();
    res.json({ total: orders.length, oversold: orders.filter((o) => o.oversold).length, orders });
  });
  r.post('/__sim/orders', (req, res) => {
    const parsed = orderSchema.safeParse(req.body);
    if (!parsed.success) return void bad(res, parsed.error);
    const result = state.storefront.place(parsed.data.lines, parsed.data.force ?? false);
    if (!result.ok) return void res.status(409).json({ error: result.reason });
    res.status(201).json(result.order);
  });
  r.post('/__sim/orders/:orderNo/cancel', (req, res) => {
    const result = state.storefront.cancel(req.params.orderNo);
    if (!result.ok)
      return void res.status(state.orders.get(req.params.orderNo) ? 409 : 404).json({ error: result.reason });
    res.json(result.order);
  });
  r.get('/__sim/orders/dispatch-emails', (_req, res) => {
    const emails = state.orders.dispatchEmails();
    const byOrder: Record<string, { emails: number; duplicates: number }> = {};
    for (const e of emails) {
      const entry = (byOrder[e.orderNo] ??= { emails: 0, duplicates: 0 });
      entry.emails += 1;
      if (e.duplicate) entry.duplicates += 1;
    }
    res.json({
      total: emails.length,
      duplicates: emails.filter((e) => e.duplicate).length,
      byOrder,
      emails,
    });
  });
  r.get('/__sim/orders/:orderNo', (req, res) => {
    const order = state.orders.get(req.params.orderNo);
    if (!order) return void res.status(404).json({ error: `no order ${req.params.orderNo}` });
    res.json(order);
  });
  r.put('/__sim/storefront', (req, res) => {
    const parsed = z.strictObject({ ordersPerMinute: z.number().min(0) }).safeParse(req.body);
    if (!parsed.success) return void bad(res, parsed.error);
    state.storefront.setRate(parsed.data.ordersPerMinute);
    res.json({ ordersPerMinute: state.storefront.ordersPerMinute });
  });
  r.get('/__sim/catalog', (_req, res) =>
    res.json({ total: state.catalog.products.length, products: state.catalog.products }),
  );
  r.get('/__sim/catalog/mismatches', (_req, res) => res.json({ mismatches: state.catalog.mismatches }));
  r.get('/__sim/files', (_req, res) => res.json({ files: state.files.list() }));
  r.get('/__sim/jobs', (_req, res) => res.json({ executions: state.jobs.list() }));
  r.get('/__sim/faults', (_req, res) => res.json(state.faults()));
  r.put('/__sim/faults', (req, res) => {
    const parsed = partialFaultSettingsSchema.safeParse(req.body);
    if (!parsed.success) return void bad(res, parsed.error);
    const { outageSeconds, ...rest } = parsed.data;
    state.setFaults({
      ...state.faults(),
      ...rest,
      ...(outageSeconds !== undefined
        ? { outageUntil: outageSeconds > 0 ? state.now() + outageSeconds * 1000 : null }
        : {}),
    });
    res.json(state.faults());
  });
  r.put('/__sim/settings', (req, res) => {
    const parsed = z
      .strictObject({
        rejectUnknownProducts: z.boolean().optional(),
        tokenTtlSeconds: z.number().int().min(1).optional(),
        impexMinDurationMs: z.number().int().min(0).optional(),
      })
      .safeParse(req.body);
    if (!parsed.success) return void bad(res, parsed.error);
    const s = parsed.data;
    if (s.rejectUnknownProducts !== undefined)
      state.inventory.setRejectUnknownProducts(s.rejectUnknownProducts);
    if (s.tokenTtlSeconds !== undefined) state.tokens.setTtlSeconds(s.tokenTtlSeconds);
    if (s.impexMinDurationMs !== undefined) state.jobs.setMinDurationMs(s.impexMinDurationMs);
    res.json({
      rejectUnknownProducts: state.inventory.rejectUnknownProducts,
      tokenTtlSeconds: state.tokens.ttlSeconds,
    });
  });
  r.post('/__sim/tokens/revoke', (req, res) => {
    const token = (req.body as { accessToken?: unknown } | undefined)?.accessToken;
    res.json({ revoked: state.tokens.revoke(typeof token === 'string' ? token : undefined) });
  });
  r.post('/__sim/reset', (_req, res) => {
    state.reset();
    state.storefront.setRate(0);
    counters.reset();
    res.json({ reset: true });
  });
  return r;
}
