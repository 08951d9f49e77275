import express, { type Router } from 'express';
import { z } from 'zod';
import type { Simulator } from './simulator';

const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0),
    error500Rate: z.number().min(0).max(1),
    error503Rate: z.number().min(0).max(1),
    rate429: z.number().min(0).max(1),
    retryAfterSeconds: z.number().int().min(0),
    dropRate: z.number().min(0).max(1),
    lostAnswerRate: z.number().min(0).max(1),
    malformedRate: z.number().min(0).max(1),
  })
  .partial()
  .strict();

const streamSchema = z
  .object({ changesPerSecond: z.number().min(0), dispatchEvery: z.number().int().min(0) })
  .partial()
  .strict();

const fulfilmentSchema = z
  .object({
    delayMs: z.number().int().min(0),
    splitRate: z.number().min(0).max(1),
    batchIdleTimeoutSeconds: z.number().int().min(1),
  })
  .partial()
  .strict();

const webhookSchema = z
  .object({
    url: z.string(),
    lossRate: z.number().min(0).max(1),
    duplicateRate: z.number().min(0).max(1),
    reorderRate: z.number().min(0).max(1),
  })
  .partial()
  .strict();

/** Control and inspection API for tests and benchmarks, under /__sim/. */
export function createSimRoutes(sim: Simulator, counters: Map<string, number>): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));
  const patch = <T extends z.ZodType>(schema: T, apply: (v: z.infer<T>) => unknown) =>
    ((req, res) => {
      const parsed = schema.safeParse(req.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        res
          .status(400)
          .json({ error: 'invalid_request', field: issue?.path.join('.') ?? '', message: issue?.message });
        return;
      }
      res.json(apply(parsed.data));
    }) as express.RequestHandler;

  router.get('/stock', (_req, res) => {
    res.json(sim.catalogue.skus.map((s) => sim.model.truth(s.sku)));
  });
  router.get('/stock/:sku', (req, res) => {
    const truth = sim.model.truth(req.params.sku);
    if (truth.locations.length === 0)
      res.status(404).json({ error: 'not_found', message: `no stock for ${req.params.sku}` });
    else res.json(truth);
  });
  router.get('/changes', (req, res) => {
    const since = req.query['since'] ? Date.parse(String(req.query['since'])) : undefined;
    res.json(sim.model.changes(since));
  });
  router.get('/counters', (_req, res) => {
    res.json({
      requests: Object.fromEntries(counters),
      faults: sim.faults.counters,
      webhooks: sim.webhooks.counters,
      webhooksIdle: sim.webhooks.idle(),
      changesGenerated: sim.stream.generated,
      dispatches: sim.dispatches.count(),
      sales: sim.orders.counters,
      batches: sim.batch.counters,
    });
  });
  router.get('/sales', (_req, res) => {
    res.json({
      counters: sim.orders.counters,
      batches: { ...sim.batch.counters, current: sim.batch.current() },
      sales: sim.orders.sales(),
      stockNotForReplenishment: sim.orders.snfrOpen(),
    });
  });
  router.get('/sales/:id', (req, res) => {
    const sale = sim.orders.sale(req.params.id);
    if (sale) res.json(sale);
    else res.status(404).json({ error: 'not_found', message: `no sale ${req.params.id}` });
  });
  // Every parcel dispatched (changed) since `since`, with WAIR's dispatch time: the outside record a
  // benchmark times SFCC's shipment confirmation against.
  router.get('/dispatches', (req, res) => {
    const since = req.query['since'] ? Date.parse(String(req.query['since'])) : undefined;
    if (since !== undefined && Number.isNaN(since)) {
      res
        .status(400)
        .json({ error: 'invalid_request', field: 'since', message: 'since must be a date-time' });
      return;
    }
    res.json({ dispatches: sim.dispatches.changedSince(since) });
  });
  router.post('/fulfil', (_req, res) => void res.json({ dispatches: sim.orders.fulfilDue() }));
  router.get('/fulfilment', (_req, res) => {
    res.json({ ...sim.orders.settings, batchIdleTimeoutSeconds: sim.batch.settings.idleTimeoutSeconds });
  });
  router.put(
    '/fulfilment',
    patch(fulfilmentSchema, ({ batchIdleTimeoutSeconds, ...rest }) => {
      Object.assign(sim.orders.settings, rest);
      if (batchIdleTimeoutSeconds !== undefined)
        sim.batch.settings.idleTimeoutSeconds = batchIdleTimeoutSeconds;
      return { ...sim.orders.settings, batchIdleTimeoutSeconds: sim.batch.settings.idleTimeoutSeconds };
    }),
  );
  router.get('/faults', (_req, res) => void res.json(sim.faults.faults));
  router.put(
    '/faults',
    patch(faultsSchema, (v) => Object.assign(sim.faults.faults, v)),
  );
  router.put(
    '/stream',
    patch(streamSchema, (v) => {
      if (v.dispatchEvery !== undefined) sim.stream.dispatchEvery = v.dispatchEvery;
      if (v.changesPerSecond !== undefined) sim.setRate(v.changesPerSecond);
      return sim.stream;
    }),
  );
  router.put(
    '/webhooks',
    patch(webhookSchema, (v) => {
      Object.assign(sim.webhooks.settings, v);
      return { ...sim.webhooks.settings, secret: undefined };
    }),
  );
  router.post('/tokens/expire', (_req, res) => void res.json({ expired: sim.tokens.expireAll() }));
  return router;
}
