import { apiEconomy, distinctPairs } from './api-economy';
import type { BaselineResult, LatencyResult, OverloadResult, PipelineResult } from './bench-report';
import { changeLatencies, lastReflectedAfter, type ListMapping } from './inventory-model';
import { summarize } from './stats';
import type { StreamPhaseResult } from './stream-phase';

/** The writer's defaults: its low-stock threshold and OCAPI's batch maximum. */
export const LOW_STOCK_THRESHOLD = 3;
export const BATCH_SIZE = 50;

const latenciesOf = (phase: StreamPhaseResult, lists: readonly ListMapping[]) =>
  changeLatencies({
    initial: phase.initialTruth,
    changes: phase.changes,
    writes: phase.writes,
    lists,
    lowStockThreshold: LOW_STOCK_THRESHOLD,
  });

/** Sections 2–4 from the steady stream: throughput against the baseline, latency per class, economy. */
export function steadyResults(
  phase: StreamPhaseResult,
  lists: readonly ListMapping[],
  offeredPerSecond: number,
  baseline: BaselineResult | undefined,
) {
  const latencies = latenciesOf(phase, lists);
  const reflectedAfter = lastReflectedAfter(latencies, phase.startedAt);
  const sustained = reflectedAfter === null ? null : phase.changes.length / reflectedAfter;
  const pipeline: PipelineResult = {
    offeredPerSecond,
    streamSeconds: (phase.streamEndedAt - phase.startedAt) / 1000,
    changesGenerated: phase.changes.length,
    reflectedAfterSeconds: reflectedAfter,
    convergedAfterSeconds: phase.convergedAt === null ? null : (phase.convergedAt - phase.startedAt) / 1000,
    sustainedPerSecond: sustained,
    ratioToBaseline: sustained !== null && baseline ? sustained / baseline.endToEndPerSecond : null,
    incorrectRecords: phase.incorrect,
    recordsChecked: phase.checked,
    incorrectSample: phase.incorrectSample,
  };
  const byClass: LatencyResult['byClass'] = {};
  for (const cls of [0, 1, 2])
    byClass[String(cls)] = summarize(
      latencies.filter((l) => l.priority === cls && l.latencyMs !== null).map((l) => l.latencyMs as number),
    );
  const latency: LatencyResult = {
    byClass,
    unreflected: latencies.filter((l) => l.latencyMs === null).length,
  };
  const economy = apiEconomy(
    phase.changes.length,
    phase.calls.total,
    distinctPairs(phase.changes, lists),
    phase.writes.length,
    BATCH_SIZE,
  );
  return { pipeline, latency, economy };
}

/** Section 5 from the overload stream: stock-out latency, drain time, 429 share, correctness. */
export function overloadResult(
  phase: StreamPhaseResult,
  lists: readonly ListMapping[],
  sfccRatePerSecond: number,
): OverloadResult {
  const latencies = latenciesOf(phase, lists);
  const stockOuts = latencies.filter((l) => l.priority === 0 && l.latencyMs !== null);
  const seconds = (phase.streamEndedAt - phase.startedAt) / 1000;
  return {
    sfccRatePerSecond,
    arrivalPerSecond: phase.changes.length / seconds,
    seconds,
    changesGenerated: phase.changes.length,
    stockOut: summarize(stockOuts.map((l) => l.latencyMs as number)),
    drainSeconds: lastReflectedAfter(latencies, phase.streamEndedAt),
    calls: phase.calls.total,
    throttled: phase.calls.throttled,
    throttledShare: phase.calls.total === 0 ? 0 : phase.calls.throttled / phase.calls.total,
    incorrectRecords: phase.incorrect,
    recordsChecked: phase.checked,
    incorrectSample: phase.incorrectSample,
  };
}
