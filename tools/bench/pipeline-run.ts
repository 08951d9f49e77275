import { generateSimCatalogue } from '@wair-sfcc/sim-catalogue';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import { spawnService } from '@wair-sfcc/testing';
import type { BenchResult } from './bench-report';
import {
  ADMIN_TOKEN,
  benchTopicSpecs,
  createBenchTopics,
  publishCatalog,
  startSystem,
  type BenchProcesses,
  type BenchTopics,
} from './bench-system';
import { spawnWriter } from './app-processes';
import type { createCpuMeter, PhaseCpu } from './cpu-meter';
import { listMappings } from './inventory-model';
import { BATCH_SIZE, overloadResult, steadyResults } from './phase-results';
import { overloadSfccRate, type Scenario } from './scenario';
import { createSfccWriteLog } from './sfcc-write-log';
import { sfccSimClient, wairSimClient } from './simulator-clients';
import {
  runStreamPhase,
  waitForConvergence,
  type PhaseContext,
  type StreamPhaseResult,
} from './stream-phase';
import { runScaleSections } from './scale-run';
import { timeColdStart, timeFullRefresh } from './writer-checks';

export interface PipelineRun {
  scenario: Scenario;
  locations: string[];
  runtime: KafkaRuntime;
  topics: BenchTopics;
  cpu: ReturnType<typeof createCpuMeter>;
  phases: PhaseCpu[];
  result: BenchResult;
  say: (line: string) => void;
  /** Set as soon as the processes run, so the caller can stop them whatever happens. */
  onStarted: (system: BenchProcesses) => void;
}

/**
 * Sections 2–5 and 7: starts the system on the run's topics, loads the initial stock, then the
 * steady stream, the overload, a full refresh and a cold start of each app, filling `result`.
 */
export async function runPipelineSections(run: PipelineRun): Promise<void> {
  const { scenario, cpu, phases, result, say } = run;
  // No stream and no overload: only sections 6 and 7 remain, at sizes the OCAPI warm-up cannot reach.
  if (scenario.seconds === 0 && scenario.skip.has('overload')) return runScaleSections(run);
  say('\n▶ setting up: topics, catalogue, simulators, wair-ingest, sfcc-inventory-writer');
  const specs = benchTopicSpecs(run.topics);
  await createBenchTopics(run.runtime, specs);
  const catalogue = generateSimCatalogue({
    seed: scenario.seed,
    skuCount: scenario.skus,
    stores: run.locations.length - 2,
  });
  const skus = catalogue.skus.length;
  await publishCatalog(
    run.runtime,
    specs.products,
    catalogue.skus.map((s) => s.sku),
  );
  const sys = await startSystem({
    scenario,
    topics: run.topics,
    writerRatePerSecond: scenario.sfccRatePerSecond,
  });
  run.onStarted(sys);
  cpu.watch('wair-simulator', sys.wairSim.child.pid);
  cpu.watch('sfcc-simulator', sys.sfccSim.child.pid);
  cpu.watch('wair-ingest', sys.ingest.child.pid);
  cpu.watch('sfcc-inventory-writer', sys.writer.child.pid);
  const sfcc = sfccSimClient(sys.sfccSim.opsUrl);
  if (scenario.sfccLatencyMs > 0)
    await sfcc.faults({ latencyMs: { p50: scenario.sfccLatencyMs, p99: scenario.sfccLatencyMs } });
  const lists = listMappings(run.locations);
  const ctx: PhaseContext = {
    wair: wairSimClient(sys.wairSim.opsUrl),
    sfcc,
    writes: createSfccWriteLog(sfcc),
    lists,
    log: say,
  };
  const timeout = scenario.convergeTimeoutSeconds * 1000;

  say(`  warm-up: initial stock of ${skus} SKUs into SFCC`);
  const warm = cpu.start('warm-up (initial load)');
  const t0 = Date.now();
  const initial = await waitForConvergence(ctx, await ctx.wair.truth(), timeout);
  phases.push(warm.stop());
  if (initial.at === null)
    throw new Error(`initial stock did not converge: ${initial.incorrect} records wrong`);
  say(`  initial stock correct in SFCC after ${((initial.at - t0) / 1000).toFixed(1)} s`);

  /** One stream with CPU measured for the stream and for its drain separately. */
  const stream = async (name: string, seconds: number): Promise<StreamPhaseResult> => {
    let meter = cpu.start(`${name} stream`);
    const phase = await runStreamPhase(ctx, {
      changesPerSecond: scenario.changesPerSecond,
      seconds,
      ordersPerMinute: scenario.ordersPerSecond * 60,
      convergeTimeoutMs: timeout,
      onStreamEnded: () => {
        phases.push(meter.stop());
        meter = cpu.start(`${name} drain`);
      },
    });
    phases.push(meter.stop());
    for (const line of phase.incorrectSample) say(`  wrong: ${line}`);
    return phase;
  };

  say(`\n▶ 2–4 steady: ${scenario.changesPerSecond} changes/s for ${scenario.seconds} s`);
  const steady = await stream('steady', scenario.seconds);
  Object.assign(result, steadyResults(steady, lists, scenario.changesPerSecond, result.baseline));
  say(
    `  ${steady.changes.length} changes; last reflected ${result.pipeline?.reflectedAfterSeconds ?? '—'} s after the start`,
  );

  if (!scenario.skip.has('overload')) {
    const rate = overloadSfccRate(
      scenario.changesPerSecond,
      lists.length,
      BATCH_SIZE,
      scenario.overloadFactor,
    );
    say(
      `\n▶ 5 overload: ${scenario.changesPerSecond} changes/s for ${scenario.overloadSeconds} s against an SFCC limit of ${rate} req/s (${scenario.overloadFactor}× what it carries)`,
    );
    await sfcc.faults({ rateLimit: { ratePerSecond: rate, burst: 10 } });
    const over = await stream('overload', scenario.overloadSeconds);
    await sfcc.faults({ rateLimit: { ratePerSecond: scenario.sfccRatePerSecond, burst: 10 } });
    result.overload = overloadResult(over, lists, rate);
    const orders = await sfcc.orders();
    say(`  storefront orders so far ${orders.total}, oversold ${orders.oversold}`);
  } else result.notMeasured.push({ section: '5 overload', why: 'skipped (--skip)' });

  if (!scenario.skip.has('full-refresh')) {
    say(`\n▶ 7 full refresh through IMPEX at ${skus} SKUs (forced)`);
    result.fullRefresh = await timeFullRefresh(sys.writer, ADMIN_TOKEN, skus);
    result.notMeasured.push({
      section: '7 full refresh at 1,000,000 SKUs',
      why: `measured at the scenario's ${skus} SKUs only (--skus=1000000 --skip=overload for the issue's size)`,
    });
  }

  if (!scenario.skip.has('cold-start')) {
    say('\n▶ 7 cold start: each app restarted, time to ready (state rebuilt from the compacted topics)');
    cpu.unwatch('sfcc-inventory-writer');
    const writer = await timeColdStart(
      'sfcc-inventory-writer',
      sys.writer,
      (port) => spawnWriter(sys.env.writer, run.topics, port),
      skus,
    );
    sys.writer = writer.service;
    cpu.unwatch('wair-ingest');
    const ingest = await timeColdStart(
      'wair-ingest',
      sys.ingest,
      (port) => spawnService('wair-ingest', sys.env.ingest, port),
      skus,
    );
    sys.ingest = ingest.service;
    result.coldStart = [writer.result, ingest.result];
    result.notMeasured.push({
      section: '7 cold start at 1,000,000 SKUs',
      why: `measured at the scenario's ${skus} SKUs only`,
    });
  }
}
