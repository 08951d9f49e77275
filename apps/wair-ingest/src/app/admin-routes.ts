import express, { type Router } from 'express';
import type { SnapshotReport, SnapshotRunner } from './snapshot-runner';

/**
 * POST /admin/snapshot starts a full snapshot (202 `started`), joins one running (`already-running`)
 * or queues it behind the start-up read of the SKU master (`queued`); GET shows whether one runs and
 * the last report.
 */
export function createAdminRoutes(snapshots: SnapshotRunner | undefined): Router {
  const router = express.Router();
  let last: SnapshotReport | { error: string } | undefined;
  router.post('/admin/snapshot', (_req, res) => {
    if (!snapshots) {
      res.status(409).json({
        error: 'not_configured',
        message: 'WAIR_BASE_URL is not set, so there is nothing to snapshot',
      });
      return;
    }
    const status = snapshots.stateFor('all');
    snapshots.run('all').then(
      (report) => (last = report),
      (error: Error) => (last = { error: error.message }),
    );
    res.status(202).json({ status });
  });
  router.get('/admin/snapshot', (_req, res) => {
    res.json({ running: snapshots?.isRunning() ?? false, last: last ?? null });
  });
  return router;
}
