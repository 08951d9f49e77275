import express, { type Response, type Router } from 'express';
import type { BatchProblem, BatchState } from './batch-state';
import type { OrderBook } from './order-book';
import { describeIssue, snfrSchema } from './sale.schema';

export interface WriteDeps {
  batch: BatchState;
  orders: OrderBook;
  count: (name: string) => void;
}

const MESSAGES: Record<BatchProblem, string> = {
  no_batch_started: 'No batch is started: POST /api/v1/Batch/start first',
  batch_expired: 'The batch expired after being idle; POST /api/v1/Batch/start again',
};

function conflict(res: Response, problem: BatchProblem): void {
  res.status(409).json({ error: problem, message: MESSAGES[problem] });
}

/**
 * The WAIR write side (docs/wair-contract.md, "Write side"), mounted under /api/v1 behind the
 * token check and fault injection of the read side.
 */
export function createWriteRoutes(deps: WriteDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '5mb' });
  const { batch, orders, count } = deps;

  router.post('/Batch/start', (_req, res) => {
    count('POST /Batch/start');
    res.json(batch.start());
  });
  router.post('/Batch/stop', (_req, res) => {
    count('POST /Batch/stop');
    const result = batch.stop();
    if (typeof result === 'string') conflict(res, result);
    else res.json(result);
  });
  router.post('/Sales', json, (req, res) => {
    count('POST /Sales');
    const problem = batch.touch();
    if (problem) return conflict(res, problem);
    if (!Array.isArray(req.body)) {
      res
        .status(400)
        .json({ error: 'invalid_request', field: '', message: 'body must be an array of sales' });
      return;
    }
    res.json({ results: orders.acceptSales(req.body as unknown[]) });
  });
  router.post('/StockNotForReplenishment', json, (req, res) => {
    count('POST /StockNotForReplenishment');
    const problem = batch.touch();
    if (problem) return conflict(res, problem);
    const parsed = snfrSchema.safeParse(req.body);
    const issue = parsed.success ? orders.applySnfr(parsed.data) : describeIssue(parsed.error).reason;
    if (issue) {
      const field = issue.slice(0, issue.indexOf(':'));
      res.status(400).json({ error: 'invalid_request', field, message: issue });
      return;
    }
    res.json({ accepted: parsed.data?.records.length ?? 0, fullLoad: parsed.data?.fullLoad });
  });
  return router;
}
