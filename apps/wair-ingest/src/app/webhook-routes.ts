import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@wair-sfcc/observability';
import type { FieldNames } from './field-names';
import type { IngestMetrics } from './ingest-metrics';
import type { IngestPipeline, IngestResult } from './ingest-pipeline';

export interface WebhookSettings {
  path: string;
  secret: string;
  signatureHeader: string;
  timestampHeader: string;
  toleranceSeconds: number;
  maxBodyBytes: number;
}

export interface WebhookDeps {
  settings: WebhookSettings;
  pipeline: IngestPipeline;
  names: FieldNames;
  metrics: IngestMetrics;
  logger: Logger;
  clock?: () => number;
}

type Reject = { status: number; error: string; message: string; field?: string };

function verify(req: Request, body: Buffer, s: WebhookSettings, now: number): Reject | undefined {
  const signature = req.get(s.signatureHeader);
  const timestamp = req.get(s.timestampHeader);
  if (!signature || !timestamp) {
    return {
      status: 401,
      error: 'invalid_signature',
      message: `missing ${!signature ? s.signatureHeader : s.timestampHeader} header`,
    };
  }
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(now / 1000 - seconds) > s.toleranceSeconds) {
    return {
      status: 401,
      error: 'stale_timestamp',
      message: `${s.timestampHeader} must be Unix seconds within ${s.toleranceSeconds} s of now`,
    };
  }
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', s.secret).update(`${timestamp}.`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  if (!s.secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      status: 401,
      error: 'invalid_signature',
      message: `${s.signatureHeader} does not match the body`,
    };
  }
  return undefined;
}

/**
 * Receives WAIR's signed webhooks (stock.changed, order.dispatched): verifies signature and
 * timestamp, validates, feeds the pipeline and answers only once Kafka holds the result, so a 2xx
 * means nothing is lost and anything else makes WAIR retry. Invalid payloads answer 400 naming the
 * field and are parked on the DLQ with their original bytes.
 */
export function createWebhookRoutes(deps: WebhookDeps): Router {
  const { settings, pipeline, names, metrics, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const router = express.Router();

  router.post(
    settings.path,
    express.raw({ type: () => true, limit: settings.maxBodyBytes }),
    async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const rejected = verify(req, body, settings, clock());
      if (rejected) {
        metrics.signatureFailures.inc({ reason: rejected.error });
        logger.warn({ reason: rejected.error }, 'webhook rejected');
        res.status(rejected.status).json({ error: rejected.error, message: rejected.message });
        return;
      }
      let event: Record<string, unknown> | undefined;
      let problem: { field: string; message: string } | undefined;
      try {
        const parsed: unknown = JSON.parse(body.toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          event = parsed as Record<string, unknown>;
        else problem = { field: '(body)', message: 'body must be a JSON object' };
      } catch (error) {
        problem = { field: '(body)', message: `body is not valid JSON: ${(error as Error).message}` };
      }
      const type = event?.[names.type];
      const id = typeof event?.['id'] === 'string' ? event['id'] : 'no-id';
      let result: IngestResult;
      if (event && type === names['stock.changed'])
        result = pipeline.stock(event[names.data], 'webhook', id, body);
      else if (event && type === names['order.dispatched'])
        result = pipeline.dispatch(event[names.data], 'webhook', id, body);
      else {
        problem ??= { field: names.type, message: `unknown event type ${JSON.stringify(type)}` };
        // Parked as a stock record: the DLQ of the feed most webhooks belong to.
        result = pipeline.stock(undefined, 'webhook', id, body);
      }
      try {
        await result.ack;
      } catch {
        res.status(503).json({ error: 'unavailable', message: 'could not store the event; retry later' });
        return;
      }
      if (problem || result.outcome === 'INVALID') {
        const field = problem?.field ?? `${names.data}.${result.field ?? ''}`;
        res.status(400).json({
          error: 'invalid_payload',
          field,
          message: problem?.message ?? result.message,
          parkedOnDlq: true,
        });
        return;
      }
      res
        .status(200)
        .json({ outcome: result.outcome, ...(result.message ? { message: result.message } : {}) });
    },
  );

  router.use(
    settings.path,
    (error: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
      if (error.type === 'entity.too.large') {
        res.status(413).json({
          error: 'payload_too_large',
          message: `webhook bodies are limited to ${settings.maxBodyBytes} bytes`,
        });
        return;
      }
      next(error);
    },
  );
  return router;
}
