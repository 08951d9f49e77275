import { waitFor } from '@wair-sfcc/kafka/testing';
import type { SpawnedService } from '@wair-sfcc/testing';
import type { ColdStartResult, FullRefreshResult } from './bench-report';
import { readProc } from './proc-stats';

/**
 * A forced full refresh through the writer's admin endpoint (IMPEX upload + job per list), timed
 * until the writer reports it finished, with the writer's peak RSS.
 */
export async function timeFullRefresh(
  writer: SpawnedService,
  adminToken: string,
  skus: number,
  timeoutMs = 2 * 3600_000,
): Promise<FullRefreshResult> {
  const started = Date.now();
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const post = await fetch(`${writer.opsUrl}/admin/full-refresh`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ force: true }),
  });
  if (post.status !== 202) throw new Error(`full refresh not started: HTTP ${post.status}`);
  type Status = {
    running: boolean;
    lastRun: { lists: Record<string, { sent: number }>; error: string | null } | null;
  };
  let status: Status = { running: true, lastRun: null };
  // Bounded: a refresh that never ends is a failed figure, not a bench that hangs.
  await waitFor(
    'the full refresh to end',
    async () => {
      status = (await (await fetch(`${writer.opsUrl}/admin/full-refresh`, { headers })).json()) as Status;
      return !status.running;
    },
    timeoutMs,
    250,
  );
  return {
    skus,
    records: Object.values(status.lastRun?.lists ?? {}).reduce((n, l) => n + l.sent, 0),
    seconds: (Date.now() - started) / 1000,
    writerPeakRssMb: (readProc(writer.child.pid as number)?.peakRssBytes ?? 0) / 2 ** 20,
    error: status.lastRun?.error ?? null,
  };
}

/**
 * Stops an app (SIGTERM) and starts it again on the same port, topics and group: seconds until
 * `/readyz` answers 200 (its state rebuilt from the compacted topics) and its peak RSS by then.
 */
export async function timeColdStart(
  app: string,
  current: SpawnedService,
  spawnAgain: (port: number) => SpawnedService,
  skus: number,
  readyTimeoutMs = 600_000,
): Promise<{ service: SpawnedService; result: ColdStartResult }> {
  await current.stop('SIGTERM');
  const started = Date.now();
  // Same port: the WAIR simulator's webhooks keep reaching wair-ingest.
  const service = spawnAgain(Number(new URL(current.opsUrl).port));
  await service.waitUntilReady(readyTimeoutMs);
  return {
    service,
    result: {
      app,
      skus,
      readySeconds: (Date.now() - started) / 1000,
      peakRssMb: (readProc(service.child.pid as number)?.peakRssBytes ?? 0) / 2 ** 20,
    },
  };
}
