import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { z } from 'zod';
import type { FullRefresh } from './full-refresh';

const bodySchema = z
  .object({
    force: z.boolean().optional(),
    skus: z.array(z.string().min(1).max(100)).max(100_000).optional(),
  })
  .strict();

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Bearer-token check in constant time; the token itself is never logged or echoed. */
function requireToken(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!token) {
      res.status(503).json({ status: 'error', message: 'admin endpoint disabled: ADMIN_TOKEN is not set' });
      return;
    }
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !timingSafeEqual(digest(given), digest(token))) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ status: 'error', message: 'missing or invalid bearer token' });
      return;
    }
    next();
  };
}

/**
 * `POST /admin/full-refresh {force?, skus?}` starts a full refresh (202, or 409 while one runs);
 * `GET /admin/full-refresh` shows the last run. Both need `Authorization: Bearer <ADMIN_TOKEN>`.
 */
export function adminRoutes(options: {
  token: string | undefined;
  fullRefresh: Pick<FullRefresh, 'start' | 'isRunning' | 'lastRun'>;
}) {
  return (app: Express): void => {
    const auth = requireToken(options.token);
    app.post('/admin/full-refresh', auth, express.json({ limit: '5mb' }), (req, res) => {
      const parsed = bodySchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        res.status(400).json({
          status: 'error',
          message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
        });
        return;
      }
      const run = options.fullRefresh.start(parsed.data);
      if (!run.started) {
        res.status(409).json({ status: 'error', message: 'a full refresh is already running' });
        return;
      }
      void run.done;
      res.status(202).json({
        status: 'started',
        force: parsed.data.force === true,
        skus: parsed.data.skus?.length ?? null,
      });
    });
    app.get('/admin/full-refresh', auth, (_req, res) => {
      res.json({ running: options.fullRefresh.isRunning(), lastRun: options.fullRefresh.lastRun() ?? null });
    });
  };
}
