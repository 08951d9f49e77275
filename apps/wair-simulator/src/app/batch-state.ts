/** What a write call finds when it checks the batch. */
export type BatchProblem = 'no_batch_started' | 'batch_expired';

/**
 * The upload cycle of the WAIR write side. Start is idempotent: a start while a batch is open
 * replaces it (counted as `restarted`), so a client that crashed mid-cycle just starts again;
 * sales are upserts, so nothing the old batch wrote is lost or doubled. A batch idle for longer
 * than the timeout expires, so a client that vanished does not leave one open for ever.
 */
export function createBatchState(idleTimeoutSeconds: number, clock: () => number) {
  let open: { id: string; lastUsed: number } | undefined;
  let serial = 0;
  const counters = { started: 0, stopped: 0, restarted: 0, expired: 0 };
  const settings = { idleTimeoutSeconds };

  function expireIfIdle(): boolean {
    if (open && clock() - open.lastUsed > settings.idleTimeoutSeconds * 1000) {
      open = undefined;
      counters.expired += 1;
      return true;
    }
    return false;
  }

  return {
    counters,
    settings,
    start(): { batchId: string; replaced: string | null } {
      expireIfIdle();
      const replaced = open?.id ?? null;
      if (replaced) counters.restarted += 1;
      serial += 1;
      open = { id: `BATCH-${String(serial).padStart(6, '0')}`, lastUsed: clock() };
      counters.started += 1;
      return { batchId: open.id, replaced };
    },
    /** Marks the batch used by a write; the problem when there is no open batch. */
    touch(): BatchProblem | undefined {
      if (expireIfIdle()) return 'batch_expired';
      if (!open) return 'no_batch_started';
      open.lastUsed = clock();
      return undefined;
    },
    stop(): { batchId: string } | BatchProblem {
      const problem = this.touch();
      if (problem || !open) return problem ?? 'no_batch_started';
      const batchId = open.id;
      open = undefined;
      counters.stopped += 1;
      return { batchId };
    },
    current: (): string | null => (expireIfIdle() || !open ? null : open.id),
  };
}

export type BatchState = ReturnType<typeof createBatchState>;
