import {
  expectedRecords,
  incorrectRecords,
  type ListMapping,
  type SfccWrite,
  type TruthSku,
  type WairChange,
} from './inventory-model';
import type { SfccWriteLog } from './sfcc-write-log';
import type { SfccCallCount, SfccSimClient, WairSimClient } from './simulator-clients';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PhaseContext {
  wair: WairSimClient;
  sfcc: SfccSimClient;
  writes: SfccWriteLog;
  lists: readonly ListMapping[];
  log: (line: string) => void;
}

/**
 * Waits until every SFCC record holds WAIR's truth (paused stream), reading the write history
 * every 500 ms. Resolves with the time it happened, or with `at: null` after the timeout — or
 * earlier once it has settled wrong: every record carries the newest reset date (nothing is
 * pending) and nothing was written for `settleMs`, yet some amounts differ from WAIR.
 */
export async function waitForConvergence(
  ctx: PhaseContext,
  truth: readonly TruthSku[],
  timeoutMs: number,
  settleMs = 15_000,
): Promise<{ at: number | null; incorrect: number; checked: number; sample: string[] }> {
  const expected = expectedRecords(truth, ctx.lists);
  const deadline = Date.now() + timeoutMs;
  let wrong: string[] = [];
  let lastReport = 0;
  let lastSeq = -1;
  let quietSince = Date.now();
  for (;;) {
    await ctx.writes.poll();
    if (ctx.writes.lastSeq() !== lastSeq) [lastSeq, quietSince] = [ctx.writes.lastSeq(), Date.now()];
    wrong = incorrectRecords(expected, ctx.writes.held);
    if (wrong.length === 0) return { at: Date.now(), incorrect: 0, checked: expected.size, sample: [] };
    const pending = wrong.filter(
      (key) => (ctx.writes.held.get(key)?.resetDate ?? 0) < (expected.get(key)?.asOf ?? 0),
    ).length;
    const settled = pending === 0 && Date.now() - quietSince > settleMs;
    if (Date.now() > deadline || settled) {
      // Up to five wrong records with what WAIR says and what SFCC holds, for the report.
      const sample = wrong.slice(0, 5).map((key) => {
        const [list, sku] = key.split('\u0000');
        const want = expected.get(key);
        const got = ctx.writes.held.get(key);
        return `${list}/${sku}: expected ${want?.allocation} as of ${new Date(want?.asOf ?? 0).toISOString()}, SFCC holds ${got?.allocation} reset ${got?.resetDate === undefined ? '—' : new Date(got.resetDate).toISOString()}`;
      });
      return { at: null, incorrect: wrong.length, checked: expected.size, sample };
    }
    if (Date.now() - lastReport > 10_000) {
      ctx.log(`    … ${wrong.length} of ${expected.size} SFCC records not yet correct`);
      lastReport = Date.now();
    }
    await sleep(500);
  }
}

export interface StreamPhaseResult {
  startedAt: number;
  streamEndedAt: number;
  convergedAt: number | null;
  initialTruth: TruthSku[];
  changes: WairChange[];
  writes: SfccWrite[];
  calls: SfccCallCount;
  incorrect: number;
  checked: number;
  /** A few of the records still wrong at the timeout, described. */
  incorrectSample: string[];
}

/**
 * One measured stream: WAIR changes at `changesPerSecond` for `seconds` (storefront orders
 * alongside), then paused until SFCC converges or the timeout passes. Everything measured comes
 * from the two simulators: their change log, write history and request counters.
 */
export async function runStreamPhase(
  ctx: PhaseContext,
  options: {
    changesPerSecond: number;
    seconds: number;
    ordersPerMinute: number;
    convergeTimeoutMs: number;
    /** Called when the stream pauses and the drain begins (CPU is measured per part). */
    onStreamEnded?: () => void;
  },
): Promise<StreamPhaseResult> {
  const initialTruth = await ctx.wair.truth();
  await ctx.writes.poll();
  const seq0 = ctx.writes.lastSeq();
  const calls0 = await ctx.sfcc.calls();
  const startedAt = Date.now();
  await ctx.sfcc.ordersPerMinute(options.ordersPerMinute);
  await ctx.wair.stream(options.changesPerSecond);
  const until = startedAt + options.seconds * 1000;
  while (Date.now() < until) {
    await ctx.writes.poll();
    await sleep(Math.min(1000, Math.max(0, until - Date.now())));
  }
  await ctx.wair.stream(0);
  const streamEndedAt = Date.now();
  options.onStreamEnded?.();
  const truth = await ctx.wair.truth();
  const converged = await waitForConvergence(ctx, truth, options.convergeTimeoutMs);
  await ctx.sfcc.ordersPerMinute(0);
  const calls1 = await ctx.sfcc.calls();
  const changes = (await ctx.wair.changes(startedAt)).filter(
    (c) => c.at >= startedAt && c.at <= streamEndedAt,
  );
  return {
    startedAt,
    streamEndedAt,
    convergedAt: converged.at,
    initialTruth,
    changes,
    writes: ctx.writes.since(seq0),
    calls: { total: calls1.total - calls0.total, throttled: calls1.throttled - calls0.throttled },
    incorrect: converged.incorrect,
    checked: converged.checked,
    incorrectSample: converged.sample,
  };
}
