/** What a readiness check reports. `detail` says why, for whoever reads `/readyz`. */
export interface ReadinessResult {
  ok: boolean;
  detail?: string;
}

/** One dependency the app needs before it can do work (Kafka reachable, consumer joined, ...). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<ReadinessResult> | ReadinessResult;
  /** Overrides the timeout given to {@link runReadinessChecks} for this check. */
  timeoutMs?: number;
}

/** The outcome of one check as served by `/readyz`. */
export interface ReadinessCheckOutcome {
  name: string;
  ok: boolean;
  detail?: string;
}

/** The outcome of all checks: ready only when every check is. */
export interface ReadinessReport {
  ready: boolean;
  checks: ReadinessCheckOutcome[];
}

/** Short enough that a Kubernetes probe (default timeout 1 s, often raised to 3–5 s) gets an answer. */
export const DEFAULT_READINESS_TIMEOUT_MS = 2000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runCheck(check: ReadinessCheck, defaultTimeoutMs: number): Promise<ReadinessCheckOutcome> {
  const timeoutMs = check.timeoutMs ?? defaultTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ReadinessResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `timed out after ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    // Starting the check inside a promise turns a synchronous throw into a rejection.
    const result = await Promise.race([Promise.resolve().then(() => check.check()), timedOut]);
    // Anything but an explicit `ok: true` counts as not ready: a probe must fail closed.
    const outcome: ReadinessCheckOutcome = { name: check.name, ok: result?.ok === true };
    if (result?.detail !== undefined) outcome.detail = result.detail;
    return outcome;
  } catch (error) {
    return { name: check.name, ok: false, detail: `check failed: ${describe(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs all checks concurrently, each bounded by its timeout, so one hanging dependency cannot make
 * the probe itself time out. A check that throws or times out is reported as not ok.
 */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number = DEFAULT_READINESS_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const outcomes = await Promise.all(checks.map((check) => runCheck(check, timeoutMs)));
  return { ready: outcomes.every((outcome) => outcome.ok), checks: outcomes };
}
